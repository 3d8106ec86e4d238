package dev.ssmix2.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.ReadProblem;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.FileNameException;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.version.History;
import dev.ssmix2.core.version.VersionResolver;
import dev.ssmix2.core.version.VersionStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ssmix2 inspect FILE [--json]}: shows one message file as this library reads it — file-name fields,
 * version status among its siblings, charset, replaced bytes, the segments and the typed record.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Show how one SS-MIX2 message file is read: name fields, charset, segments and typed record.",
    footer = {"", "Exit status: 0 read, 1 the file is an SS-MIX2 file but not a readable message, "
        + "2 the path is missing or not an SS-MIX2 file."})
public final class InspectCommand implements Callable<Integer> {
  /** Levels from the storage root to a message file: L1/L2/患者ID/診療日/データ種別/file. */
  private static final int DEPTH = 6;

  @Parameters(paramLabel = "FILE", description = "a message file inside a storage (…/<id>/<date>/<type>/<file>)")
  Path file;

  @Option(names = "--json", description = "print JSON instead of text")
  boolean json;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.exists(file)) {
      return usage(err, file + " does not exist");
    }
    Path abs = file.toAbsolutePath().normalize();
    // A payload file of an extended-storage content folder (…/<type>/<content folder>/main_document.hl7): inspect
    // its content folder, which is what the storage names and versions.
    Optional<String> payload = Optional.empty();
    if (Files.isRegularFile(abs) && abs.getParent() != null && abs.getParent().getFileName() != null
        && FileName.tryParse(abs.getFileName().toString()).isEmpty()
        && FileName.tryParse(abs.getParent().getFileName().toString())
            .filter(n -> !n.dataType().isStandard()).isPresent()) {
      payload = Optional.of(abs.getFileName().toString());
      abs = abs.getParent();
    }
    FileName name;
    try {
      name = FileName.parse(abs.getFileName().toString());
    } catch (FileNameException e) {
      return usage(err, file + " is not an SS-MIX2 message file: " + Main.describe(e));
    }
    if (abs.getNameCount() < DEPTH) {
      return usage(err, file + " is not inside a storage (expected …/<id[0:3]>/<id[3:6]>/<id>/<date>/<type>/<file>)");
    }
    Path root = abs;
    for (int i = 0; i < DEPTH; i++) {
      root = root.getParent();
    }
    String relative = root.relativize(abs).toString().replace('\\', '/');
    StorageFile storageFile = new StorageFile(new StorageRoot(root), relative, name, Files.isDirectory(abs));
    Optional<History> history = history(storageFile);
    VersionStatus status = history.flatMap(h -> h.statusOf(storageFile))
        .orElse(RecordReader.statusOf(name.flag()));
    ReadResult result = RecordReader.read(storageFile, status);
    if (json) {
      out.println(toJson(storageFile, history, status, result, payload));
    } else {
      payload.ifPresent(p -> out.println("payload     " + p + " (in the content folder below)"));
      text(out, storageFile, history, status, result);
    }
    out.flush();
    return result instanceof MessageRead ? 0 : 1;
  }

  /** The versions of the file's key among the files of its folder (read-only listing). */
  private static Optional<History> history(StorageFile f) {
    Path folder = f.path().getParent();
    String folderRel = f.relativePath().substring(0, f.relativePath().lastIndexOf('/') + 1);
    List<StorageFile> siblings = new ArrayList<>();
    try (Stream<Path> s = Files.list(folder)) {
      s.forEach(p -> FileName.tryParse(p.getFileName().toString())
          .filter(n -> n.key().equals(f.key()) || VersionResolver.isSnapshot(n.dataType()))
          .ifPresent(n -> siblings.add(new StorageFile(f.root(), folderRel + p.getFileName(), n,
              Files.isDirectory(p)))));
    } catch (IOException e) {
      return Optional.empty();
    }
    return VersionResolver.resolve(siblings).stream().filter(h -> h.statusOf(f).isPresent()).findFirst();
  }

  private static void text(PrintWriter out, StorageFile f, Optional<History> history, VersionStatus status,
      ReadResult result) {
    FileName n = f.name();
    out.println("file        " + Terminal.safe(f.path()));
    out.println("patient     " + n.patientId());
    out.println("診療日      " + n.date());
    out.println("data type   " + n.dataType().code()
        + n.dataType().standard().map(s -> " (" + s.japaneseName() + ")").orElse(""));
    out.println("order no    " + n.orderNo());
    out.println("timestamp   " + n.timestamp());
    out.println("department  " + n.department().orElse("-"));
    out.println("flag        " + n.flag().code() + " (" + n.flag().name().toLowerCase(java.util.Locale.ROOT) + ")");
    out.println("version     " + status.label() + history.map(h -> " (" + h.versions().size() + " version"
        + (h.versions().size() == 1 ? "" : "s") + " of key " + h.key() + ")").orElse(""));
    if (result instanceof ReadProblem p) {
      out.println("problem     " + p.code().id() + ": " + Terminal.safe(p.reason()));
    } else if (result instanceof MessageRead ok) {
      out.println("charset     " + ok.decoded().charset().name()
          + ok.message().declaredCharset().map(d -> " (MSH-18 declares '" + d + "')").orElse(""));
      out.println("replaced    " + (ok.decoded().isClean() ? "none" : String.join("; ",
          ok.decoded().replacements().stream().map(r -> "byte " + r.offset() + ": " + r.hexBytes()).toList())));
      out.println("message     " + ok.message().messageType());
      out.println("record      " + ok.record().getClass().getSimpleName()
          + (ok.record().isCancel() ? " (cancel)" : ""));
      out.println("summary     " + Terminal.safe(ok.record().summary()));
      out.println();
      for (Segment s : ok.message().segments()) {
        out.println(Terminal.safe(s.raw()));
      }
    }
  }

  private static String toJson(StorageFile f, Optional<History> history, VersionStatus status, ReadResult result,
      Optional<String> payload) {
    JsonNodeFactory nf = JsonNodeFactory.instance;
    ObjectNode o = nf.objectNode();
    o.put("file", f.path().toString());
    payload.ifPresent(p -> o.put("payload", p));
    ObjectNode name = o.putObject("name");
    name.put("patientId", f.name().patientId().value());
    name.put("careDate", f.name().date().token());
    name.put("dataType", f.name().dataType().code());
    name.put("orderNo", f.name().orderNo());
    name.put("timestamp", f.name().timestamp().digits());
    name.put("department", f.name().department().orElse(null));
    name.put("flag", String.valueOf(f.name().flag().code()));
    o.put("status", status.label());
    o.put("versions", history.map(h -> h.versions().size()).orElse(1));
    if (result instanceof ReadProblem p) {
      ObjectNode problem = o.putObject("problem");
      problem.put("code", p.code().id());
      problem.put("reason", p.reason());
    } else if (result instanceof MessageRead ok) {
      o.put("charset", ok.decoded().charset().name());
      ArrayNode repl = o.putArray("replacements");
      ok.decoded().replacements().forEach(r -> repl.addObject().put("offset", r.offset())
          .put("bytes", r.hexBytes()).put("reason", r.reason()));
      o.put("messageType", ok.message().messageType().toString());
      ArrayNode segs = o.putArray("segments");
      ok.message().segments().forEach(s -> segs.add(s.raw()));
      ObjectNode rec = o.putObject("record");
      rec.put("type", ok.record().getClass().getSimpleName());
      rec.put("summary", ok.record().summary());
      rec.put("cancel", ok.record().isCancel());
      rec.set("content", tree(ok.record(), nf));
    }
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Java records to JSON by their components; Optional unwrapped; files and messages left out (shown above). */
  static JsonNode tree(Object v, JsonNodeFactory nf) {
    if (v instanceof Optional<?> opt) {
      return opt.isPresent() ? tree(opt.get(), nf) : nf.nullNode();
    }
    if (v instanceof Collection<?> c) {
      ArrayNode a = nf.arrayNode();
      c.forEach(x -> a.add(tree(x, nf)));
      return a;
    }
    if (v instanceof Number || v instanceof Boolean) {
      return nf.pojoNode(v);
    }
    if (v instanceof Record) {
      ObjectNode o = nf.objectNode();
      for (RecordComponent rc : v.getClass().getRecordComponents()) {
        Class<?> t = rc.getType();
        if (t == StorageFile.class || t == Hl7Message.class || rc.getName().equals("source")) {
          continue;
        }
        try {
          o.set(rc.getName(), tree(rc.getAccessor().invoke(v), nf));
        } catch (ReflectiveOperationException e) {
          o.put(rc.getName(), "?");
        }
      }
      return o;
    }
    return nf.textNode(String.valueOf(v));
  }

  private static int usage(PrintWriter err, String message) {
    err.println("ssmix2 inspect: " + message);
    err.flush();
    return 2;
  }
}

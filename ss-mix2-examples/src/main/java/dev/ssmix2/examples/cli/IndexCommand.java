package dev.ssmix2.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssmix2.core.SsMix2Exception;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.store.ChangeDetection;
import dev.ssmix2.index.store.IndexReport;
import dev.ssmix2.index.store.PatientIndex;
import dev.ssmix2.index.store.PatientStore;
import dev.ssmix2.index.store.RecordProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ssmix2 index --index DIR ROOT...} (or {@code --solr ZK --collection NAME} for SolrCloud): builds or brings up
 * to date the patient index of a storage. Only new, changed, renamed and removed files are processed on later runs;
 * without ROOTs the roots of the last run are used.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Build or update the patient index (names, demographics, records) of an SS-MIX2 storage.",
    footer = {"", "Exit status: 0 indexed (an empty storage gives a warning), 2 a root or the index folder cannot be "
        + "used (missing, not a storage, the folder above the roots, or an index folder inside a root)."})
public final class IndexCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin
  MaxFileSizeOption maxFileSize;

  private static final int LISTED_PER_REASON = 3;

  @picocli.CommandLine.Mixin
  IndexOptions where = new IndexOptions();

  @Parameters(paramLabel = "ROOT", arity = "0..*",
      description = "storage root folders of one storage; default: the roots of the last run")
  List<Path> roots = List.of();

  @Option(names = "--json", description = "print the summary as JSON")
  boolean json;

  @Option(names = "--trust-folder-times",
      description = "on updates, skip the size/time check of every file in a folder whose time did not change "
          + "(SS-MIX2 writers add and rename files, never rewrite them; a file rewritten in place is then missed)")
  boolean trustFolderTimes;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> given;
    try {
      where.check();
      given = roots.isEmpty() ? List.of() : StorageRoots.check("index", roots, err);
      if (!where.isSolr()) {
        StorageRoots.checkIndexOutside(where.indexDir(), given);
      }
    } catch (UsageException e) {
      return Main.fail(err, "index", e);
    }
    if (given.isEmpty() && !where.isSolr() && !PatientIndex.exists(where.indexDir())) {
      err.println("ssmix2 index: no storage root given and " + where.indexDir() + " has none recorded; "
          + "usage: ssmix2 index --index DIR ROOT...");
      err.flush();
      return Main.EXIT_USAGE;
    }
    try (PatientStore index = where.openForUpdate()) {
      List<Path> use = given.isEmpty() ? index.roots() : given;
      if (use.isEmpty()) {
        err.println("ssmix2 index: no storage root given and " + index.location() + " has none recorded; "
            + "usage: ssmix2 index " + where.args() + " ROOT...");
        err.flush();
        return Main.EXIT_USAGE;
      }
      if (given.isEmpty() && !where.isSolr()) {
        StorageRoots.checkIndexOutside(where.indexDir(), use);
      }
      Storage storage = Storage.open(use);
      IndexReport report;
      try (ConsoleProgress progress = ConsoleProgress.onStderr(spec, "indexing")) {
        ChangeDetection detection = trustFolderTimes ? ChangeDetection.FOLDER_TIMES : ChangeDetection.EVERY_FILE;
        report = index.update(storage, detection,
            p -> progress.update(p.filesSeen(), p.filesExpected(), "files"));
      }
      if (json) {
        out.println(toJson(report, index));
      } else {
        text(out, report, index);
      }
      out.flush();
      if (report.patients() == 0 && StorageRoots.allEmpty(use)) {
        err.println("ssmix2 index: warning: the storage is empty (no patient folders in "
            + String.join(", ", use.stream().map(Object::toString).toList()) + "); the index has no patients");
        err.flush();
      }
      return 0;
    } catch (UsageException | SsMix2Exception | IllegalArgumentException e) {
      return Main.fail(err, "index", e);
    }
  }

  private static void text(PrintWriter out, IndexReport r, PatientStore index) {
    out.printf(Locale.ROOT, "index       %s%s%n", index.location(), r.rebuilt() ? " (built from scratch)" : "");
    out.printf(Locale.ROOT, "roots       %s%n", index.roots());
    out.printf(Locale.ROOT, "files       %,d seen, %,d indexed, %,d unchanged, %,d removed%n",
        r.filesSeen(), r.filesIndexed(), r.filesUnchanged(), r.filesRemoved());
    out.printf(Locale.ROOT, "patients    %,d in the index, %,d updated, %,d removed, %,d walked%n",
        r.patients(), r.patientsUpdated(), r.patientsRemoved(), r.patientsWalked());
    out.printf(Locale.ROOT, "changes     found by %s%n", r.basis().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    r.notes().forEach(n -> out.println("note        " + Terminal.safe(n)));
    out.printf(Locale.ROOT, "skipped     %,d%n", r.skippedCount());
    for (Map.Entry<String, List<RecordProblem>> e : byReason(r).entrySet()) {
      out.printf(Locale.ROOT, "  %,6d  %s%n", e.getValue().size(), Terminal.safe(e.getKey()));
      e.getValue().stream().limit(LISTED_PER_REASON).forEach(p -> out.println("          " + Terminal.safe(p.file())));
    }
    out.printf(Locale.ROOT, "took        %.1f s%n", r.elapsed().toMillis() / 1000.0);
  }

  /** Problems grouped by the reason's kind (the text before ':'), so 10,000 stray files make one line. */
  private static Map<String, List<RecordProblem>> byReason(IndexReport r) {
    Map<String, List<RecordProblem>> m = new TreeMap<>();
    for (RecordProblem p : r.skipped()) {
      String reason = p.reason();
      int colon = reason.indexOf(':');
      m.computeIfAbsent(colon > 0 ? reason.substring(0, colon) : reason, k -> new java.util.ArrayList<>()).add(p);
    }
    return m;
  }

  private static String toJson(IndexReport r, PatientStore index) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode o = mapper.createObjectNode();
    o.put("index", index.location());
    index.roots().forEach(p -> o.withArray("roots").add(p.toString()));
    o.put("rebuilt", r.rebuilt());
    o.put("filesSeen", r.filesSeen());
    o.put("filesIndexed", r.filesIndexed());
    o.put("filesUnchanged", r.filesUnchanged());
    o.put("filesRemoved", r.filesRemoved());
    o.put("patients", r.patients());
    o.put("patientsUpdated", r.patientsUpdated());
    o.put("patientsRemoved", r.patientsRemoved());
    o.put("patientsWalked", r.patientsWalked());
    o.put("patientsRederived", r.patientsRederived());
    o.put("basis", r.basis().name());
    var notes = o.putArray("notes");
    r.notes().forEach(notes::add);
    o.put("skippedCount", r.skippedCount());
    var skipped = o.putArray("skipped");
    r.skipped().forEach(p -> skipped.addObject().put("root", p.root().toString()).put("file", p.file())
        .put("reason", p.reason()));
    o.put("seconds", r.elapsed().toMillis() / 1000.0);
    try {
      return mapper.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}

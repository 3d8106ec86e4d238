package dev.ssmix2.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageException;
import dev.ssmix2.core.validate.Finding;
import dev.ssmix2.core.validate.FindingCode;
import dev.ssmix2.core.validate.Severity;
import dev.ssmix2.core.validate.ValidationSummary;
import dev.ssmix2.core.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ssmix2 validate ROOT... [--json]}: checks a storage and reports findings. Exit status 0 when there is no
 * ERROR, 1 when there is one, 2 when a root cannot be used.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check an SS-MIX2 storage (one or more root folders) and report problems.",
    footer = {"", "Exit status: 0 no ERROR (an empty storage gives a warning), 1 at least one ERROR, 2 a root cannot be "
        + "used (missing, not a storage, or the folder above the roots)."})
public final class ValidateCommand implements Callable<Integer> {

  @picocli.CommandLine.Mixin
  MaxFileSizeOption maxFileSize;

  @Parameters(arity = "1..*", paramLabel = "ROOT", description = "storage root folder(s) of one storage")
  List<Path> roots;

  @Option(names = "--json", description = "print {\"files\": N, \"findings\": [...]} instead of a report")
  boolean json;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Storage storage;
    try {
      storage = Storage.open(StorageRoots.check("validate", roots, err));
    } catch (UsageException | StorageException e) {
      return usage(err, Main.describe(e));
    }
    ValidationSummary summary = json ? json(storage, out) : report(storage, out);
    out.flush();
    if (StorageRoots.allEmpty(storage.roots().stream().map(r -> r.path()).toList())) {
      err.println("ssmix2 validate: warning: the storage is empty (no patient folders in "
          + String.join(", ", storage.roots().stream().map(Object::toString).toList()) + ")");
      err.flush();
    }
    return summary.hasErrors() ? 1 : 0;
  }

  /** Streams findings into the JSON array as they are found; "files" follows them (JSON keys have no order). */
  private static ValidationSummary json(Storage storage, PrintWriter out) {
    try {
      JsonGenerator g = new JsonFactory().createGenerator(new NonClosing(out));
      g.writeStartObject();
      g.writeArrayFieldStart("findings");
      ValidationSummary summary = Validator.validate(storage, f -> write(g, f), n -> { });
      g.writeEndArray();
      g.writeNumberField("files", summary.entries());
      g.writeObjectFieldStart("counts");
      g.writeNumberField("ERROR", summary.errors());
      g.writeNumberField("WARNING", summary.warnings());
      g.writeNumberField("INFO", summary.infos());
      g.writeEndObject();
      g.writeEndObject();
      g.flush();
      out.println();
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(JsonGenerator g, Finding f) {
    try {
      g.writeStartObject();
      g.writeStringField("severity", f.severity().name());
      g.writeStringField("code", f.code().id());
      g.writeStringField("path", f.path());
      g.writeStringField("message", f.message());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Groups findings by severity and code, so that a thousand stray files read as one block. */
  private static ValidationSummary report(Storage storage, PrintWriter out) {
    Map<Severity, Map<FindingCode, List<Finding>>> grouped = new EnumMap<>(Severity.class);
    ValidationSummary summary = Validator.validate(storage,
        f -> grouped.computeIfAbsent(f.severity(), s -> new TreeMap<>())
            .computeIfAbsent(f.code(), c -> new ArrayList<>()).add(f),
        n -> { });
    out.println("Storage: " + Terminal.safe(String.join(", ", storage.roots().stream().map(Object::toString).toList())));
    out.println("Checked " + summary.entries() + " files and folders: " + summary.errors() + " errors, "
        + summary.warnings() + " warnings, " + summary.infos() + " notes.");
    grouped.forEach((severity, byCode) -> byCode.forEach((code, findings) -> {
      out.println();
      out.println(severity + " " + code.id() + " (" + findings.size() + ")");
      for (Finding f : findings) {
        out.println("  " + Terminal.safe(f.path()));
        out.println("      " + Terminal.safe(f.message()));
      }
    }));
    if (grouped.isEmpty()) {
      out.println("No problems found.");
    }
    return summary;
  }

  private static int usage(PrintWriter err, String message) {
    err.println("ssmix2 validate: " + message);
    err.flush();
    return 2;
  }

  /** Lets the JSON generator write to the command's writer without closing it. */
  private static final class NonClosing extends Writer {
    private final Writer delegate;

    NonClosing(Writer delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      delegate.write(cbuf, off, len);
    }

    @Override
    public void flush() throws IOException {
      delegate.flush();
    }

    @Override
    public void close() throws IOException {
      delegate.flush();
    }
  }
}

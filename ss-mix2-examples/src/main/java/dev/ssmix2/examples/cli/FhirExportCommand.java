package dev.ssmix2.examples.cli;

import dev.ssmix2.core.fhir.BulkExport;
import dev.ssmix2.core.fhir.ExportProblem;
import dev.ssmix2.core.fhir.ExportSink;
import dev.ssmix2.core.fhir.FhirExportOptions;
import dev.ssmix2.core.fhir.FhirExporter;
import dev.ssmix2.core.fhir.FhirValidation;
import dev.ssmix2.core.fhir.PatientResources;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.index.store.PatientIndex;
import dev.ssmix2.index.store.PatientIndexException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ssmix2 export fhir --index DIR --out DIR [--patient ID…] [--format ndjson|bundle] [--validate] [--ig TGZ]
 * [--history] [--facility CODE]}: the storage of an index as FHIR R4 on the JP Core profiles (mapping in core,
 * {@code dev.ssmix2.core.fhir}). Streams patient by patient; progress and the summary go to stderr.
 */
@Command(
    name = "fhir",
    mixinStandardHelpOptions = true,
    description = {"Export patients as FHIR R4 JP Core resources (JAMI SS-MIX2 → FHIR mapping).",
        "NDJSON per resource type (FHIR Bulk Data layout) or one transaction Bundle per patient."},
    footer = {"", "Exit status: 0 written (and valid), 1 written but validation found errors or a patient is"
        + " missing, 2 unusable input."})
public final class FhirExportCommand implements Callable<Integer> {

  private static final int MAX_LISTED = 20;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "index folder built by 'ssmix2 index'")
  Path indexDir;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "output folder: new or empty, outside every storage root")
  Path out;

  @Option(names = "--patient", paramLabel = "ID", split = ",", description = "export only these patients (患者ID)")
  List<String> patients = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ndjson",
      description = "ndjson (default) or bundle")
  String format;

  @Option(names = "--history", description = "also export superseded and deleted versions, as deletions")
  boolean history;

  @Option(names = "--facility", paramLabel = "CODE",
      description = "10-digit 医療機関コード: the patient identifier system urn:oid:1.2.392.100495.20.3.51.1<CODE>")
  String facility;

  @Option(names = "--validate", description = "validate what was written with HAPI FHIR's validator (base R4)")
  boolean validate;

  @Option(names = "--ig", paramLabel = "TGZ", description = "a FHIR package (e.g. JP Core package.tgz) to validate"
      + " against too; implies --validate")
  List<Path> igs = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", description = "patients mapped in parallel (default: cores)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (threads < 1) {
      return fail(err, "--threads must be at least 1");
    }
    if (!format.equals("ndjson") && !format.equals("bundle")) {
      return fail(err, "--format must be ndjson or bundle, not '" + format + "'");
    }
    FhirExportOptions options = FhirExportOptions.defaults().withHistory(history);
    if (facility != null) {
      try {
        options = options.withFacility(facility.strip());
      } catch (IllegalArgumentException e) {
        return fail(err, e.getMessage());
      }
    }
    for (Path ig : igs) {
      if (!Files.isRegularFile(ig)) {
        return fail(err, "--ig " + ig + " is not a file (expected a FHIR package .tgz)");
      }
    }
    List<PatientId> ids = new ArrayList<>();
    for (String p : patients) {
      try {
        ids.add(PatientId.of(p));
      } catch (IllegalArgumentException e) {
        return fail(err, e.getMessage());
      }
    }
    List<Path> roots;
    try (PatientIndex index = PatientIndex.openExisting(indexDir)) {
      StaleIndexWarning.printIfStale("export fhir", index, indexDir, err);
      List<dev.ssmix2.index.store.Facility> facilities = index.facilities();
      if (facilities.size() > 1) {
        // one facility at a time: patients of two facilities may share an ID
        String code = facility == null ? null : facility.strip();
        if (code == null || facilities.stream().noneMatch(f -> f.code().equals(code))) {
          return fail(err, "the index at " + indexDir + " holds " + facilities.size() + " facilities ("
              + String.join(", ", facilities.stream().map(Object::toString).toList()) + "); give --facility CODE "
              + "to export one of them");
        }
        roots = index.roots(code).stream().filter(Files::isDirectory).toList();
      } else {
        roots = index.roots().stream().filter(Files::isDirectory).toList();
      }
      if (roots.isEmpty()) {
        return fail(err, "the index at " + indexDir + " names no storage root that exists now: " + index.roots());
      }
      Optional<String> inside = OutputFolders.insideAny(out, roots);
      if (inside.isPresent()) {
        return fail(err, "--out " + out + " is inside the storage root " + inside.get()
            + "; a storage is read-only, choose a folder outside it");
      }
      if (Files.isDirectory(out) && !OutputFolders.isEmpty(out)) {
        return fail(err, "--out " + out + " is not empty; choose a new or empty folder");
      }
      if (Files.exists(out) && !Files.isDirectory(out)) {
        return fail(err, "--out " + out + " is a file, not a folder");
      }
      long total = ids.isEmpty() ? index.patientCount() : ids.size();
      if (facility == null) {
        err.println("ssmix2 export fhir: no --facility given: patient identifiers are written without a system");
      }
      return export(Storage.open(roots), ids, total, options, err);
    } catch (PatientIndexException e) {
      return fail(err, e.getMessage());
    } catch (IOException e) {
      return fail(err, "cannot write " + out + ": " + Main.describe(e));
    }
  }

  private int export(Storage storage, List<PatientId> ids, long total, FhirExportOptions options, PrintWriter err)
      throws IOException {
    FhirExporter exporter = FhirExporter.create(options);
    List<ExportProblem> problems = new ArrayList<>();
    Map<String, Integer> unmapped = new TreeMap<>();
    int missing = 0;
    long patientsDone = 0;
    long filesRead = 0;
    long started = System.nanoTime();
    List<Path> written;
    Map<String, Long> counts;
    try (ExportSink sink = format.equals("bundle") ? ExportSink.bundles(out) : ExportSink.ndjson(out);
        ConsoleProgress progress = ConsoleProgress.onStderr(spec, "export fhir")) {
      if (!ids.isEmpty()) {
        for (PatientId id : ids) {
          List<StorageFile> files;
          try (Stream<StorageFile> s = storage.files(id)) {
            files = s.toList();
          }
          if (files.isEmpty()) {
            err.println("ssmix2 export fhir: no patient " + id + " in the storage");
            missing++;
            continue;
          }
          PatientResources r = exporter.export(id, files);
          sink.write(r);
          collect(r, problems, unmapped);
          filesRead += r.files();
          progress.update(++patientsDone, total, "patients");
        }
      } else {
        long[] done = {0, 0};
        try (Stream<PatientFolder> s = storage.patients(u -> problems.add(new ExportProblem(u.relativePath(),
            "unplaced", u.reason())))) {
          BulkExport.run(s, exporter, sink, threads, r -> {
            collect(r, problems, unmapped);
            done[1] += r.files();
            progress.update(++done[0], total, "patients");
          });
        }
        patientsDone = done[0];
        filesRead = done[1];
      }
      sink.close();
      written = sink.files();
      counts = sink.counts();
    }
    double seconds = Math.max((System.nanoTime() - started) / 1e9, 1e-3);
    long resources = counts.values().stream().mapToLong(Long::longValue).sum();
    err.printf(Locale.ROOT, "ssmix2 export fhir: %,d patients, %,d files → %,d resources in %.1f s (%,.0f resources/s,"
        + " %,.0f files/s) into %s%n", patientsDone, filesRead, resources, seconds, resources / seconds,
        filesRead / seconds, out);
    err.println("  " + counts);
    if (!unmapped.isEmpty()) {
      err.println("  files without a FHIR mapping (not exported), by data type: " + unmapped);
    }
    if (!problems.isEmpty()) {
      err.println("  " + problems.size() + " problem(s); the rest was exported:");
      problems.stream().limit(MAX_LISTED).forEach(p -> err.println("    " + p));
      if (problems.size() > MAX_LISTED) {
        err.println("    … and " + (problems.size() - MAX_LISTED) + " more");
      }
    }
    err.flush();
    int status = missing > 0 ? 1 : 0;
    if (validate || !igs.isEmpty()) {
      status = Math.max(status, validate(written, err));
    }
    return status;
  }

  private static void collect(PatientResources r, List<ExportProblem> problems, Map<String, Integer> unmapped) {
    problems.addAll(r.problems());
    r.unmapped().forEach((k, v) -> unmapped.merge(k, v, Integer::sum));
  }

  private int validate(List<Path> files, PrintWriter err) throws IOException {
    err.println("ssmix2 export fhir: loading the FHIR validator (base R4" + (igs.isEmpty() ? "" : " + " + igs)
        + ") …");
    err.flush();
    FhirValidation validation = FhirValidation.create(igs);
    int[] listed = {0};
    FhirValidation.Summary s = validation.validateFiles(files, i -> {
      if (i.issue().severity() == FhirValidation.Severity.ERROR && listed[0]++ < MAX_LISTED) {
        err.println("  ERROR " + out.relativize(i.file()) + (i.line() > 0 ? ":" + i.line() : "") + " "
            + i.issue().location() + ": " + i.issue().message());
      }
    });
    err.printf(Locale.ROOT, "ssmix2 export fhir: validated %,d resources against base R4%s: %,d errors, %,d warnings%n",
        s.resources(), validation.packages().isEmpty() ? "" : " and " + validation.packages(), s.errors(),
        s.warnings());
    err.flush();
    return s.errors() > 0 ? 1 : 0;
  }

  private static int fail(PrintWriter err, String message) {
    err.println("ssmix2 export fhir: " + message);
    err.flush();
    return Main.EXIT_USAGE;
  }
}

package dev.ssmix2.examples.cli;

import dev.ssmix2.core.export.ExportException;
import dev.ssmix2.core.export.ExportFormat;
import dev.ssmix2.core.export.ExportOptions;
import dev.ssmix2.core.export.ExportProfile;
import dev.ssmix2.core.export.ExportReport;
import dev.ssmix2.core.export.ResearchExport;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ssmix2 export tables ROOT... --out DIR}: de-identified research tables (Parquet or CSV); wires
 * {@link ResearchExport} to the command line.
 */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description = {"Write analysis tables (patients, encounters, diagnoses, prescriptions, injections, "
        + "administrations, lab_results, allergies, vital_signs, files) from a storage, de-identified unless "
        + "--identified is given. Run it again after an interruption and it resumes."},
    footer = {"", "Exit status: 0 exported, 2 a root, the output or the key file cannot be used."})
public final class ExportTablesCommand implements Callable<Integer> {
  @Parameters(paramLabel = "ROOT", arity = "1..*", description = "storage root folders of one storage")
  List<Path> roots;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "output folder, outside every root (created; an interrupted export there is resumed)")
  Path out;

  @Option(names = "--format", paramLabel = "parquet|csv", defaultValue = "parquet",
      description = "parquet (default, hive-partitioned by facility and year) or csv (UTF-8)")
  String format;

  @Option(names = "--profile", paramLabel = "tables|ssmixtools", defaultValue = "tables",
      description = "tables (default) or ssmixtools: its cleaned-table file names and columns")
  String profile;

  @Option(names = "--key-file", paramLabel = "FILE",
      description = "secret key of the pseudonyms, created owner-only when missing; keep it, and never ship it "
          + "with an export (default: ~/.ssmix2/export.key)")
  Path keyFile;

  @Option(names = "--date-shift-days", paramLabel = "N", defaultValue = "" + ExportOptions.DEFAULT_DATE_SHIFT_DAYS,
      description = "every date of a patient moves by the patient's own 1..N days, earlier or later "
          + "(default ${DEFAULT-VALUE}; 0 keeps dates)")
  int dateShiftDays;

  @Option(names = "--since", paramLabel = "DATE",
      description = "only 診療日 folders on or after DATE (YYYY-MM-DD); undated data is always exported")
  String since;

  @Option(names = "--identified",
      description = "keep patient IDs, names, addresses, phones, free text and real dates (written into "
          + "manifest.json); only for use inside the hospital")
  boolean identified;

  @Option(names = "--all-versions", description = "also export superseded and deleted versions (see 'status')")
  boolean allVersions;

  @Option(names = "--facility", paramLabel = "CODE", defaultValue = ExportOptions.DEFAULT_FACILITY,
      description = "facility code written into every row and partition (default '${DEFAULT-VALUE}')")
  String facility;

  @Option(names = "--bom", description = "CSV files start with a UTF-8 byte-order mark (for Excel)")
  boolean bom;

  @Option(names = "--threads", paramLabel = "N", description = "reading threads (default: twice the cores, min 4)")
  Integer threads;

  @Option(names = "--unit-patients", paramLabel = "N",
      description = "patients per work unit, the grain of resuming (default 2500); smaller units write more, "
          + "smaller files")
  Integer unitPatients;

  @Option(names = "--memory-limit", paramLabel = "SIZE", defaultValue = "1GB",
      description = "DuckDB memory limit for Parquet (default ${DEFAULT-VALUE}); beyond it DuckDB spills to "
          + "--temp-dir")
  String memoryLimit;

  @Option(names = "--temp-dir", paramLabel = "DIR", description = "DuckDB spill folder (default: DIR/.tmp)")
  Path tempDir;

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      for (Path r : roots) {
        if (!Files.isDirectory(r)) {
          return fail(err, "storage root " + r + " is not a folder");
        }
      }
      ExportOptions.Builder b = ExportOptions.builder(this.out)
          .format(switch (format.toLowerCase(Locale.ROOT)) {
            case "parquet" -> ExportFormat.PARQUET;
            case "csv" -> ExportFormat.CSV;
            default -> throw new IllegalArgumentException("--format " + format + " is unknown; expected parquet or csv");
          })
          .profile(switch (profile.toLowerCase(Locale.ROOT)) {
            case "tables" -> ExportProfile.TABLES;
            case "ssmixtools" -> ExportProfile.SSMIXTOOLS;
            default -> throw new IllegalArgumentException("--profile " + profile
                + " is unknown; expected tables or ssmixtools");
          })
          .dateShiftDays(dateShiftDays)
          .identified(identified)
          .allVersions(allVersions)
          .facility(facility)
          .bom(bom)
          .memoryLimit(memoryLimit);
      if (!identified) {
        b.keyFile(keyFile != null ? keyFile : Path.of(System.getProperty("user.home"), ".ssmix2", "export.key"));
      }
      if (since != null) {
        try {
          b.since(LocalDate.parse(since));
        } catch (DateTimeParseException e) {
          return fail(err, "--since " + since + " is not a date; expected YYYY-MM-DD");
        }
      }
      if (threads != null) {
        b.threads(threads);
      }
      if (unitPatients != null) {
        b.unitPatients(unitPatients);
      }
      if (tempDir != null) {
        b.tempDir(tempDir);
      }
      ExportOptions options = b.build();
      ExportReport report;
      try (ConsoleProgress progress = ConsoleProgress.onStderr(spec, "exporting")) {
        report = ResearchExport.run(Storage.open(roots), options,
            (done, total, patients) -> progress.update(done, total, "units"));
      }
      out.printf(Locale.ROOT, "export      %s (%s, %s)%n", report.out(), options.format().extension(),
          identified ? "IDENTIFIED: names, IDs and real dates kept" : "de-identified");
      if (!identified) {
        out.printf(Locale.ROOT, "key file    %s (keep it; the same key gives the same pseudonyms)%n",
            options.keyFile().orElseThrow());
      }
      out.printf(Locale.ROOT, "patients    %,d%n", report.patients());
      for (Map.Entry<String, Long> e : new java.util.TreeMap<>(report.rowCounts()).entrySet()) {
        out.printf(Locale.ROOT, "  %-26s %,12d rows%n", e.getKey(), e.getValue());
      }
      out.printf(Locale.ROOT, "unreadable  %,d files (listed in manifest.json)%n", report.unreadableFiles());
      out.printf(Locale.ROOT, "units       %,d (%,d finished by an earlier run)%n", report.units(),
          report.unitsResumed());
      out.printf(Locale.ROOT, "took        %.1f s%n", report.elapsed().toMillis() / 1000.0);
      out.flush();
      return 0;
    } catch (ExportException | StorageException | IllegalArgumentException e) {
      return fail(err, e.getMessage());
    }
  }

  private static int fail(PrintWriter err, String message) {
    err.println("ssmix2 export tables: " + message);
    err.flush();
    return Main.EXIT_USAGE;
  }
}

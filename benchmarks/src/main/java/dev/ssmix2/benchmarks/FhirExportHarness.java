package dev.ssmix2.benchmarks;

import dev.ssmix2.core.fhir.BulkExport;
import dev.ssmix2.core.fhir.ExportSink;
import dev.ssmix2.core.fhir.FhirExportOptions;
import dev.ssmix2.core.fhir.FhirExporter;
import dev.ssmix2.core.fhir.FhirValidation;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * FHIR export throughput beside a full index build of the same storage, in one JVM and one run, alternating the
 * two so that machine load hits both alike; then (optionally) HAPI validation of every resource exported from a
 * smaller storage.
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar dev.ssmix2.benchmarks.FhirExportHarness \
 *     [--patients 10000] [--rounds 3] [--validate-patients 300]
 * </pre>
 *
 * <p>Target: export ≤ 1.5 × the full build time. Each round times a full build into an empty folder and an NDJSON
 * export (both on all cores) into an empty folder; the first round of each is a warm-up and not counted. Prints
 * markdown with mean ± standard deviation, resources/s, files/s and the load average before and after.
 */
public final class FhirExportHarness {
  private FhirExportHarness() {}

  public static void main(String[] args) throws Exception {
    int patients = 10_000;
    int rounds = 3;
    int validatePatients = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--patients" -> patients = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--validate-patients" -> validatePatients = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; expected --patients N, --rounds N, --validate-patients N");
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("## FHIR export vs full index build\n\n");
    md.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(", load before: ").append(load()).append("\n\n");
    if (patients > 0) {
      throughput(GeneratedStorage.realistic(patients, 42), rounds, md);
    }
    if (validatePatients > 0) {
      validation(GeneratedStorage.realistic(validatePatients, 42), md);
    }
    md.append("\nload after: ").append(load()).append('\n');
    System.out.println(md);
  }

  private static void throughput(GeneratedStorage storage, int rounds, StringBuilder md) throws IOException {
    List<Double> build = new ArrayList<>();
    List<Double> export = new ArrayList<>();
    long resources = 0;
    long files = 0;
    int threads = Runtime.getRuntime().availableProcessors();
    for (int round = 0; round <= rounds; round++) {
      Path indexDir = Workspace.work().resolve("fhir-harness-index");
      Workspace.deleteTree(indexDir);
      long t0 = System.nanoTime();
      try (LibraryIndex index = LibraryIndex.update(storage.roots(), indexDir)) {
        double s = (System.nanoTime() - t0) / 1e9;
        if (round > 0) {
          build.add(s);
        }
        System.err.printf(Locale.ROOT, "round %d: full build %.1f s%n", round, s);
      }
      Workspace.deleteTree(indexDir);

      Path out = Workspace.work().resolve("fhir-harness-out");
      Workspace.deleteTree(out);
      LongAdder fileCount = new LongAdder();
      long t1 = System.nanoTime();
      Map<String, Long> counts;
      try (ExportSink sink = ExportSink.ndjson(out);
          Stream<PatientFolder> ps = Storage.open(storage.roots()).patients(u -> { })) {
        BulkExport.run(ps, FhirExporter.create(FhirExportOptions.defaults().withFacility("1311234567")), sink,
            threads, r -> fileCount.add(r.files()));
        sink.close();
        counts = sink.counts();
      }
      double s = (System.nanoTime() - t1) / 1e9;
      resources = counts.values().stream().mapToLong(Long::longValue).sum();
      files = fileCount.sum();
      if (round > 0) {
        export.add(s);
      }
      System.err.printf(Locale.ROOT, "round %d: export %.1f s, %,d resources from %,d files%n", round, s, resources,
          files);
      Workspace.deleteTree(out);
    }
    double b = mean(build);
    double e = mean(export);
    md.append(String.format(Locale.ROOT, "%,d realistic patients (seed 42), %,d files → %,d resources; %d measured"
        + " rounds after one warm-up, %d threads each%n%n", storage.patients(), files, resources, rounds, threads));
    md.append("| | time (s) | resources/s | files/s |\n|---|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| full index build | %.1f ± %.1f | — | %,.0f |%n", b, sd(build), files / b));
    md.append(String.format(Locale.ROOT, "| FHIR NDJSON export | %.1f ± %.1f | %,.0f | %,.0f |%n", e, sd(export),
        resources / e, files / e));
    md.append(String.format(Locale.ROOT, "%nexport / build = **%.2f×** (target ≤ 1.5×)%n", e / b));
  }

  private static void validation(GeneratedStorage storage, StringBuilder md) throws IOException {
    Path out = Workspace.work().resolve("fhir-harness-validate");
    Workspace.deleteTree(out);
    List<Path> files;
    try (ExportSink sink = ExportSink.ndjson(out);
        Stream<PatientFolder> ps = Storage.open(storage.roots()).patients(u -> { })) {
      BulkExport.run(ps, FhirExporter.create(FhirExportOptions.defaults().withFacility("1311234567")
          .withHistory(true)), sink, Runtime.getRuntime().availableProcessors(), r -> { });
      sink.close();
      files = sink.files();
    }
    long t0 = System.nanoTime();
    FhirValidation v = FhirValidation.create(List.of());
    double load = (System.nanoTime() - t0) / 1e9;
    List<String> errors = new ArrayList<>();
    long t1 = System.nanoTime();
    FhirValidation.Summary s = v.validateFiles(files, i -> {
      if (i.issue().severity() == FhirValidation.Severity.ERROR && errors.size() < 20) {
        errors.add(i.file().getFileName() + ":" + i.line() + " " + i.issue());
      }
    });
    double seconds = (System.nanoTime() - t1) / 1e9;
    md.append(String.format(Locale.ROOT, "%nHAPI validation (base R4) of every resource exported from %,d realistic"
        + " patients with --history: %,d resources, **%,d errors**, %,d warnings; validator built in %.1f s,"
        + " validation %.1f s (%.0f resources/s)%n", storage.patients(), s.resources(), s.errors(), s.warnings(),
        load, seconds, s.resources() / seconds));
    errors.forEach(x -> md.append("    ").append(x).append('\n'));
    Files.writeString(Workspace.work().resolve("fhir-harness-validate.txt"), md, StandardCharsets.UTF_8);
    Workspace.deleteTree(out);
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  private static double sd(List<Double> xs) {
    double m = mean(xs);
    return Math.sqrt(xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / Math.max(1, xs.size() - 1));
  }
}

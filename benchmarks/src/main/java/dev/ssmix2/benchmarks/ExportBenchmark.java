package dev.ssmix2.benchmarks;

import dev.ssmix2.core.export.ExportFormat;
import dev.ssmix2.core.export.ExportOptions;
import dev.ssmix2.core.export.ExportProgress;
import dev.ssmix2.core.export.ExportReport;
import dev.ssmix2.core.export.ResearchExport;
import dev.ssmix2.core.read.ReadProblem;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.version.History;
import dev.ssmix2.core.version.Version;
import dev.ssmix2.core.version.VersionResolver;
import dev.ssmix2.core.version.VersionStatus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Research export of a generated {@code realistic} storage (seed 42), one whole pass per operation, side by side with
 * its baselines in the same run:
 *
 * <ul>
 *   <li>{@code exportIoFloor}: walk + read every byte ({@link IoFloor}) — the floor;
 *   <li>{@code exportReadFloor}: walk the patients, resolve versions and read (decode + parse into records) every
 *       current file, writing nothing — the part of an export it cannot skip, parallel over the common pool;
 *   <li>{@code exportParquet}: {@code ssmix2 export tables} defaults (de-identified, Parquet through DuckDB) into an
 *       empty folder;
 *   <li>{@code exportCsv}: the same as CSV;
 *   <li>{@code exportIndexFullBuild}: a full build of the patient index into an empty folder.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExportBenchmark {

  @Param({"10000"})
  public int patients;

  private GeneratedStorage storage;
  private Path out;
  private Path key;
  private long cpuAtStart;

  @Setup(Level.Trial)
  public void prepare() throws IOException {
    storage = GeneratedStorage.realistic(patients, 42);
    IoFloor.Totals totals = IoFloor.read(storage.roots());
    ResultNotes.record("storage-files.realistic." + patients, totals.files());
    ResultNotes.record("storage-bytes.realistic." + patients, totals.bytes());
    key = Workspace.work().resolve("export-bench.key");
  }

  @Setup(Level.Iteration)
  public void emptyOutput() throws IOException {
    out = Workspace.work().resolve("export-" + patients);
    Workspace.deleteTree(out);
    cpuAtStart = processCpuNanos();
  }

  /**
   * Prints the fork's process CPU time of the pass (all threads, DuckDB's native ones included), since on a shared
   * machine the wall time mostly measures the wait for a core.
   */
  @TearDown(Level.Iteration)
  public void printCpu() {
    System.out.printf(Locale.ROOT, "%nprocess CPU of the pass: %.2f s%n", (processCpuNanos() - cpuAtStart) / 1e9);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @Benchmark
  public IoFloor.Totals exportIoFloor() {
    return IoFloor.read(storage.roots());
  }

  @Benchmark
  public long exportReadFloor() {
    try (var folders = Storage.open(storage.roots()).patients(u -> { }).parallel()) {
      return folders.mapToLong(folder -> {
        long read = 0;
        for (History h : VersionResolver.resolve(folder.files())) {
          for (Version v : h.versions()) {
            if (v.status() == VersionStatus.CURRENT
                && !(RecordReader.read(v.file(), v.status()) instanceof ReadProblem)) {
              read++;
            }
          }
        }
        return read;
      }).sum();
    }
  }

  @Benchmark
  public ExportReport exportParquet() {
    return export(ExportFormat.PARQUET);
  }

  @Benchmark
  public ExportReport exportCsv() {
    return export(ExportFormat.CSV);
  }

  @Benchmark
  public Object exportIndexFullBuild() throws IOException {
    Files.createDirectories(out);
    try (LibraryIndex index = LibraryIndex.update(storage.roots(), out)) {
      return index;
    }
  }

  private ExportReport export(ExportFormat format) {
    ExportReport r = ResearchExport.run(Storage.open(storage.roots()),
        ExportOptions.builder(out).keyFile(key).format(format).build(), ExportProgress.NONE);
    ResultNotes.record("export-rows." + format + "." + patients,
        r.rowCounts().values().stream().mapToLong(Long::longValue).sum());
    return r;
  }
}

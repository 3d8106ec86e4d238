package dev.ssmix2.benchmarks;

import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
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
 * Scan + index of a generated {@code realistic} storage (seed 42), one whole pass per operation:
 *
 * <ul>
 *   <li>{@code scanIoFloor}: walk + read every byte ({@link IoFloor}) — the floor;
 *   <li>{@code scanParse}: the library's walk ({@link Storage#files()}), file-name parsing, decoding and tokenizing
 *       with the fields an indexer reads;
 *   <li>{@code indexFullBuild}: a full build of the library's patient index into an empty folder.
 * </ul>
 *
 * <p>Files and bytes of each storage are recorded at setup, so {@link Report} turns times into files/s and MB/s; peak
 * heap comes from {@link PeakHeapProfiler}. The page cache is warm after the first pass: the floor is a warm-cache
 * floor, which makes the ratio harder to meet, not easier.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScanIndexBenchmark {

  @Param({"10000", "100000"})
  public int patients;

  private GeneratedStorage storage;
  private Path indexDir;

  @Setup(Level.Trial)
  public void prepare() {
    storage = GeneratedStorage.realistic(patients, 42);
    IoFloor.Totals totals = IoFloor.read(storage.roots());
    ResultNotes.record("storage-files.realistic." + patients, totals.files());
    ResultNotes.record("storage-bytes.realistic." + patients, totals.bytes());
  }

  @Setup(Level.Iteration)
  public void emptyIndexFolder() throws IOException {
    indexDir = Workspace.work().resolve("scan-index-" + patients);
    Workspace.deleteTree(indexDir);
    Files.createDirectories(indexDir);
  }

  @TearDown(Level.Iteration)
  public void recordIndexSize() throws IOException {
    if (Files.exists(indexDir)) {
      long size;
      try (Stream<Path> s = Files.walk(indexDir)) {
        size = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      }
      if (size > 0) {
        ResultNotes.record("index-bytes.realistic." + patients, size);
      }
      Workspace.deleteTree(indexDir);
    }
  }

  @Benchmark
  public IoFloor.Totals scanIoFloor() {
    return IoFloor.read(storage.roots());
  }

  @Benchmark
  public long scanParse() {
    LongAdder fields = new LongAdder();
    try (Stream<StorageFile> files = Storage.open(storage.roots()).files()) {
      files.parallel().forEach(f -> {
        try {
          Hl7Message m = Hl7Message.parse(Hl7Decoder.decode(f.readBytes()).text());
          fields.add(m.segments().size());
          m.segment("PID").ifPresent(pid -> fields.add(pid.field(5).raw().length() + pid.value(7).length()));
        } catch (RuntimeException e) {
          fields.add(-1); // a bad file is counted, not fatal: the scan goes on
        }
      });
    }
    return fields.sum();
  }

  @Benchmark
  public Object indexFullBuild() {
    try (LibraryIndex index = LibraryIndex.update(storage.roots(), indexDir)) {
      return index;
    }
  }
}

package dev.ssmix2.benchmarks;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.storage.ConditionFlag;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.FileTimestamp;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageFilter;
import dev.ssmix2.core.write.StorageWriter;
import dev.ssmix2.core.write.WriterOptions;
import dev.ssmix2.index.store.ChangeDetection;
import dev.ssmix2.index.store.PatientIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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

/**
 * Incremental indexing: before each iteration 1 % of the storage's files get a new version through the library's
 * {@link StorageWriter} (the old {@code _1} renamed to {@code _2}, a new {@code _1} written — the commonest real
 * change), then {@code incrementalUpdate1pct} brings the index up to date. {@code incrementalFullBuild} builds the
 * same storage from scratch in the same run, for the ratio (target: update ≤ 5 % of a full build).
 * {@code incrementalUpdate1pctFolderTimes} is the update that trusts folder times alone.
 *
 * <p>Files changed in the iteration's setup within {@code Updater.TRUST_MARGIN_MILLIS} of the update have folder times
 * too recent to trust, so their patients are walked once more by the next iteration's update, as in real use.
 *
 * <p>The storage is a private copy of the cached generated one, made at trial setup, so the cache stays pristine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IncrementalBenchmark {

  @Param({"10000"})
  public int patients;

  @Param({"0.01"})
  public double changedShare;

  private List<Path> roots;
  private Path indexDir;
  private Path fullDir;
  private final Random random = new Random(7);
  private long nextTimestamp = 20990101000000000L;

  @Setup(Level.Trial)
  public void copyAndIndex() throws IOException {
    GeneratedStorage source = GeneratedStorage.realistic(patients, 42);
    Path work = Workspace.work().resolve("incremental-" + patients);
    Workspace.deleteTree(work);
    roots = new ArrayList<>();
    for (Path root : source.roots()) {
      Path copy = work.resolve("storage").resolve(source.folder().relativize(root));
      copyTree(root, copy);
      roots.add(copy);
    }
    indexDir = work.resolve("index");
    fullDir = work.resolve("full");
    LibraryIndex.update(roots, indexDir).close();
  }

  @Setup(Level.Iteration)
  public void changeFiles() throws IOException {
    List<StorageFile> current;
    try (Stream<StorageFile> s = Storage.open(roots).files(StorageFilter.all().withFlags(ConditionFlag.CURRENT))) {
      current = new ArrayList<>(s.filter(f -> !f.isContentFolder()).toList());
    }
    long all;
    try (Stream<StorageFile> s = Storage.open(roots).files()) {
      all = s.count();
    }
    int changes = (int) Math.max(1, Math.round(all * changedShare));
    Collections.shuffle(current, random);
    for (StorageFile f : current.subList(0, Math.min(changes, current.size()))) {
      String text = Hl7Decoder.decode(f.readBytes()).text();
      FileName n = f.name();
      FileName next = new FileName(n.patientId(), n.date(), n.dataType(), n.orderNo(),
          FileTimestamp.parse(Long.toString(nextTimestamp++)), n.department(), ConditionFlag.CURRENT);
      StorageWriter.create(f.root().path(), WriterOptions.defaults().withSubstituteUnencodable(true))
          .insert(text, next);
    }
    ResultNotes.record("incremental-changed-files." + patients, changes);
    ResultNotes.record("incremental-all-files." + patients, all);
    Workspace.deleteTree(fullDir);
    Files.createDirectories(fullDir);
  }

  @Benchmark
  public Object incrementalUpdate1pct() {
    try (LibraryIndex index = LibraryIndex.update(roots, indexDir)) {
      return index;
    }
  }

  /** The same update trusting folder times alone (no stat per file): {@link ChangeDetection#FOLDER_TIMES}. */
  @Benchmark
  public Object incrementalUpdate1pctFolderTimes() {
    try (PatientIndex index = PatientIndex.open(indexDir)) {
      return index.update(Storage.open(roots), ChangeDetection.FOLDER_TIMES, ProgressListener.none());
    }
  }

  @Benchmark
  public Object incrementalFullBuild() {
    try (LibraryIndex index = LibraryIndex.update(roots, fullDir)) {
      return index;
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}

package dev.ssmix2.index.store;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A writable copy of the search-cases-public storage (two roots) and its index, built once per test class and put
 * back before each test: building the index is the slow part, copying it back takes a fraction of that. Every file
 * and folder keeps its time on the way back, so the index's stamps and folder manifests still match the storage.
 */
final class IndexedCopy {
  final Path dated;
  final Path undated;
  final Path indexDir;
  /** The report of the build. */
  final IndexReport first;
  private final Path work;
  private final Path template;

  private IndexedCopy(Path base, boolean aged) throws IOException {
    work = base.resolve("work");
    template = base.resolve("template");
    Path cases = TestFixtures.root().resolve("search-cases-public");
    dated = copy(cases.resolve("root-dated"), work.resolve("dated"), false);
    undated = copy(cases.resolve("root-undated"), work.resolve("undated"), false);
    if (aged) {
      OldTimes.age(dated);
      OldTimes.age(undated);
    }
    indexDir = work.resolve("index");
    try (PatientIndex index = PatientIndex.open(indexDir)) {
      first = index.update(storage(), ProgressListener.none());
    }
    copy(work, template, true);
  }

  /** Copies the fixture storage into {@code base}, indexes it and keeps a pristine copy of both. */
  static IndexedCopy build(Path base, boolean aged) throws IOException {
    return new IndexedCopy(base, aged);
  }

  Storage storage() {
    return Storage.open(dated, undated);
  }

  /** Puts storage and index back as they were right after the build. */
  void restore() throws IOException {
    deleteTree(work);
    copy(template, work, true);
  }

  /** A copy of the tree {@code from} at {@code to}, files with their times (for the tests of this package). */
  static Path copyTree(Path from, Path to) throws IOException {
    return copy(from, to, false, true);
  }

  private static Path copy(Path from, Path to, boolean keepTimes) throws IOException {
    return copy(from, to, keepTimes, keepTimes);
  }

  private static Path copy(Path from, Path to, boolean keepTimes, boolean keepFileTimes) throws IOException {
    List<Path> folders = new ArrayList<>();
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
          folders.add(p);
        } else if (keepFileTimes) {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        } else {
          Files.copy(p, target);
        }
      }
    }
    if (keepTimes) { // children change a folder's time, so folders get theirs last, deepest first
      folders.sort(Comparator.comparingInt(Path::getNameCount).reversed());
      for (Path p : folders) {
        Files.setLastModifiedTime(to.resolve(from.relativize(p).toString()), Files.getLastModifiedTime(p));
      }
    }
    return to;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

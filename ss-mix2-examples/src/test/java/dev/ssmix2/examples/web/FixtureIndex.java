package dev.ssmix2.examples.web;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;
import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.store.PatientIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real index the viewer tests run against: the NHO guideline samples, both public search-case roots and
 * {@link LabPatientRoot}. Built once per test JVM (indexing and loading the reading dictionary take seconds) and
 * only read by the tests; it is closed and deleted when the JVM exits.
 */
final class FixtureIndex {
  private static PatientIndex shared;

  private FixtureIndex() {}

  static Path fixtures() {
    return dev.ssmix2.examples.TestFixtures.root();
  }

  /** The three fixture roots, in index order. */
  static List<Path> fixtureRoots() {
    Path f = fixtures();
    return List.of(f.resolve("nho-sample/sampleData"), f.resolve("search-cases-public/root-dated"),
        f.resolve("search-cases-public/root-undated"));
  }

  /** The shared index; its roots are {@link #fixtureRoots()} followed by the synthetic lab root. */
  static synchronized PatientIndex shared() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("ssmix2-viewer-tests");
        Path labRoot = LabPatientRoot.write(dir.resolve("lab-root"));
        PatientIndex index = PatientIndex.open(dir.resolve("index"));
        index.update(Storage.open(concat(fixtureRoots(), labRoot)), ProgressListener.none());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          index.close();
          try {
            MoreFiles.deleteRecursively(dir, RecursiveDeleteOption.ALLOW_INSECURE);
          } catch (IOException e) {
            // a leftover temp folder is no test failure
          }
        }, "fixture-index-cleanup"));
        shared = index;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot build the viewer test index", e);
      }
    }
    return shared;
  }

  private static List<Path> concat(List<Path> roots, Path extra) {
    return java.util.stream.Stream.concat(roots.stream(), java.util.stream.Stream.of(extra)).toList();
  }
}

package dev.ssmix2.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the benchmarks find their inputs and keep their generated storages.
 *
 * <p>Forked JMH JVMs do not inherit the launcher's {@code -D} options unless they are passed on, so every location has
 * a default that works when the command is run from the repository root (or from {@code benchmarks/}):
 *
 * <ul>
 *   <li>{@code ssmix2.fixtures} — the core test fixtures (NHO samples, public search cases); default
 *       {@code ss-mix2-core/src/test/resources/fixtures}.
 *   <li>{@code ssmix2.bench.work} — the cache of generated storages and indexes, keyed by profile, seed and size;
 *       default {@code benchmarks/target/work}. Generated data is never written anywhere else.
 * </ul>
 */
final class Workspace {
  private Workspace() {}

  static Path fixtures() {
    return fromProperty("ssmix2.fixtures")
        .orElseGet(() -> repositoryRoot().resolve("ss-mix2-core/src/test/resources/fixtures"));
  }

  static Path nhoSamples() {
    return existing(fixtures().resolve("nho-sample/sampleData"));
  }

  static Path searchCases() {
    return existing(fixtures().resolve("search-cases-public"));
  }

  static Path work() {
    Path work = fromProperty("ssmix2.bench.work")
        .orElseGet(() -> repositoryRoot().resolve("benchmarks/target/work"));
    try {
      return Files.createDirectories(work);
    } catch (java.io.IOException e) {
      throw new BenchmarkSetupException("cannot create the work folder " + work + ": " + e.getMessage(), e);
    }
  }

  /** The folder holding {@code benchmarks/} and {@code ss-mix2-core/}: the working directory or one of its parents. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("ss-mix2-core")) && Files.isDirectory(p.resolve("benchmarks"))) {
        return p;
      }
    }
    throw new BenchmarkSetupException("cannot find the ss-mix2 repository from " + dir
        + "; run from the repository root or set -Dssmix2.fixtures and -Dssmix2.bench.work", null);
  }

  /** Deletes a folder of the work area and everything in it; a missing folder is fine. */
  static void deleteTree(Path folder) throws java.io.IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Optional<Path> fromProperty(String name) {
    String value = System.getProperty(name, "");
    return value.isBlank() ? Optional.empty() : Optional.of(Path.of(value).toAbsolutePath());
  }

  private static Path existing(Path p) {
    if (!Files.isDirectory(p)) {
      throw new BenchmarkSetupException("expected the fixture folder " + p + " to exist", null);
    }
    return p;
  }
}

package dev.ssmix2.benchmarks;

import java.nio.file.Path;
import java.util.List;

/** The one place that calls the core generator, so its API is used from a single spot. */
final class Generation {
  private Generation() {}

  static void run(String profile, int patients, long seed, Path folder) {
    throw new BenchmarkSetupException("the core generator (dev.ssmix2.core.synth) has not landed yet", null);
  }

  static List<Path> roots(Path folder) {
    return List.of(folder.resolve("root"));
  }

  static Path manifest(Path folder) {
    return folder.resolve("manifest.jsonl");
  }
}

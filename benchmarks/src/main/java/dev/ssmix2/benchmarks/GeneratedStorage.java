package dev.ssmix2.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A storage made by the core generator, cached in the work folder under a name keyed by profile, seed and size, so
 * that each size is generated once per machine and every later trial reuses it. A {@code .complete} marker is written
 * last: an interrupted generation is thrown away and redone.
 */
record GeneratedStorage(String profile, int patients, long seed, Path folder, List<Path> roots, Path manifest) {

  static GeneratedStorage realistic(int patients, long seed) {
    return of("realistic", patients, seed);
  }

  static GeneratedStorage namesOnly(int patients, long seed) {
    return of("names-only", patients, seed);
  }

  static synchronized GeneratedStorage of(String profile, int patients, long seed) {
    Path folder = Workspace.work().resolve("storage-" + profile + "-s" + seed + "-n" + patients);
    Path marker = folder.resolve(".complete");
    if (!Files.exists(marker)) {
      try {
        Workspace.deleteTree(folder);
        long t0 = System.nanoTime();
        System.err.printf("generating %,d %s patients (seed %d) in %s …%n", patients, profile, seed, folder);
        Generation.run(profile, patients, seed, folder);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf("generated in %.1f s%n", seconds);
        ResultNotes.record("generate-seconds." + profile + "." + patients, seconds);
        Files.writeString(marker, "generated in " + seconds + " s\n");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot prepare the generated storage " + folder, e);
      }
    }
    return new GeneratedStorage(profile, patients, seed, folder, Generation.roots(folder), Generation.manifest(folder));
  }
}

package dev.ssmix2.benchmarks;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.synth.GenerationSummary;
import dev.ssmix2.core.synth.Profile;
import dev.ssmix2.core.synth.SyntheticStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The one place that calls the core generator. Storages keep the generator's default quirk rates (real storages are
 * messy; the scan must pay for that), and the roots it reports are remembered in {@code roots.txt}.
 */
final class Generation {
  private Generation() {}

  static void run(String profile, int patients, long seed, Path folder) {
    GenerationSummary summary = SyntheticStorage.builder()
        .patients(patients)
        .seed(seed)
        .profile(Profile.valueOf(profile.toUpperCase(Locale.ROOT).replace('-', '_')))
        .build()
        .generate(folder, ProgressListener.none());
    StringBuilder b = new StringBuilder();
    summary.roots().forEach(r -> b.append(folder.relativize(r.toAbsolutePath())).append('\n'));
    try {
      Files.writeString(folder.resolve("roots.txt"), b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write roots.txt in " + folder, e);
    }
  }

  static List<Path> roots(Path folder) {
    try {
      return Files.readAllLines(folder.resolve("roots.txt"), StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank()).map(folder::resolve).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read roots.txt in " + folder, e);
    }
  }

  static Path manifest(Path folder) {
    return folder.resolve("manifest.jsonl");
  }
}

package dev.ssmix2.index.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

/**
 * Sets every file and folder time of a test storage an hour back, as a storage written long before the update looks:
 * an update only trusts folder times older than its start minus {@link Updater#TRUST_MARGIN_MILLIS}.
 */
final class OldTimes {
  private OldTimes() {}

  static void age(Path root) {
    FileTime hourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        Files.setLastModifiedTime(p, hourAgo);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites a file in place, keeping its size, and gives it the current time: what a careless tool might do. */
  static void rewriteInPlace(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      Files.write(file, bytes);
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

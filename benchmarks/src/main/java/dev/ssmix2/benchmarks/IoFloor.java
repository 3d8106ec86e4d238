package dev.ssmix2.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The I/O floor of a scan: walk every folder of the roots and read every byte of every regular file, nothing else —
 * no file-name parsing, no decoding. Parallel over the common pool like the library's own scans, so the ratio compares
 * like with like.
 */
final class IoFloor {
  private IoFloor() {}

  record Totals(long files, long bytes) {}

  static Totals read(List<Path> roots) {
    long files = 0;
    long bytes = 0;
    for (Path root : roots) {
      try (Stream<Path> paths = Files.walk(root)) {
        long[] sizes = paths.parallel().filter(Files::isRegularFile).mapToLong(IoFloor::readAll).toArray();
        files += sizes.length;
        for (long s : sizes) {
          bytes += s;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot walk " + root, e);
      }
    }
    return new Totals(files, bytes);
  }

  private static long readAll(Path p) {
    try {
      return Files.readAllBytes(p).length;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }
}

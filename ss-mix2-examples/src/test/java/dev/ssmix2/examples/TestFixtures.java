package dev.ssmix2.examples;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Finds the fixtures copied into ss-mix2-core ({@code src/test/resources/fixtures}, see NOTICE.md there) from this
 * module's compiled test classes, so the tests run the same under Maven and in an IDE, with no system property.
 */
public final class TestFixtures {
  private TestFixtures() {}

  public static Path root() {
    try {
      Path classes = Path.of(TestFixtures.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = classes; dir != null; dir = dir.getParent()) {
        Path candidate = dir.resolve("ss-mix2-core/src/test/resources/fixtures");
        if (Files.isDirectory(candidate)) {
          return candidate;
        }
      }
      throw new IllegalStateException("no ss-mix2-core/src/test/resources/fixtures above " + classes);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of the tree {@code from} at {@code to} (files keep their times), for a test that changes it or registers
   * it twice; returns {@code to}. */
  public static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }
}

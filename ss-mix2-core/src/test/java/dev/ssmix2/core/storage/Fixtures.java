package dev.ssmix2.core.storage;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the copied fixtures (see {@code src/test/resources/fixtures/NOTICE.md}). */
public final class Fixtures {
  private Fixtures() {}

  /** The fixtures folder, found on the test class path: the same under Maven and in an IDE, no property needed. */
  public static Path root() {
    URL notice = Fixtures.class.getResource("/fixtures/NOTICE.md");
    if (notice == null) {
      throw new IllegalStateException("fixtures/NOTICE.md is not on the test class path (src/test/resources)");
    }
    try {
      Path path = Path.of(notice.toURI()).getParent();
      if (!Files.isDirectory(path)) {
        throw new IllegalStateException("fixtures folder not found: " + path.toAbsolutePath());
      }
      return path;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path nhoSample() {
    return root().resolve("nho-sample/sampleData");
  }

  public static Path searchCases() {
    return root().resolve("search-cases-public");
  }

  public static Storage searchCaseStorage() {
    return Storage.open(searchCases().resolve("root-dated"), searchCases().resolve("root-undated"));
  }
}

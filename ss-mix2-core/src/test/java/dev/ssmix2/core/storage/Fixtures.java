package dev.ssmix2.core.storage;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the copied fixtures (see {@code src/test/resources/fixtures/NOTICE.md}). */
public final class Fixtures {
  private Fixtures() {}

  public static Path root() {
    String p = System.getProperty("ssmix2.fixtures");
    Path path = p != null ? Path.of(p) : Path.of("src/test/resources/fixtures");
    if (!Files.isDirectory(path)) {
      throw new IllegalStateException("fixtures folder not found: " + path.toAbsolutePath());
    }
    return path;
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

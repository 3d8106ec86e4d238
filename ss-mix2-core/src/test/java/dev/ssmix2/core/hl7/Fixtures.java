package dev.ssmix2.core.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared fixtures through the {@code ssmix2.fixtures} system property set by surefire. */
final class Fixtures {
  private Fixtures() {}

  static Path root() {
    String property = System.getProperty("ssmix2.fixtures");
    assertThat(property).as("system property ssmix2.fixtures (set by the parent pom's surefire)").isNotNull();
    return Paths.get(property);
  }

  static Path nhoSamples() {
    return root().resolve("nho-sample/sampleData");
  }

  static Path searchCases() {
    return root().resolve("search-cases-public");
  }

  static Path nho(String relative) {
    return nhoSamples().resolve(relative);
  }

  static Path adt00(int patient) {
    String id = String.format("%010d", patient);
    Path dir = searchCases().resolve("root-undated/000/000/" + id + "/-/ADT-00");
    return only(list(dir));
  }

  /** Message files: regular files whose name has the SS-MIX2 shape {@code <pid>_<date>_<type>_…}. */
  static List<Path> messageFiles(Path under) {
    try (Stream<Path> files = Files.walk(under)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().split("_").length >= 6)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String relative(Path file) {
    return root().relativize(file).toString();
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path only(List<Path> files) {
    assertThat(files).hasSize(1);
    return files.get(0);
  }
}

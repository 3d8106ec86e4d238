package dev.ssmix2.core.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the copied fixtures (see {@code src/test/resources/fixtures/NOTICE.md}) and the files in them. */
public final class Fixtures {
  private Fixtures() {}

  public static Path root() {
    return dev.ssmix2.core.storage.Fixtures.root();
  }

  public static Path nhoSamples() {
    return root().resolve("nho-sample/sampleData");
  }

  public static Path searchCases() {
    return root().resolve("search-cases-public");
  }

  public static Path nho(String relative) {
    return nhoSamples().resolve(relative);
  }

  public static Path adt00(int patient) {
    String id = String.format("%010d", patient);
    Path dir = searchCases().resolve("root-undated/000/000/" + id + "/-/ADT-00");
    return only(list(dir));
  }

  /** Message files: regular files whose name has the SS-MIX2 shape {@code <pid>_<date>_<type>_…}. */
  public static List<Path> messageFiles(Path under) {
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

  public static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String relative(Path file) {
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

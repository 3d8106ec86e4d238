package dev.ssmix2.core.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * HAPI's validator takes seconds (a minute on a loaded machine) to load the R4 specification, so the test classes of
 * one JVM share one base validator and one with the stand-in package.
 */
public final class SharedValidators {
  private SharedValidators() {}

  private static FhirValidation base;
  private static FhirValidation withIg;

  public static synchronized FhirValidation base() {
    if (base == null) {
      base = create(List.of());
    }
    return base;
  }

  public static synchronized FhirValidation withStandInIg() {
    if (withIg == null) {
      try {
        Path dir = Files.createTempDirectory("ssmix2-ig");
        withIg = create(List.of(TestIgPackage.write(dir.resolve("standin.tgz"))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return withIg;
  }

  private static FhirValidation create(List<Path> packages) {
    try {
      return FhirValidation.create(packages);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

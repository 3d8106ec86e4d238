package dev.ssmix2.core.hl7.hapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.hl7.Hl7Message;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * HAPI v2 and HAPI FHIR are optional dependencies of core: only the v2 bridge package may mention HAPI v2 and only the
 * FHIR export package may mention HAPI FHIR, so a user without them on the class path can use everything else.
 * Checked on the compiled classes, whose constant pools name every class they refer to.
 */
class HapiOptionalTest {
  @Test
  void onlyTheBridgePackageRefersToHapi() throws IOException, URISyntaxException {
    Path classes = Path.of(Hl7Message.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path bridge = classes.resolve("dev/ssmix2/core/hl7/hapi");
    assertThat(offenders(classes, bridge, V2)).as("core classes outside hl7.hapi that refer to HAPI v2").isEmpty();
    assertThat(mentions(bridge.resolve("HapiBridge.class"), V2)).as("the check sees HAPI v2 where it is").isTrue();
  }

  @Test
  void onlyTheFhirPackageRefersToHapiFhir() throws IOException, URISyntaxException {
    Path classes = Path.of(Hl7Message.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path fhir = classes.resolve("dev/ssmix2/core/fhir");
    assertThat(offenders(classes, fhir, FHIR)).as("core classes outside core.fhir that refer to HAPI FHIR").isEmpty();
    try (Stream<Path> files = Files.walk(fhir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".class")).anyMatch(f -> mentions(f, FHIR)))
          .as("the check sees HAPI FHIR where it is").isTrue();
    }
  }

  private static final List<String> V2 = List.of("ca/uhn/hl7v2/");
  private static final List<String> FHIR = List.of("ca/uhn/fhir/", "org/hl7/fhir/");

  private static List<String> offenders(Path classes, Path allowed, List<String> markers) throws IOException {
    try (Stream<Path> files = Files.walk(classes)) {
      return files.filter(f -> f.toString().endsWith(".class"))
          .filter(f -> !f.startsWith(allowed))
          .filter(f -> mentions(f, markers))
          .map(f -> classes.relativize(f).toString())
          .toList();
    }
  }

  private static boolean mentions(Path classFile, List<String> markers) {
    try {
      String text = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
      return markers.stream().anyMatch(text::contains);
    } catch (IOException e) {
      throw new AssertionError(classFile + ": " + e.getMessage(), e);
    }
  }
}

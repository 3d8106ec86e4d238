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
 * HAPI is an optional dependency of core: only this package may mention it, so a user without HAPI on the class path
 * can use everything else. Checked on the compiled classes, whose constant pools name every class they refer to.
 */
class HapiOptionalTest {
  @Test
  void onlyTheBridgePackageRefersToHapi() throws IOException, URISyntaxException {
    Path classes = Path.of(Hl7Message.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path bridge = classes.resolve("dev/ssmix2/core/hl7/hapi");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(classes)) {
      offenders = files.filter(f -> f.toString().endsWith(".class"))
          .filter(f -> !f.startsWith(bridge))
          .filter(HapiOptionalTest::mentionsHapi)
          .map(f -> classes.relativize(f).toString())
          .toList();
    }
    assertThat(offenders).as("core classes outside hl7.hapi that refer to HAPI").isEmpty();
    assertThat(mentionsHapi(bridge.resolve("HapiBridge.class"))).as("the check sees HAPI where it is").isTrue();
  }

  private static boolean mentionsHapi(Path classFile) {
    try {
      return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("ca/uhn/");
    } catch (IOException e) {
      throw new AssertionError(classFile + ": " + e.getMessage(), e);
    }
  }
}

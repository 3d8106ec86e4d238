package dev.ssmix2.core.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.Fixtures;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The NHO sample patients exported as transaction Bundles equal the reviewed golden files in
 * {@code src/test/resources/fhir-golden} (reviewed field by field against the JAMI mapping, see docs/fhir-mapping.md).
 * Run with {@code -Dfhir.golden.update=true} to rewrite them after a deliberate mapping change, then review the diff.
 */
class NhoGoldenTest {

  @ParameterizedTest
  @ValueSource(strings = {"9999013", "0000001"})
  void matchesGolden(String id) throws Exception {
    Storage storage = Storage.open(Fixtures.nhoSample());
    PatientId pid = PatientId.of(id);
    PatientResources r = FhirExporter.create(FhirExportOptions.defaults().withFacility("1311234567")
        .withHistory(true)).export(pid, storage.files(pid).toList());
    String json = FhirJson.toPrettyJson(BundleSink.bundle(r)) + "\n";
    Path golden = Path.of("src/test/resources/fhir-golden/" + id + ".json");
    if (Boolean.getBoolean("fhir.golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, json, StandardCharsets.UTF_8);
    }
    assertThat(json).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}

package dev.ssmix2.core.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.synth.Profile;
import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.synth.GenerationSummary;
import dev.ssmix2.core.synth.SyntheticStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;

/** Every resource exported from a generated realistic storage passes HAPI's R4 validator with no error. */
class FhirValidationOnGeneratedStorageTest {

  static FhirValidation validation;
  @TempDir static Path tmp;

  @BeforeAll
  static void validator() throws Exception {
    validation = SharedValidators.base();
  }

  @Test
  void generatedStorageValidates() throws Exception {
    Path storageDir = tmp.resolve("storage");
    GenerationSummary generated = SyntheticStorage.builder().patients(Integer.getInteger("fhir.patients", 8)).seed(13)
        .profile(Profile.REALISTIC).vitals(true).build().generate(storageDir, ProgressListener.none());
    // the extended root holds the vital signs (it exists once an inpatient has some)
    Storage storage = Storage.open(generated.roots().stream().filter(Files::isDirectory).toList());
    FhirExporter exporter = FhirExporter.create(FhirExportOptions.defaults().withFacility("1311234567")
        .withHistory(true));
    Path out = tmp.resolve("out");
    try (ExportSink sink = ExportSink.ndjson(out); Stream<PatientFolder> ps = storage.patients(u -> { })) {
      for (PatientFolder p : (Iterable<PatientFolder>) ps::iterator) {
        sink.write(exporter.export(p.patientId(), p.files()));
      }
      sink.close();
      List<String> errors = new ArrayList<>();
      FhirValidation.Summary s = validation.validateFiles(sink.files(), i -> {
        if (i.issue().severity() == FhirValidation.Severity.ERROR) {
          errors.add(i.file().getFileName() + ":" + i.line() + " " + i.issue());
        }
      });
      assertThat(errors).isEmpty();
      assertThat(s.resources()).isGreaterThan(100);
      jpCoreChecks(out);
    }
  }

  /** The JP Core constraints the export targets, checked on every written resource. */
  private static void jpCoreChecks(Path out) throws Exception {
    ObjectMapper json = new ObjectMapper();
    int patientsWithKanji = 0;
    for (String type : List.of("Patient", "AllergyIntolerance", "Condition", "MedicationRequest", "Observation",
        "DiagnosticReport", "Specimen", "Encounter")) {
      List<String> lines = Files.readAllLines(out.resolve(type + ".ndjson"));
      assertThat(lines).as(type).isNotEmpty();
      for (String line : lines) {
        JsonNode r = json.readTree(line);
        String where = type + "/" + r.path("id").asText();
        assertThat(r.path("id").asText()).as(where).matches(LogicalIds.VALID);
        assertThat(r.path("meta").path("profile").get(0).asText()).as(where)
            .startsWith("http://jpfhir.jp/fhir/core/StructureDefinition/JP_");
        switch (type) {
          case "Patient" -> {
            assertThat(r.path("identifier").get(0).path("system").asText()).as(where)
                .isEqualTo("urn:oid:1.2.392.100495.20.3.51.11311234567");
            assertThat(r.path("identifier").get(0).path("value").asText()).as(where).isNotBlank();
            List<String> representations = new ArrayList<>();
            r.path("name").forEach(n -> representations.add(n.path("extension").get(0).path("valueCode").asText()));
            assertThat(representations).as(where).contains("SYL").isSubsetOf("IDE", "SYL", "ABC");
            patientsWithKanji += representations.contains("IDE") ? 1 : 0;
          }
          case "Observation" -> {
            boolean vital = r.path("category").get(0).path("coding").get(0).path("code").asText().equals("vital-signs");
            assertThat(r.path("code").path("coding").get(0).path("system").asText()).as(where)
                .isEqualTo(vital ? JpCore.LOINC : JpCore.JLAC10);
            assertThat(r.path("meta").path("profile").get(0).asText()).as(where)
                .isEqualTo(vital ? JpCore.OBSERVATION_VITAL : JpCore.OBSERVATION_LAB);
            if (!vital) {
              assertThat(r.path("category").get(0).path("coding").get(0).path("code").asText()).isEqualTo("laboratory");
            }
            assertThat(r.path("subject").path("reference").asText()).as(where).startsWith("Patient/");
          }
          case "MedicationRequest" -> assertThat(line).as(where).contains(JpCore.HOT9);
          case "Condition" -> assertThat(r.path("code").path("coding").get(0).path("system").asText()).as(where)
              .isEqualTo(JpCore.MEDIS_DISEASE);
          case "Encounter" -> assertThat(r.path("class").path("code").asText()).as(where).isIn("AMB", "IMP", "EMER");
          default -> assertThat(line).as(where).contains("\"reference\":\"Patient/");
        }
      }
    }
    assertThat(patientsWithKanji).isPositive();
  }
}

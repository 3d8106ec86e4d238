package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --vitals}: the vital signs reach {@code patient --json} and {@code inspect} of the payload file. */
class VitalSignsCliTest {
  @TempDir Path work;

  @Test
  void generatedVitalSignsShowInPatientJsonAndInspect() throws IOException {
    Path out = work.resolve("gen");
    CliRun gen = CliRun.of(new GenerateCommand(), "--out", out.toString(), "--patients", "30", "--clean", "--vitals",
        "--transactions");
    assertThat(gen.exit()).as(gen.err()).isZero();
    assertThat(gen.out()).contains("transactions: ");
    assertThat(Files.isDirectory(out.resolve("transactions"))).isTrue();
    Path mainDocument;
    try (Stream<Path> s = Files.walk(out.resolve("extended"))) {
      mainDocument = s.filter(p -> p.getFileName().toString().equals("main_document.hl7")).sorted().findFirst()
          .orElseThrow();
    }
    String patientId = out.resolve("extended").relativize(mainDocument).getName(2).toString();
    Path index = work.resolve("idx");
    CliRun idx = CliRun.of(new IndexCommand(), "--index", index.toString(), out.resolve("storage").toString(),
        out.resolve("extended").toString());
    assertThat(idx.exit()).as(idx.err()).isZero();

    CliRun patient = CliRun.of(new PatientCommand(), "--index", index.toString(), "--json", patientId);
    assertThat(patient.exit()).as(patient.err()).isZero();
    JsonNode records = new ObjectMapper().readTree(patient.out()).get("records");
    assertThat(StreamSupport.stream(records.spliterator(), false).map(r -> r.get("summary").asText()))
        .anySatisfy(summary -> assertThat(summary).startsWith("バイタル: 体温 ").contains("収縮期血圧", "脈拍数"));

    CliRun inspect = CliRun.of(new InspectCommand(), mainDocument.toString(), "--json");
    assertThat(inspect.exit()).as(inspect.err() + inspect.out()).isZero();
    JsonNode json = new ObjectMapper().readTree(inspect.out());
    assertThat(json.at("/record/type").asText()).isEqualTo("VitalSignsRecord");
    assertThat(json.at("/record/content/measurements/0/item/text").asText()).isEqualTo("体温");
    assertThat(json.at("/record/content/attachments/0/name").asText()).isEqualTo("main_document.hl7");
    assertThat(json.at("/payload").asText()).isEqualTo("main_document.hl7");
  }
}

package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssmix2.examples.web.LabPatientRoot;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 白血球数 sent as {@code 500×10^4} (unescaped ^): raw text and a mark in {@code patient --json} and {@code inspect --json}. */
class AmbiguousValueCliTest {
  private static final String FILE = "000/000/0000000323/20240310/OML-11/"
      + "0000000323_20240310_OML-11_000000000000601_20240310150000000_01_1";

  @TempDir static Path work;
  static Path root;
  static Path index;

  @BeforeAll
  static void build() {
    root = LabPatientRoot.write(work.resolve("root"));
    index = work.resolve("idx");
    CliRun run = CliRun.of(new IndexCommand(), "--index", index.toString(), root.toString());
    assertThat(run.exit()).as(run.err()).isZero();
  }

  @Test
  void patientJsonShowsTheRawValueMarked() throws Exception {
    CliRun run = CliRun.of(new PatientCommand(), "--index", index.toString(), "--json",
        LabPatientRoot.AMBIGUOUS_PATIENT_ID);
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode records = new ObjectMapper().readTree(run.out()).get("records");
    JsonNode lab = StreamSupport.stream(records.spliterator(), false)
        .filter(r -> r.get("dataType").asText().equals("OML-11")).findFirst().orElseThrow();
    assertThat(lab.get("summary").asText()).contains("白血球数 ⚠" + LabPatientRoot.AMBIGUOUS_RAW + " /μL")
        .doesNotContain("白血球数 4").doesNotContain("白血球数 500×10 ");
  }

  @Test
  void inspectJsonCarriesTheRawValueAndTheReason() throws Exception {
    CliRun run = CliRun.of(new InspectCommand(), root.resolve(FILE).toString(), "--json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    JsonNode test = json.at("/record/content/tests/0");
    assertThat(test.get("value").asText()).isEqualTo(LabPatientRoot.AMBIGUOUS_RAW);
    assertThat(test.at("/ambiguity/raw").asText()).isEqualTo(LabPatientRoot.AMBIGUOUS_RAW);
    assertThat(test.at("/ambiguity/reason").asText()).contains("OBX-5");
    assertThat(json.at("/record/summary").asText()).contains("⚠" + LabPatientRoot.AMBIGUOUS_RAW);
  }

  @Test
  void inspectTextShowsTheMark() {
    CliRun run = CliRun.of(new InspectCommand(), root.resolve(FILE).toString());
    assertThat(run.out()).contains("白血球数 ⚠" + LabPatientRoot.AMBIGUOUS_RAW);
  }

  @Test
  void validateReportsTheAmbiguousField() {
    CliRun run = CliRun.of(new ValidateCommand(), root.toString());
    assertThat(run.out()).contains("ambiguous-value").contains("OML-11_000000000000601").contains("OBX-5");
  }
}

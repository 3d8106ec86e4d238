package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
  private static final String OMP01 = "search-cases-public/root-dated/000/000/0000000111/20240310/OMP-01/";

  @TempDir
  Path tmp;

  @Test
  void printsNameFieldsStatusCharsetSegmentsAndRecord() {
    Path f = CliRun.fixtures().resolve(OMP01 + "0000000111_20240310_OMP-01_000000000000301_20240310100000000_01_2");
    CliRun run = CliRun.of(new InspectCommand(), f.toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("order no    000000000000301", "version     superseded (2 versions",
        "charset     ISO-2022-JP", "replaced    none", "MedicationOrderRecord",
        "summary     処方: ダーゼン錠（５mg) 2錠 分3 7日分", "\nRXR|PO^口^HL70162");
  }

  @Test
  void jsonCarriesTheTypedRecord() throws IOException {
    Path f = CliRun.fixtures().resolve("search-cases-public/root-undated/000/000/0000000555/-/ADT-00/"
        + "0000000555_-_ADT-00_999999999999999_20230105093000555_-_1");
    CliRun run = CliRun.of(new InspectCommand(), f.toString(), "--json");
    assertThat(run.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("charset").asText()).isEqualTo("windows-31j");
    assertThat(json.get("status").asText()).isEqualTo("current");
    assertThat(json.at("/name/dataType").asText()).isEqualTo("ADT-00");
    assertThat(json.at("/record/type").asText()).isEqualTo("DemographicsRecord");
    assertThat(json.at("/record/content/patient/kana/family").asText()).isEqualTo("ｺﾞﾄｳ");
    assertThat(json.get("segments")).hasSize(4);
  }

  @Test
  void aTruncatedFileIsReportedAndExitsOne() {
    Path f = CliRun.fixtures().resolve("search-cases-public/root-dated/000/000/0000000111/20240301/OMP-01/"
        + "0000000111_20240301_OMP-01_000000000000901_20240301100000000_01_1");
    CliRun run = CliRun.of(new InspectCommand(), f.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("problem     truncated-message");
  }

  @Test
  void missingOrNonSsmix2FilesAreUsageErrors() throws IOException {
    CliRun missing = CliRun.of(new InspectCommand(), tmp.resolve("nope").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist");
    Path note = Files.writeString(tmp.resolve("notes.txt"), "memo");
    CliRun notSsmix2 = CliRun.of(new InspectCommand(), note.toString());
    assertThat(notSsmix2.exit()).isEqualTo(2);
    assertThat(notSsmix2.err()).contains("is not an SS-MIX2 message file").doesNotContain("\tat ");
  }
}

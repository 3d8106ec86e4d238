package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatientCommandTest {
  @TempDir static Path work;
  static Path index;
  static Path cases = CliRun.fixtures().resolve("search-cases-public");

  @BeforeAll
  static void build() {
    index = work.resolve("idx");
    CliRun run = CliRun.of(new IndexCommand(), "--index", index.toString(),
        cases.resolve("root-dated").toString(), cases.resolve("root-undated").toString());
    assertThat(run.exit()).as(run.err()).isZero();
  }

  @Test
  void indexOfAnotherKeyVersionStillShowsThePatientButSaysToRebuild() throws Exception {
    Path old = OldIndex.build(work.resolve("old-idx"));
    CliRun run = CliRun.of(new PatientCommand(), "--index", old.toString(), "0000000111");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("0000000111");
    assertThat(run.err()).contains("warning").contains("ssmix2 index --index " + old);
    assertThat(CliRun.of(new PatientCommand(), "--index", index.toString(), "0000000111").err())
        .doesNotContain("warning");
  }

  @Test
  void recordsAreExactlyTheCurrentFilesOfExpectRecords() throws Exception {
    CliRun run = CliRun.of(new PatientCommand(), "--index", index.toString(), "--json", "0000000111");
    assertThat(run.exit()).as(run.err()).isZero();
    ObjectMapper mapper = new ObjectMapper();
    JsonNode json = mapper.readTree(run.out());
    JsonNode expected = mapper.readTree(Files.readString(cases.resolve("expect-records.json"))).get("0000000111");
    assertThat(files(json.get("records"))).containsExactlyInAnyOrderElementsOf(texts(expected.get("current")));
    assertThat(json.get("name").asText()).isEqualTo("小川\u3000健太");
    assertThat(json.get("records").get(0).get("status").asText()).isEqualTo("current");
    assertThat(json.get("records").get(0).get("summary").asText()).isNotBlank();
    assertThat(files(json.get("problems"))).anyMatch(f -> f.contains("_000000000000900_"))
        .anyMatch(f -> f.contains("_000000000000901_"));
  }

  @Test
  void historyAddsTheNotCurrentFiles() throws Exception {
    CliRun run = CliRun.of(new PatientCommand(), "--index", index.toString(), "--json", "--history", "0000000111");
    ObjectMapper mapper = new ObjectMapper();
    JsonNode expected = mapper.readTree(Files.readString(cases.resolve("expect-records.json"))).get("0000000111");
    List<String> all = new ArrayList<>(texts(expected.get("current")));
    all.addAll(texts(expected.get("not_current")));
    assertThat(files(mapper.readTree(run.out()).get("records"))).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void unknownPatientExitsOne() {
    CliRun run = CliRun.of(new PatientCommand(), "--index", index.toString(), "0000000000");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("no patient 0000000000");
  }

  @Test
  void missingIndexExitsTwo() {
    CliRun run = CliRun.of(new PatientCommand(), "--index", work.resolve("none").toString(), "0000000111");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no patient index");
  }

  private static List<String> files(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get("file").asText()));
    return out;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}

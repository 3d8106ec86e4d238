package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandTest {
  @TempDir static Path work;
  static Path index;

  @BeforeAll
  static void build() {
    index = work.resolve("idx");
    Path cases = CliRun.fixtures().resolve("search-cases-public");
    CliRun run = CliRun.of(new IndexCommand(), "--index", index.toString(),
        cases.resolve("root-dated").toString(), cases.resolve("root-undated").toString());
    assertThat(run.exit()).as(run.err()).isZero();
  }

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    CliRun run = CliRun.of(new SearchCommand(), "--index", index.toString(), "--json", "--limit", "3",
        "おがわ", "けんた");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("query").asText()).isEqualTo("おがわ けんた");
    JsonNode hit = json.get("hits").get(0);
    assertThat(hit.get("patientId").asText()).isEqualTo("0000000111");
    assertThat(hit.get("name").asText()).isEqualTo("小川\u3000健太");
    assertThat(hit.get("kana").asText()).isEqualTo("オガワ\u3000ケンタ");
    assertThat(hit.get("birthDate").asText()).isEqualTo("1975-03-12");
    assertThat(hit.get("sex").asText()).isEqualTo("M");
    assertThat(hit.get("score").asDouble()).isPositive();
    assertThat(hit.get("matched").toString()).contains("読み一致");
    assertThat(json.get("hits").size()).isLessThanOrEqualTo(3);
  }

  @Test
  void exactHomonymsCarryTheBirthDateHint() throws Exception {
    var hits = java.util.List.of(
        new dev.ssmix2.index.search.PatientHit(dev.ssmix2.index.store.Facility.DEFAULT,
            dev.ssmix2.core.storage.PatientId.of("0000000001"), "佐藤\u3000花子",
            "サトウ\u3000ハナコ", java.util.Optional.of(java.time.LocalDate.of(1940, 1, 1)),
            dev.ssmix2.core.record.Sex.FEMALE, 200f, java.util.List.of(dev.ssmix2.index.search.MatchTag.EXACT)),
        new dev.ssmix2.index.search.PatientHit(dev.ssmix2.index.store.Facility.DEFAULT,
            dev.ssmix2.core.storage.PatientId.of("0000000002"), "佐藤\u3000花子",
            "サトウ\u3000ハナコ", java.util.Optional.of(java.time.LocalDate.of(1988, 12, 24)),
            dev.ssmix2.core.record.Sex.FEMALE, 200f, java.util.List.of(dev.ssmix2.index.search.MatchTag.EXACT)));
    JsonNode json = new ObjectMapper().readTree(SearchCommand.toJson("佐藤 花子",
        new dev.ssmix2.index.search.SearchResult(hits, 2, false)));
    assertThat(json.get("sameName").asInt()).isEqualTo(2);
    assertThat(json.get("hint").asText()).contains("2名").contains("生年月日");
    JsonNode unique = new ObjectMapper().readTree(SearchCommand.toJson("佐藤 花子",
        new dev.ssmix2.index.search.SearchResult(hits.subList(0, 1), 0, false)));
    assertThat(unique.has("hint")).isFalse();
  }

  @Test
  void textListsHitsWithTheirTags() {
    CliRun run = CliRun.of(new SearchCommand(), "--index", index.toString(), "777");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("0000000777").contains("ID一致");
  }

  @Test
  void missingIndexExitsTwoWithAMessage() {
    CliRun run = CliRun.of(new SearchCommand(), "--index", work.resolve("none").toString(), "やまだ");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no patient index").doesNotContain("\tat ");
  }

  @Test
  void currentIndexGivesNoWarning() {
    CliRun run = CliRun.of(new SearchCommand(), "--index", index.toString(), "777");
    assertThat(run.err()).doesNotContain("warning");
  }

  @Test
  void indexOfAnotherKeyVersionStillSearchesButSaysToRebuild() throws Exception {
    Path old = OldIndex.build(work.resolve("old-idx"));
    CliRun run = CliRun.of(new SearchCommand(), "--index", old.toString(), "777");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("0000000777");
    assertThat(run.err()).contains("warning").contains("ssmix2 index --index " + old);
  }
}

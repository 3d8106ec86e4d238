package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssmix2.examples.TestFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --facility} on the command line: two hospitals whose storages hold the same patient IDs (two copies of the
 * public search cases' undated root) are indexed as two facilities of one index; searches can be restricted to one;
 * a patient ID both have is never resolved silently; a bad facility code is exit 2 saying what was expected.
 */
class FacilityCliTest {
  static final String SENDAI = "0412345678";
  static final String ISHINOMAKI = "0419876543";

  @TempDir Path work;
  Path sendai;
  Path ishinomaki;
  Path index;

  @BeforeEach
  void copyStorages() throws IOException {
    Path undated = CliRun.fixtures().resolve("search-cases-public/root-undated");
    sendai = TestFixtures.copyTree(undated, work.resolve("sendai"));
    ishinomaki = TestFixtures.copyTree(undated, work.resolve("ishinomaki"));
    index = work.resolve("idx");
  }

  private CliRun indexBoth(String... extra) {
    String[] base = {"--index", index.toString(), "--facility", SENDAI + ":仙台医療センター", sendai.toString(),
        "--facility", ISHINOMAKI + ":石巻赤十字病院", ishinomaki.toString()};
    String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
    return CliRun.of(new IndexCommand(), args);
  }

  @Test
  void eachFacilityGetsItsRootsAndTheSameIdStaysTwoPatients() throws Exception {
    CliRun run = indexBoth("--json");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("facilities")).hasSize(2);
    JsonNode first = report.get("facilities").get(0);
    assertThat(first.get("facility").get("code").asText()).isEqualTo(SENDAI);
    assertThat(first.get("facility").get("name").asText()).isEqualTo("仙台医療センター");
    assertThat(first.get("roots")).singleElement().satisfies(r -> assertThat(r.asText()).endsWith("sendai"));
    assertThat(report.get("facilities").get(1).get("roots")).singleElement()
        .satisfies(r -> assertThat(r.asText()).endsWith("ishinomaki"));
    long perFacility = first.get("patients").asLong();
    assertThat(perFacility).isPositive();
    assertThat(report.get("facilities").get(1).get("patients").asLong()).isEqualTo(perFacility);

    CliRun search = CliRun.of(new SearchCommand(), "--index", index.toString(), "--json", "おがわ", "けんた");
    assertThat(search.exit()).as(search.err()).isZero();
    JsonNode hits = new ObjectMapper().readTree(search.out()).get("hits");
    assertThat(hits).filteredOn(h -> h.get("patientId").asText().equals("0000000111"))
        .extracting(h -> h.get("facility").get("code").asText()).containsExactlyInAnyOrder(SENDAI, ISHINOMAKI);

    CliRun text = CliRun.of(new SearchCommand(), "--index", index.toString(), "おがわ", "けんた");
    assertThat(text.out()).contains("仙台医療センター").contains("石巻赤十字病院");

    // an update naming no facility and no root updates every facility from its recorded roots
    CliRun again = CliRun.of(new IndexCommand(), "--index", index.toString(), "--json");
    assertThat(again.exit()).as(again.err()).isZero();
    JsonNode both = new ObjectMapper().readTree(again.out()).get("facilities");
    assertThat(both).hasSize(2).allMatch(f -> f.get("filesIndexed").asLong() == 0 && !f.get("rebuilt").asBoolean());
  }

  @Test
  void aSearchRestrictedToOneFacilityShowsOnlyItsPatients() throws Exception {
    assertThat(indexBoth().exit()).isZero();
    CliRun run = CliRun.of(new SearchCommand(), "--index", index.toString(), "--facility", ISHINOMAKI, "--json",
        "おがわ");
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode hits = new ObjectMapper().readTree(run.out()).get("hits");
    assertThat(hits).isNotEmpty().allMatch(h -> h.get("facility").get("code").asText().equals(ISHINOMAKI));

    CliRun bad = CliRun.of(new SearchCommand(), "--index", index.toString(), "--facility", "04123", "おがわ");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("10-digit 医療機関コード").contains("04123").doesNotContain("Exception");
  }

  @Test
  void anIdTwoFacilitiesHaveIsListedNeverPicked() throws Exception {
    assertThat(indexBoth().exit()).isZero();
    CliRun ambiguous = CliRun.of(new PatientCommand(), "--index", index.toString(), "0000000111");
    assertThat(ambiguous.exit()).isEqualTo(2);
    assertThat(ambiguous.out()).isEmpty();
    assertThat(ambiguous.err()).contains("2 facilities have a patient 0000000111")
        .contains("--facility " + SENDAI).contains("仙台医療センター")
        .contains("--facility " + ISHINOMAKI).contains("石巻赤十字病院");

    CliRun one = CliRun.of(new PatientCommand(), "--index", index.toString(), "--facility", ISHINOMAKI, "--json",
        "0000000111");
    assertThat(one.exit()).as(one.err()).isZero();
    JsonNode p = new ObjectMapper().readTree(one.out());
    assertThat(p.get("facility").get("code").asText()).isEqualTo(ISHINOMAKI);
    assertThat(p.get("facility").get("name").asText()).isEqualTo("石巻赤十字病院");
    assertThat(p.get("patientId").asText()).isEqualTo("0000000111");

    CliRun none = CliRun.of(new PatientCommand(), "--index", index.toString(), "--facility", "0400000000",
        "0000000111");
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err()).contains("no patient 0000000111 of facility 0400000000");
  }

  @Test
  void aBadFacilityIsExitTwoSayingWhatWasExpected() {
    for (String bad : new String[] {"12345:病院", "041234567X:病院", "０４１２３４５６７８:病院"}) {
      CliRun run = CliRun.main("index", "--index", index.toString(), "--facility", bad, sendai.toString());
      assertThat(run.exit()).as(bad).isEqualTo(2);
      assertThat(run.err()).as(bad).contains("--facility").contains("10-digit 医療機関コード").contains("0412345678")
          .doesNotContain("Exception").doesNotContain("\tat ");
    }
    CliRun noName = CliRun.main("index", "--index", index.toString(), "--facility", SENDAI, sendai.toString());
    assertThat(noName.exit()).isEqualTo(2);
    assertThat(noName.err()).contains("CODE:NAME");
    CliRun blankName = CliRun.main("index", "--index", index.toString(), "--facility", SENDAI + ": ",
        sendai.toString());
    assertThat(blankName.exit()).isEqualTo(2);
    assertThat(blankName.err()).contains("needs a display name");
    CliRun twice = CliRun.main("index", "--index", index.toString(), "--facility", SENDAI + ":a", sendai.toString(),
        "--facility", ISHINOMAKI + ":b", sendai.toString());
    assertThat(twice.exit()).isEqualTo(2);
    assertThat(twice.err()).contains("belongs to one facility");
    assertThat(Files.exists(index.resolve("segments_1"))).as("nothing indexed").isFalse();
  }

  @Test
  void anIndexFromBeforeFacilitiesIsRefusedWithHowToRebuildItAndThenRebuilt() throws Exception {
    CliRun built = CliRun.of(new IndexCommand(), "--index", index.toString(), sendai.toString());
    assertThat(built.exit()).as(built.err()).isZero();
    // what the last version without facilities wrote into its commits: schema 4, its roots, no facility list
    try (var dir = org.apache.lucene.store.FSDirectory.open(index);
        var w = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig()
            .setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.APPEND))) {
      w.setLiveCommitData(java.util.Map.of("schema", "ssmix2-patient-index-4", "nameKeysTableVersion", "keys-r0",
          "roots", sendai.toAbsolutePath().toString(), "files", "1", "patients", "1").entrySet());
      w.commit();
    }
    CliRun refused = CliRun.main("search", "--index", index.toString(), "おがわ");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("before facilities").contains("rebuild it with 'ssmix2 index --index "
        + index).doesNotContain("Exception").doesNotContain("\tat ");

    CliRun rebuilt = CliRun.of(new IndexCommand(), "--index", index.toString());
    assertThat(rebuilt.exit()).as(rebuilt.err()).isZero();
    assertThat(rebuilt.out()).contains("built from scratch").contains("without facilities");
    CliRun search = CliRun.main("search", "--index", index.toString(), "--json", "おがわ");
    assertThat(search.exit()).as(search.err()).isZero();
    assertThat(new ObjectMapper().readTree(search.out()).get("hits")).isNotEmpty()
        .allMatch(h -> h.get("facility").get("code").asText().equals("default"));
  }

}

package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {
  @TempDir Path work;

  static Path cases() {
    return CliRun.fixtures().resolve("search-cases-public");
  }

  @Test
  void buildsThenUpdatesWithTheRecordedRoots() throws Exception {
    Path index = work.resolve("idx");
    CliRun first = CliRun.of(new IndexCommand(), "--index", index.toString(),
        cases().resolve("root-dated").toString(), cases().resolve("root-undated").toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("built from scratch").contains("patients").contains("skipped")
        .contains("stray-file").contains("empty-file");
    assertThat(first.err()).doesNotContain("Exception");

    CliRun again = CliRun.of(new IndexCommand(), "--index", index.toString(), "--json");
    assertThat(again.exit()).as(again.err()).isZero();
    JsonNode r = new ObjectMapper().readTree(again.out());
    assertThat(r.get("rebuilt").asBoolean()).isFalse();
    assertThat(r.get("filesIndexed").asLong()).isZero();
    assertThat(r.get("filesSeen").asLong()).isPositive();
    assertThat(r.get("roots")).hasSize(2);
    assertThat(r.get("patientsWalked").asLong()).as("unchanged folders are probed, not walked").isZero();

    CliRun trusting = CliRun.of(new IndexCommand(), "--index", index.toString(), "--trust-folder-times");
    assertThat(trusting.exit()).as(trusting.err()).isZero();
    assertThat(trusting.out()).contains("0 updated").contains("0 walked");
  }

  @Test
  void missingRootIsAReadableUsageError() {
    CliRun run = CliRun.of(new IndexCommand(), "--index", work.resolve("idx").toString(),
        work.resolve("nope").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("does not exist").doesNotContain("\tat ");
  }

  @Test
  void noRootAndNoneRecordedIsAUsageError() {
    CliRun run = CliRun.of(new IndexCommand(), "--index", work.resolve("idx").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no storage root");
  }
}

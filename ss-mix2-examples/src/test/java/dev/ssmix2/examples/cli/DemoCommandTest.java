package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path work;

  @Test
  void noServePrintsSearchesAndAChartThenReusesTheStorage() {
    String[] args = {"demo", "--no-serve", "--workdir", work.toString(), "--patients", "60"};

    CliRun first = CliRun.main(args);

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("generating 60 sample patients").contains("generated ")
        .containsPattern("— [1-9]\\d* patients, [1-9]\\d* files read this run");
    List<String> searches = Arrays.stream(first.out().split("\nsearch: ")).skip(1).toList();
    assertThat(searches).hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(block -> assertThat(block.lines().skip(1).filter(l -> l.startsWith("  ")).findAny())
            .as("hits for: " + block.lines().findFirst().orElse("")).isPresent());
    assertThat(first.out()).containsPattern("\n=== .+ ID \\S+ .* ===\n").contains("-- 処方・注射 (")
        .contains("-- 検査結果 (").contains("-- 病名 (");
    assertThat(first.err()).doesNotContain("Exception");
    assertThat(work.resolve("storage/manifest.jsonl")).isRegularFile();

    CliRun second = CliRun.main(args);

    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("reusing sample storage").doesNotContain("generating")
        .containsPattern("— [1-9]\\d* patients, 0 files read this run");
  }

  @Test
  void aWorkdirThatIsAFileIsAReadableError() throws Exception {
    Path file = Files.writeString(work.resolve("not-a-folder"), "x");

    CliRun run = CliRun.main("demo", "--no-serve", "--workdir", file.toString(), "--patients", "5");

    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).startsWith("ssmix2 demo: ").doesNotContain("\tat ");
  }
}

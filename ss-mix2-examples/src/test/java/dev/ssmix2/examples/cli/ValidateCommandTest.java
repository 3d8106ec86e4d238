package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final String GOOD = "0000000111_20240310_OMP-01_000000000000301_20240310120000000_01_1";

  @TempDir
  Path tmp;

  /** A tiny storage: one good prescription plus the junk real storages collect. */
  private Path tinyStorage() throws IOException {
    Path source = CliRun.fixtures().resolve("search-cases-public/root-dated/000/000/0000000111/20240310/OMP-01/" + GOOD);
    Path folder = Files.createDirectories(tmp.resolve("root/000/000/0000000111/20240310/OMP-01"));
    Files.copy(source, folder.resolve(GOOD));
    Files.write(folder.resolve("0000000111_20240310_OMP-01_000000000000900_20240310100000000_01_1"), new byte[0]);
    Files.writeString(folder.resolve("0000000111_20240310_OMP-01_000000000000901_20240310100000000_01_1"),
        "MSH|^~\\&|HIS|HO", StandardCharsets.US_ASCII);
    Files.write(folder.resolve("Thumbs.db"), new byte[] {0, 1, 2, 3});
    Files.writeString(folder.resolve("memo.txt"), "確認中", StandardCharsets.UTF_8);
    Files.writeString(Files.createDirectories(tmp.resolve("root/zzz/tmp")).resolve("lock"), "          ");
    return tmp.resolve("root");
  }

  @Test
  void jsonNamesEveryJunkFileAndExitsOne() throws IOException {
    Path root = tinyStorage();
    CliRun run = CliRun.of(new ValidateCommand(), root.toString(), "--json");
    assertThat(run.exit()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("files").asLong()).isEqualTo(6);
    List<String> lines = new ArrayList<>();
    json.get("findings").forEach(f -> lines.add(f.get("severity").asText() + " " + f.get("code").asText() + " "
        + f.get("path").asText()));
    String dir = "000/000/0000000111/20240310/OMP-01/";
    assertThat(lines).containsExactlyInAnyOrder(
        "ERROR empty-file " + dir + "0000000111_20240310_OMP-01_000000000000900_20240310100000000_01_1",
        "ERROR truncated-message " + dir + "0000000111_20240310_OMP-01_000000000000901_20240310100000000_01_1",
        "WARNING stray-file " + dir + "Thumbs.db",
        "WARNING stray-file " + dir + "memo.txt",
        "WARNING stray-file zzz/tmp/lock");
    json.get("findings").forEach(f -> assertThat(f.get("message").asText()).isNotBlank());
  }

  @Test
  void readableReportGroupsFindingsAndCountsThem() throws IOException {
    CliRun run = CliRun.of(new ValidateCommand(), tinyStorage().toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("2 errors, 3 warnings, 0 notes", "ERROR empty-file (1)",
        "WARNING stray-file (3)", "Thumbs.db");
  }

  @Test
  void cleanStorageExitsZero() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("clean/000/000/0000000111/20240310/OMP-01"));
    Files.copy(CliRun.fixtures().resolve("search-cases-public/root-dated/000/000/0000000111/20240310/OMP-01/" + GOOD),
        folder.resolve(GOOD));
    CliRun run = CliRun.of(new ValidateCommand(), tmp.resolve("clean").toString());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("No problems found.");
  }

  @Test
  void missingRootOrFileIsAUsageErrorWithoutStackTrace() throws IOException {
    CliRun missing = CliRun.of(new ValidateCommand(), tmp.resolve("nowhere").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist").doesNotContain("Exception", "\tat ");
    Path file = Files.writeString(tmp.resolve("a.txt"), "x");
    CliRun notFolder = CliRun.of(new ValidateCommand(), file.toString());
    assertThat(notFolder.exit()).isEqualTo(2);
    assertThat(notFolder.err()).contains("is not a folder");
  }
}

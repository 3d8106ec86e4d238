package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTablesCommandTest {
  @TempDir static Path work;
  static Path storage;
  static Path index;
  static Path out;
  static CliRun export;

  /** Data types of the records each table is made of. */
  private static final Map<String, List<String>> SOURCES = Map.of(
      "encounters", List.of("ADT-12", "ADT-21", "ADT-22", "ADT-31", "ADT-32", "ADT-41", "ADT-42", "ADT-51",
          "ADT-52"),
      "diagnoses", List.of("PPR-01"),
      "prescriptions", List.of("OMP-01"),
      "injections", List.of("OMP-02"),
      "administrations", List.of("OMP-11", "OMP-12"),
      "lab_results", List.of("OML-01", "OML-11"),
      "allergies", List.of("ADT-61"));

  @BeforeAll
  static void generateAndIndex() {
    storage = work.resolve("gen");
    CliRun gen = CliRun.main("generate", "--out", storage.toString(), "--patients", "30", "--seed", "5");
    assertThat(gen.exit()).as(gen.err()).isZero();
    index = work.resolve("idx");
    CliRun idx = CliRun.main("index", "--index", index.toString(), storage.resolve("storage").toString());
    assertThat(idx.exit()).as(idx.err()).isZero();
    out = work.resolve("export");
    export = CliRun.main("export", "tables", storage.resolve("storage").toString(), "--out", out.toString(),
        "--key-file", work.resolve("key").toString());
  }

  @Test
  void rowsOfEveryTableComeFromExactlyTheRecordsThatPatientJsonLists() throws Exception {
    CliRun run = export;
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("de-identified").contains("prescriptions");

    // Records and problems of 'patient --json', summed over every patient of the generator's manifest.
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Long> records = new TreeMap<>();
    long problems = 0;
    int patients = 0;
    for (String line : Files.readAllLines(storage.resolve("manifest.jsonl"))) {
      String id = mapper.readTree(line).get("patientId").asText();
      CliRun p = CliRun.main("patient", "--index", index.toString(), "--json", id);
      assertThat(p.exit()).as(p.err()).isZero();
      JsonNode json = mapper.readTree(p.out());
      json.get("records").forEach(r -> records.merge(r.get("dataType").asText(), 1L, Long::sum));
      problems += json.get("problems").size();
      patients++;
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT count(*) FROM read_parquet('" + out.resolve("patients") + "/**/*.parquet')"))
          .isEqualTo(patients);
      for (Map.Entry<String, List<String>> e : SOURCES.entrySet()) {
        long want = e.getValue().stream().mapToLong(t -> records.getOrDefault(t, 0L)).sum();
        assertThat(count(s, "SELECT count(DISTINCT record_id) FROM read_parquet('" + out.resolve(e.getKey())
            + "/**/*.parquet')")).as(e.getKey()).isEqualTo(want);
      }
      String files = "read_parquet('" + out.resolve("files") + "/**/*.parquet')";
      long readable = count(s, "SELECT count(*) FROM " + files + " WHERE status = 'current' AND was_read "
          + "AND read_problem IS NULL AND data_type <> 'ADT-00'");
      // 'patient' shows ADT-00 as the demographics header, not as a record.
      assertThat(readable).isEqualTo(records.values().stream().mapToLong(Long::longValue).sum());
      assertThat(count(s, "SELECT count(*) FROM " + files + " WHERE status = 'current' AND read_problem IS NOT NULL"))
          .isEqualTo(problems);
      assertThat(records.get("OMP-01")).isPositive();
    }
  }

  @Test
  void theReadmesDuckDbQueriesRunOnAnExportAndAnswerRows() throws Exception {
    assertThat(export.exit()).as(export.err()).isZero();
    String readme = Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("## Research export"));
    String sql = section.substring(section.indexOf("```sql") + 6, section.indexOf("```", section.indexOf("```sql") + 6));
    List<String> statements = java.util.Arrays.stream(sql.split(";"))
        .map(q -> q.lines().filter(l -> !l.strip().startsWith("--")).collect(java.util.stream.Collectors.joining("\n")))
        .filter(q -> !q.isBlank()).toList();
    assertThat(statements).hasSize(2);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (String q : statements) {
        try (ResultSet rs = s.executeQuery(q.replace("'research/", "'" + out + "/"))) {
          assertThat(rs.next()).as(q).isTrue();
          int counted = rs.getMetaData().getColumnLabel(2).equals("patients") ? 2 : 3;
          assertThat(rs.getLong(counted)).as(q).isPositive();
        }
      }
    }
  }

  @Test
  void refusesAnOutputInsideTheStorage() {
    CliRun run = CliRun.main("export", "tables", storage.resolve("storage").toString(), "--out",
        storage.resolve("storage").resolve("out").toString(), "--key-file", work.resolve("key").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("ssmix2 export tables: ").contains("inside the storage root")
        .doesNotContain("Exception");
    assertThat(storage.resolve("storage").resolve("out")).doesNotExist();
  }

  @Test
  void aUnitSizeOutOfRangeIsAnErrorThatSaysTheRange() {
    Path out = work.resolve("units-0");
    CliRun run = CliRun.main("export", "tables", storage.resolve("storage").toString(), "--out", out.toString(),
        "--key-file", work.resolve("key").toString(), "--unit-patients", "0");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("ssmix2 export tables: ").contains("out of range; expected 1 to 10000000")
        .doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package dev.ssmix2.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.record.AdministrationRecord;
import dev.ssmix2.core.record.AllergyRecord;
import dev.ssmix2.core.record.ClinicalRecord;
import dev.ssmix2.core.record.EncounterRecord;
import dev.ssmix2.core.record.LabRecord;
import dev.ssmix2.core.record.MedicationOrderRecord;
import dev.ssmix2.core.record.ProblemListRecord;
import dev.ssmix2.core.record.VitalSignsRecord;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.synth.GenerationSummary;
import dev.ssmix2.core.synth.Profile;
import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.synth.SyntheticStorage;
import dev.ssmix2.core.version.History;
import dev.ssmix2.core.version.VersionResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResearchExportTest {
  @TempDir static Path shared;
  @TempDir Path tmp;
  static GenerationSummary generated;
  static Storage storage;
  static Map<String, long[]> expected;
  /** Exports shared by the tests (each takes seconds on a loaded machine): default Parquet, default CSV. */
  static Path parquet;
  static ExportReport parquetReport;
  static Path csv;
  static ExportReport csvReport;

  @BeforeAll
  static void generate() {
    generated = SyntheticStorage.builder().patients(40).seed(17).profile(Profile.REALISTIC).splitRoots(true)
        .supersedeRate(0.2).deleteRate(0.1).vitals(true).threads(2).build()
        .generate(shared.resolve("gen"), ProgressListener.none());
    storage = Storage.open(generated.roots());
    expected = expectedCounts();
    parquet = shared.resolve("parquet");
    parquetReport = ResearchExport.run(storage, options(parquet).build(), ExportProgress.NONE);
    csv = shared.resolve("csv");
    csvReport = ResearchExport.run(storage, options(csv).format(ExportFormat.CSV).bom(true).build(),
        ExportProgress.NONE);
  }

  private static ExportOptions.Builder options(Path out) {
    return ExportOptions.builder(out).keyFile(shared.resolve("secret").resolve("export.key")).threads(3)
        .unitPatients(3);
  }

  /** Rows per table and source records per table, counted with the reading API, not the export. */
  private static Map<String, long[]> expectedCounts() {
    Map<String, long[]> m = new TreeMap<>();
    try (Stream<PatientFolder> patients = storage.patients(u -> { })) {
      patients.forEach(p -> {
        m.computeIfAbsent(Tables.PATIENTS, k -> new long[2])[0]++;
        for (History h : VersionResolver.resolve(p.files())) {
          m.computeIfAbsent(Tables.FILES, k -> new long[2])[0] += h.versions().size();
          if (h.current().isEmpty()) {
            continue;
          }
          ReadResult r = RecordReader.read(h.current().get());
          if (!(r instanceof MessageRead read)) {
            continue;
          }
          ClinicalRecord rec = read.record();
          String table = null;
          long rows = 0;
          if (rec instanceof EncounterRecord) {
            table = Tables.ENCOUNTERS;
            rows = 1;
          } else if (rec instanceof ProblemListRecord pl) {
            table = Tables.DIAGNOSES;
            rows = pl.problems().size();
          } else if (rec instanceof MedicationOrderRecord mo) {
            table = mo.kind() == MedicationOrderRecord.Kind.PRESCRIPTION ? Tables.PRESCRIPTIONS : Tables.INJECTIONS;
            rows = mo.orders().stream().mapToLong(o -> o.drugs().size()).sum();
          } else if (rec instanceof AdministrationRecord a) {
            table = Tables.ADMINISTRATIONS;
            rows = a.administrations().size();
          } else if (rec instanceof LabRecord l) {
            table = Tables.LAB_RESULTS;
            rows = l.tests().size();
          } else if (rec instanceof AllergyRecord a) {
            table = Tables.ALLERGIES;
            rows = a.allergies().size();
          } else if (rec instanceof VitalSignsRecord v) {
            table = Tables.VITAL_SIGNS;
            rows = v.measurements().size();
          }
          if (table != null && rows > 0) {
            long[] c = m.computeIfAbsent(table, k -> new long[2]);
            c[0] += rows;
            c[1]++;
          }
        }
        m.computeIfAbsent(Tables.FILES, k -> new long[2])[0] += p.unplaced().size();
      });
    }
    return m;
  }

  private static Connection duckdb() throws SQLException {
    return DriverManager.getConnection("jdbc:duckdb:");
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void parquetRowCountsEqualTheRecordsReadThroughTheLibraryAndReadBackWithDuckDb() throws Exception {
    Path out = parquet;
    ExportReport report = parquetReport;
    assertThat(report.patients()).isEqualTo(40);
    try (Connection c = duckdb(); Statement s = c.createStatement()) {
      for (String table : Tables.NAMES) {
        long want = expected.getOrDefault(table, new long[2])[0];
        assertThat(report.rowCounts().get(table)).as(table).isEqualTo(want);
        if (want == 0) {
          continue;
        }
        String glob = out.resolve(table) + "/**/*.parquet";
        assertThat(count(s, "SELECT count(*) FROM read_parquet('" + glob + "', hive_partitioning = true)"))
            .as(table).isEqualTo(want);
        if (!table.equals(Tables.PATIENTS) && !table.equals(Tables.FILES)) {
          assertThat(count(s, "SELECT count(DISTINCT record_id) FROM read_parquet('" + glob + "')")).as(table)
              .isEqualTo(expected.get(table)[1]);
        }
      }
      // Partitions are real: every file sits under its facility and year, and the year column agrees.
      assertThat(count(s, "SELECT count(*) FROM read_parquet('" + out.resolve("prescriptions")
          + "/**/*.parquet', hive_partitioning = true) WHERE facility <> '-' OR year < 1900")).isZero();
      // Typed columns: numeric lab values are DOUBLE and only where the value is a plain number.
      assertThat(count(s, "SELECT count(*) FROM read_parquet('" + out.resolve("lab_results")
          + "/**/*.parquet') WHERE value_numeric IS NOT NULL")).isPositive();
      assertThat(count(s, "SELECT count(*) FROM read_parquet('" + out.resolve("lab_results")
          + "/**/*.parquet') WHERE value_numeric IS NOT NULL AND value_text IS NOT NULL")).isZero();
    }
    assertThat(expected.get(Tables.PRESCRIPTIONS)[0]).isPositive();
    assertThat(expected.get(Tables.LAB_RESULTS)[0]).isPositive();
    assertThat(expected.get(Tables.VITAL_SIGNS)[0]).isPositive();
  }

  @Test
  void csvHasTheSameRowsAsParquetAndAManifest() throws Exception {
    Path out = csv;
    ExportReport report = csvReport;
    for (String table : Tables.NAMES) {
      assertThat(report.rowCounts().get(table)).as(table)
          .isEqualTo(expected.getOrDefault(table, new long[2])[0]);
    }
    Path first;
    try (Stream<Path> s = Files.walk(out.resolve("prescriptions"))) {
      first = s.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(first);
    assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(manifest.get("identified").asBoolean()).isFalse();
    assertThat(manifest.get("rowCounts").get("prescriptions").asLong())
        .isEqualTo(expected.get(Tables.PRESCRIPTIONS)[0]);
    assertThat(manifest.get("removed").toString()).contains("names").contains("birth dates");
    assertThat(manifest.get("options").get("format").asText()).isEqualTo("csv");
    try (Connection c = duckdb(); Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT count(*) FROM read_csv('" + out.resolve("lab_results")
          + "/**/*.csv', header = true)")).isEqualTo(expected.get(Tables.LAB_RESULTS)[0]);
    }
  }

  @Test
  void sameKeyGivesSamePseudonymsAndAnotherKeyOthers() throws Exception {
    ResearchExport.run(storage, options(tmp.resolve("b")).format(ExportFormat.CSV).build(), ExportProgress.NONE);
    ResearchExport.run(storage, options(tmp.resolve("c")).format(ExportFormat.CSV)
        .keyFile(tmp.resolve("other.key")).build(), ExportProgress.NONE);
    Set<String> a = keys(csv);
    assertThat(a).hasSize(40).allMatch(k -> k.matches("[0-9a-f]{32}"));
    assertThat(keys(tmp.resolve("b"))).isEqualTo(a);
    assertThat(keys(tmp.resolve("c"))).hasSize(40).doesNotContainAnyElementsOf(a);
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("other.key")))).isEqualTo("rw-------");
  }

  private static Set<String> keys(Path out) throws Exception {
    try (Connection c = duckdb(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT patient_key FROM read_csv('" + out.resolve("patients")
            + "/**/*.csv', header = true, all_varchar = true)")) {
      Set<String> keys = new HashSet<>();
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
      return keys;
    }
  }

  @Test
  void defaultExportHoldsNoNameBirthDateOrUnshiftedDateOfTheStorage() throws Exception {
    Path out = csv;
    StringBuilder all = new StringBuilder();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
      }
    }
    // Parquet compresses text, so read it back as text through DuckDB before searching it; rows are also kept per
    // patient key, because one patient's real birth date may be another patient's shifted visit date by chance.
    Map<String, StringBuilder> byPatient = new HashMap<>();
    try (Connection c = duckdb(); Statement st = c.createStatement()) {
      for (String table : Tables.NAMES) {
        for (String glob : List.of("read_parquet('" + parquet.resolve(table) + "/**/*.parquet')",
            "read_csv('" + out.resolve(table) + "/**/*.csv', header = true, all_varchar = true)")) {
          if (!Files.exists(parquet.resolve(table))) {
            continue;
          }
          try (ResultSet rs = st.executeQuery("SELECT * FROM " + glob)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              StringBuilder row = new StringBuilder();
              for (int i = 1; i <= n; i++) {
                row.append(rs.getString(i)).append(',');
              }
              all.append(row).append('\n');
              String key = rs.getString("patient_key");
              if (key != null) {
                byPatient.computeIfAbsent(key, k -> new StringBuilder()).append(row).append('\n');
              }
            }
          }
        }
      }
    }
    all.append(Files.readString(parquet.resolve("manifest.json")));
    String text = all.toString();
    List<String> forbidden = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    Pseudonyms keys = Pseudonyms.fromKeyFile(shared.resolve("secret").resolve("export.key"), "-",
        ExportOptions.DEFAULT_DATE_SHIFT_DAYS);
    for (String line : Files.readAllLines(generated.manifest())) {
      JsonNode p = json.readTree(line);
      String fk = p.get("familyKanji").asText("");
      String gk = p.get("givenKanji").asText("");
      String fa = p.get("familyKana").asText("");
      String ga = p.get("givenKana").asText("");
      for (String name : List.of(fk + gk, fk + "\u3000" + gk, fk + " " + gk, fa + ga, fa + "\u3000" + ga,
          fa + " " + ga)) {
        if (name.strip().length() >= 3) {
          forbidden.add(name);
        }
      }
      LocalDate birth = LocalDate.parse(p.get("birthDate").asText());
      String key = keys.patientKey(dev.ssmix2.core.storage.PatientId.of(p.get("patientId").asText()));
      String own = byPatient.getOrDefault(key, new StringBuilder()).toString();
      assertThat(own).as("rows of patient %s", key).isNotEmpty();
      for (String date : List.of(birth.toString(), birth.toString().replace("-", ""),
          birth.toString().replace("-", "/"))) {
        assertThat(own).as("rows of %s must not contain the birth date %s", key, date).doesNotContain(date);
        assertThat(Files.readString(parquet.resolve("manifest.json"))).doesNotContain(date);
      }
      forbidden.add(p.get("patientId").asText());
    }
    assertThat(forbidden).hasSizeGreaterThan(100);
    for (String f : forbidden) {
      assertThat(text).as("export must not contain %s", f).doesNotContain(f);
    }
  }

  @Test
  void everyDateOfAPatientMovesByThePatientsOwnNonZeroShift() throws Exception {
    Path key = shared.resolve("secret").resolve("export.key");
    Path deid = tmp.resolve("deid");
    Path ident = tmp.resolve("ident");
    ResearchExport.run(storage, options(deid).format(ExportFormat.CSV).dateShiftDays(30).build(),
        ExportProgress.NONE);
    ResearchExport.run(storage, ExportOptions.builder(ident).identified(true).format(ExportFormat.CSV).threads(2)
        .build(), ExportProgress.NONE);
    Pseudonyms p = Pseudonyms.fromKeyFile(key, "-", 30);
    Map<String, String> shifted = new HashMap<>();
    try (Connection c = duckdb(); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT record_id, care_date, file_time FROM read_csv('" + deid
          .resolve("files") + "/**/*.csv', header = true, all_varchar = true) WHERE status <> 'unplaced'")) {
        while (rs.next()) {
          shifted.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3));
        }
      }
      int compared = 0;
      try (ResultSet rs = s.executeQuery("SELECT patient_id, record_id, care_date, file_time FROM read_csv('"
          + ident.resolve("files") + "/**/*.csv', header = true, all_varchar = true) WHERE status <> 'unplaced'")) {
        while (rs.next()) {
          int days = p.shiftDays(dev.ssmix2.core.storage.PatientId.of(rs.getString(1)));
          assertThat(days).isNotZero().isBetween(-30, 30);
          String[] d = shifted.get(p.recordId(rs.getString(2))).split("\\|");
          if (rs.getString(3) != null) {
            assertThat(LocalDate.parse(d[0])).isEqualTo(LocalDate.parse(rs.getString(3)).plusDays(days));
            compared++;
          }
          assertThat(java.time.LocalDateTime.parse(d[1].replace(' ', 'T')))
              .isEqualTo(java.time.LocalDateTime.parse(rs.getString(4).replace(' ', 'T')).plusDays(days));
        }
      }
      assertThat(compared).isGreaterThan(100);
    }
    JsonNode manifest = new ObjectMapper().readTree(ident.resolve("manifest.json").toFile());
    assertThat(manifest.get("identified").asBoolean()).isTrue();
  }

  @Test
  void refusesAnOutputOrKeyInsideTheStorageOrAKeyInsideTheOutput() {
    Path root = generated.roots().get(0);
    assertThatThrownBy(() -> ResearchExport.run(storage, options(root.resolve("export")).build(),
        ExportProgress.NONE)).isInstanceOf(ExportException.class).hasMessageContaining("inside the storage root");
    assertThat(root.resolve("export")).doesNotExist();
    assertThatThrownBy(() -> ResearchExport.run(storage, options(tmp.resolve("o")).keyFile(root.resolve("k.key"))
        .build(), ExportProgress.NONE)).isInstanceOf(ExportException.class).hasMessageContaining("key file");
    assertThat(root.resolve("k.key")).doesNotExist();
    assertThatThrownBy(() -> ResearchExport.run(storage, options(tmp.resolve("o2"))
        .keyFile(tmp.resolve("o2").resolve("k.key")).build(), ExportProgress.NONE))
        .isInstanceOf(ExportException.class).hasMessageContaining("inside the output folder");
  }

  @Test
  void anExportFolderBegunWithAnotherUnitSizeIsRefusedNotMixed() throws Exception {
    byte[] manifest = Files.readAllBytes(parquet.resolve("manifest.json"));
    assertThatThrownBy(() -> ResearchExport.run(storage, options(parquet).unitPatients(4).build(),
        ExportProgress.NONE)).isInstanceOf(ExportException.class).hasMessageContaining("other options");
    assertThat(Files.readAllBytes(parquet.resolve("manifest.json"))).as("the finished export is left as it was")
        .isEqualTo(manifest);
  }

  @Test
  void ssmixtoolsProfileWritesItsFileNamesAndColumns() throws Exception {
    Path out = tmp.resolve("st");
    ResearchExport.run(storage, options(out).format(ExportFormat.CSV).profile(ExportProfile.SSMIXTOOLS).build(),
        ExportProgress.NONE);
    try (Stream<Path> s = Files.list(out)) {
      List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).toList();
      assertThat(names).anyMatch(n -> n.startsWith("demographics_"))
          .anyMatch(n -> n.startsWith("laboratory_test_results_"))
          .anyMatch(n -> n.startsWith("prescription_order_records_"));
      Path lab = out.resolve(names.stream().filter(n -> n.startsWith("laboratory_test_results_")).findFirst()
          .orElseThrow());
      assertThat(Files.readAllLines(lab).get(0)).isEqualTo("patient_id,item_code,item_name,numeric,nonnumeric,"
          + "unit,sampled_time,tested_time,reported_time,unique_record_id");
    }
    try (Connection c = duckdb(); Statement s = c.createStatement()) {
      assertThat(count(s, "SELECT sum(1) FROM read_csv('" + out + "/demographics_*.csv', header = true)"))
          .isEqualTo(40);
    }
  }

  @Test
  void anExportKilledMidwayResumesToTheSameResultAsAnUninterruptedOne() throws Exception {
    Path out = tmp.resolve("killed");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ExportInChildJvm.class.getName(), out.toString(),
        shared.resolve("secret").resolve("export.key").toString()));
    generated.roots().forEach(r -> cmd.add(r.toString()));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child.log").toFile()).start();
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (markers(out) < 3 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(child.isAlive()).as("child still exporting; log: %s", tmp.resolve("child.log")).isTrue();
    child.destroyForcibly();  // SIGKILL: no shutdown hook, no finally block runs
    child.waitFor();
    assertThat(out.resolve("manifest.json")).doesNotExist();

    ExportReport resumed = ResearchExport.run(storage, options(out).format(ExportFormat.CSV).bom(true).build(),
        ExportProgress.NONE);
    assertThat(resumed.unitsResumed()).isGreaterThanOrEqualTo(3).isLessThan(resumed.units());
    assertThat(tree(out)).isEqualTo(tree(csv));
  }

  private static long markers(Path out) throws IOException {
    Path progress = out.resolve(Layout.PROGRESS);
    if (!Files.isDirectory(progress)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(progress)) {
      return s.filter(p -> p.toString().endsWith(".done")).count();
    }
  }

  /** Relative path → content of every file under {@code dir}. */
  private static Map<String, String> tree(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return m;
  }
}

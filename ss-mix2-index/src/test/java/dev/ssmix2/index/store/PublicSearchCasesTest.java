package dev.ssmix2.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.version.VersionStatus;
import dev.ssmix2.index.search.PatientHit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of search-cases-public/queries.tsv, against an index built from both of its roots. */
class PublicSearchCasesTest {
  @TempDir static Path indexDir;
  static PatientIndex index;
  static IndexReport report;

  static Path cases() {
    return TestFixtures.root().resolve("search-cases-public");
  }

  @BeforeAll
  static void build() {
    index = PatientIndex.open(indexDir);
    report = index.update(Storage.open(cases().resolve("root-dated"), cases().resolve("root-undated")),
        ProgressListener.none());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static Stream<Arguments> queries() throws IOException {
    return Files.readAllLines(cases().resolve("queries.tsv"), StandardCharsets.UTF_8).stream()
        .skip(1)
        .filter(l -> !l.isBlank())
        .map(l -> l.split("\t"))
        .map(c -> Arguments.of(c[0], c[1], Integer.parseInt(c[2].strip()), c[3]));
  }

  @ParameterizedTest(name = "[{3}] {0} → {1} within {2}")
  @MethodSource("queries")
  void findsExpectedPatientWithinTopK(String query, String expected, int k, String category) {
    List<PatientHit> hits = index.search(query, k);
    assertThat(hits).extracting(h -> h.patientId().value())
        .as("top %s for '%s' (%s): %s", k, query, category, hits)
        .contains(expected);
  }

  @Test
  void everyHitSaysWhyItMatched() {
    for (PatientHit hit : index.search("おがわ けんた", 10)) {
      assertThat(hit.matched()).as(hit.toString()).isNotEmpty();
    }
  }

  @Test
  void reportCountsFilesPatientsAndSkippedEntries() {
    assertThat(report.rebuilt()).isTrue();
    assertThat(report.patients()).isEqualTo(index.patientCount()).isGreaterThan(500);
    assertThat(report.filesIndexed()).isEqualTo(report.filesSeen());
    assertThat(report.skipped()).extracting(RecordProblem::file)
        .anyMatch(f -> f.endsWith("notes.txt"))
        .anyMatch(f -> f.contains("000000000000900"))
        .anyMatch(f -> f.contains("000000000000901"));
  }

  @Test
  void recordsListExactlyTheCurrentFilesOfExpectRecords() throws IOException {
    String json = Files.readString(cases().resolve("expect-records.json"));
    PatientRecords r = index.records(PatientId.of("0000000111"), false);
    assertThat(r.records()).extracting(RecordEntry::file).containsExactlyInAnyOrder(
        "000/000/0000000111/20240310/OMP-01/0000000111_20240310_OMP-01_000000000000301_20240310120000000_01_1",
        "000/000/0000000111/20240311/OML-11/0000000111_20240311_OML-11_000000000000401_20240311150000000_01_1");
    r.records().forEach(e -> assertThat(json).contains(e.file()));
    assertThat(r.records()).allMatch(e -> e.status() == VersionStatus.CURRENT);
    assertThat(r.records().get(0).dataType()).isEqualTo("OML-11");
    assertThat(r.records().get(0).summary()).contains("総蛋白").contains("6.9");
    assertThat(r.problems()).extracting(RecordProblem::file)
        .anyMatch(f -> f.contains("_000000000000900_"))
        .anyMatch(f -> f.contains("_000000000000901_"));
  }

  @Test
  void historyAddsSupersededAndDeletedVersions() {
    PatientRecords r = index.records(PatientId.of("0000000111"), true);
    assertThat(r.records()).extracting(RecordEntry::status)
        .contains(VersionStatus.CURRENT, VersionStatus.SUPERSEDED, VersionStatus.DELETED);
    assertThat(r.records()).hasSize(4);
  }

  @Test
  void demographicsComeFromTheAdt00() {
    var p = index.patient(PatientId.of("0000000222")).orElseThrow();
    assertThat(p.name()).isEqualTo("濵田\u3000隆");
    assertThat(p.kana()).isEqualTo("ハマダ\u3000タカシ");
    assertThat(p.birthDate()).hasValue(java.time.LocalDate.of(1961, 1, 1));
    assertThat(p.fromAdt00()).isTrue();
  }
}

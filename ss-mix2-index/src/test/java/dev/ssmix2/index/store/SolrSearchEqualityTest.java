package dev.ssmix2.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.solr.SolrPatientIndex;
import dev.ssmix2.index.solr.SolrTestCluster;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same storages indexed embedded and on a two-node SolrCloud (2 shards, 2 replicas each for the public cases, 1 for
 * the reception desk) answer these search cases with the same top 10 — patients, order, scores and match tags — and the same patient and record
 * views: the public search cases (search-cases-public) and the reception-desk cases (ReceptionDeskCasesTest).
 */
class SolrSearchEqualityTest {
  @TempDir static Path work;
  static PatientIndex publicEmbedded;
  static SolrPatientIndex publicSolr;
  static IndexReport publicEmbeddedReport;
  static IndexReport publicSolrReport;
  static PatientIndex deskEmbedded;
  static SolrPatientIndex deskSolr;

  @BeforeAll
  static void build() {
    Storage cases = Storage.open(PublicSearchCasesTest.cases().resolve("root-dated"),
        PublicSearchCasesTest.cases().resolve("root-undated"));
    publicEmbedded = PatientIndex.open(work.resolve("public-index"));
    publicEmbeddedReport = publicEmbedded.update(cases, ProgressListener.none());
    publicSolr = SolrTestCluster.shared().collection("public_cases", 2, 2);
    publicSolrReport = publicSolr.update(cases, ProgressListener.none());

    Path desk = work.resolve("desk-storage");
    ReceptionDeskCasesTest.writeStorage(desk);
    deskEmbedded = PatientIndex.open(work.resolve("desk-index"));
    deskEmbedded.update(Storage.open(desk), ProgressListener.none());
    deskSolr = SolrTestCluster.shared().collection("desk_cases", 2, 1);
    deskSolr.update(Storage.open(desk), ProgressListener.none());
  }

  @AfterAll
  static void close() {
    publicEmbedded.close();
    publicSolr.close();
    deskEmbedded.close();
    deskSolr.close();
  }

  @Test
  void publicSearchCasesHaveTheSameTop10() throws IOException {
    List<String> queries = new ArrayList<>();
    Files.readAllLines(PublicSearchCasesTest.cases().resolve("queries.tsv"), StandardCharsets.UTF_8).stream()
        .skip(1).filter(l -> !l.isBlank()).forEach(l -> queries.add(l.split("\t")[0]));
    queries.add("おがわ けんた");
    assertThat(queries).hasSizeGreaterThan(20);
    SolrTestCluster.assertSameTop10(publicEmbedded, publicSolr, queries);
  }

  @Test
  void receptionDeskCasesHaveTheSameTop10() {
    List<String> queries = new ArrayList<>();
    for (Method m : ReceptionDeskCasesTest.class.getDeclaredMethods()) {
      CsvSource csv = m.getAnnotation(CsvSource.class);
      if (csv != null) {
        for (String row : csv.value()) {
          queries.add(row.split("\\|")[0]);
        }
      }
    }
    // the queries ReceptionDeskCasesTest types inside its tests
    queries.addAll(List.of("(仮)", "(仮)山本 健", "かわの", "やまさき", "こうの たろう", "たろう かわの", "こうの",
        "やまぐち はな", "森本 トメ", "さんとす", "nguyen hoa", "はっとり まさる", "はとり まさる", "山崎 真理",
        "岡崎 真理", "真理", "佐藤 花子", "さとう はなこ", "佐藤 花子 S30.5.5", "さとう はな", "佐藤 花", "河野 太郎",
        "さとう はなご"));
    SolrTestCluster.assertSameTop10(deskEmbedded, deskSolr, queries);
  }

  @Test
  void patientAndRecordViewsAreTheSame() {
    for (String id : List.of("0000000111", "0000000222")) {
      PatientId pid = PatientId.of(id);
      assertThat(publicSolr.patient(pid)).isPresent().isEqualTo(publicEmbedded.patient(pid));
      assertThat(publicSolr.records(pid, false)).isEqualTo(publicEmbedded.records(pid, false));
      assertThat(publicSolr.records(pid, true)).isEqualTo(publicEmbedded.records(pid, true));
    }
    assertThat(publicSolr.patient(PatientId.of("9999999999"))).isEmpty();
    assertThat(publicSolr.patientCount()).isEqualTo(publicEmbedded.patientCount()).isGreaterThan(500);
    assertThat(publicSolr.roots()).isEqualTo(publicEmbedded.roots());
    assertThat(publicSolr.isCurrentVersion()).isTrue();
    assertThat(publicSolr.newestFileTime()).isPresent().isEqualTo(publicEmbedded.newestFileTime());
  }

  @Test
  void reportsCountTheSameFilesPatientsAndSkippedEntries() {
    IndexReport a = publicEmbeddedReport;
    IndexReport b = publicSolrReport;
    assertThat(b.rebuilt()).isTrue();
    assertThat(b.filesSeen()).isEqualTo(a.filesSeen());
    assertThat(b.filesIndexed()).isEqualTo(a.filesIndexed());
    assertThat(b.patients()).isEqualTo(a.patients());
    assertThat(b.skipped()).isEqualTo(a.skipped());
    assertThat(b.skippedCount()).isEqualTo(a.skippedCount());
  }
}

package dev.ssmix2.index.store;

import static dev.ssmix2.index.store.Adt00Files.pid5;
import static dev.ssmix2.index.store.TwoFacilities.ISHINOMAKI;
import static dev.ssmix2.index.store.TwoFacilities.SENDAI;
import static dev.ssmix2.index.store.TwoFacilities.SHARED_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.search.PatientHit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One index, two facilities (docs/index-design.md, "Facilities"): a patient is known by facility and patient ID, a
 * search can be restricted to one facility, an update of one facility leaves the other's documents as they were, and
 * an index of the layout before facilities is refused until it is rebuilt.
 */
class FacilityIndexTest {
  @TempDir Path work;
  TwoFacilities storages;
  Path indexDir;

  @BeforeEach
  void write() throws IOException {
    storages = TwoFacilities.write(work);
    indexDir = work.resolve("index");
  }

  private PatientIndex indexBoth() {
    PatientIndex index = PatientIndex.open(indexDir);
    index.update(SENDAI, Storage.open(storages.sendai), ChangeDetection.EVERY_FILE, ProgressListener.none());
    index.update(ISHINOMAKI, Storage.open(storages.ishinomaki), ChangeDetection.EVERY_FILE,
        ProgressListener.none());
    return index;
  }

  @Test
  void twoFacilitiesWithTheSamePatientIdStayTwoPatients() {
    try (PatientIndex index = indexBoth()) {
      assertThat(index.patientCount()).isEqualTo(4);
      assertThat(index.facilities()).as("by code").containsExactly(SENDAI, ISHINOMAKI);
      PatientId shared = PatientId.of(SHARED_ID);
      List<IndexedPatient> both = index.patients(shared);
      assertThat(both).extracting(IndexedPatient::facility).containsExactly(SENDAI, ISHINOMAKI);
      assertThat(both).extracting(IndexedPatient::name).containsExactly("坂本\u3000恵子", "高田\u3000誠");

      assertThat(index.patient(SENDAI.code(), shared).orElseThrow().name()).isEqualTo("坂本\u3000恵子");
      assertThat(index.patient(ISHINOMAKI.code(), shared).orElseThrow().name()).isEqualTo("高田\u3000誠");
      assertThat(index.patient(shared)).as("nothing was indexed under the default facility").isEmpty();

      PatientRecords sendaiRecords = index.records(SENDAI.code(), shared, true);
      PatientRecords ishinomakiRecords = index.records(ISHINOMAKI.code(), shared, true);
      assertThat(sendaiRecords.records()).hasSize(1).allMatch(r -> r.facility().equals(SENDAI))
          .allMatch(r -> r.root().equals(storages.sendai.toAbsolutePath().normalize()));
      assertThat(ishinomakiRecords.records()).hasSize(1).allMatch(r -> r.facility().equals(ISHINOMAKI))
          .allMatch(r -> r.root().equals(storages.ishinomaki.toAbsolutePath().normalize()));

      List<PatientHit> byId = index.search(SHARED_ID, 10);
      assertThat(byId).extracting(PatientHit::facility).containsExactlyInAnyOrder(SENDAI, ISHINOMAKI);
      assertThat(byId).allMatch(h -> h.patientId().equals(shared));
      assertThat(index.search("さかもと けいこ", 10)).singleElement()
          .satisfies(h -> assertThat(h.facility()).isEqualTo(SENDAI));
    }
  }

  @Test
  void aSearchRestrictedToOneFacilityReturnsOnlyItsPatients() {
    try (PatientIndex index = indexBoth()) {
      var all = index.searchResult("みなと", 10);
      assertThat(all.hits()).extracting(h -> h.patientId().value()).containsExactlyInAnyOrder("0000000501",
          "0000000502");
      var sendai = index.searchResult("みなと", SENDAI.code(), 10);
      assertThat(sendai.hits()).singleElement().satisfies(h -> {
        assertThat(h.facility()).isEqualTo(SENDAI);
        assertThat(h.patientId().value()).isEqualTo("0000000501");
      });
      PatientHit inAll = all.hits().stream().filter(h -> h.facility().equals(SENDAI)).findFirst().orElseThrow();
      assertThat(sendai.hits().get(0).score()).as("the filter leaves the score as it is").isEqualTo(inAll.score());
      assertThat(sendai.hits().get(0).matched()).isEqualTo(inAll.matched());

      assertThat(index.searchResult(SHARED_ID, ISHINOMAKI.code(), 10).hits()).singleElement()
          .satisfies(h -> assertThat(h.name()).isEqualTo("高田\u3000誠"));
      assertThat(index.searchResult("さかもと けいこ", ISHINOMAKI.code(), 10).hits())
          .as("a name only the other facility has, even by fuzzy retry").isEmpty();
      assertThat(index.searchResult("みなと", "0400000000", 10).hits()).as("a facility the index lacks").isEmpty();
      assertThatThrownBy(() -> index.searchResult("みなと", "12345", 10))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10-digit 医療機関コード");
    }
  }

  @Test
  void anUpdateOfOneFacilityLeavesTheOthersDocumentsAsTheyWere() throws IOException {
    try (PatientIndex index = indexBoth()) {
      PatientId shared = PatientId.of(SHARED_ID);
      IndexedPatient ishinomakiBefore = index.patient(ISHINOMAKI.code(), shared).orElseThrow();
      PatientRecords ishinomakiRecords = index.records(ISHINOMAKI.code(), shared, true);
      List<Path> ishinomakiRoots = index.roots(ISHINOMAKI.code());

      // Sendai loses the shared patient and gains one; Ishinomaki's storage is not even given
      deleteTree(storages.sendai.resolve("000/700/" + SHARED_ID));
      Adt00Files.write(storages.sendai, "0000000503", pid5("港", "三郎", "ミナト", "サブロウ"), "19540303", "M",
          "20240601090000000", '1');
      IndexReport r = index.update(SENDAI, Storage.open(storages.sendai), ChangeDetection.EVERY_FILE,
          ProgressListener.none());
      assertThat(r.rebuilt()).isFalse();
      assertThat(r.patientsRemoved()).isEqualTo(1);
      assertThat(r.patients()).as("Sendai's patients only").isEqualTo(2);

      assertThat(index.patient(SENDAI.code(), shared)).isEmpty();
      assertThat(index.patient(ISHINOMAKI.code(), shared)).contains(ishinomakiBefore);
      assertThat(index.records(ISHINOMAKI.code(), shared, true)).isEqualTo(ishinomakiRecords);
      assertThat(index.roots(ISHINOMAKI.code())).isEqualTo(ishinomakiRoots);
      assertThat(index.patients(shared)).extracting(IndexedPatient::facility).containsExactly(ISHINOMAKI);
      assertThat(index.patientCount()).isEqualTo(4);
      assertThat(index.searchResult("みなと", 10).hits()).extracting(PatientHit::facility)
          .containsOnly(SENDAI, ISHINOMAKI).hasSize(3);

      IndexReport again = index.update(ISHINOMAKI, Storage.open(storages.ishinomaki), ChangeDetection.EVERY_FILE,
          ProgressListener.none());
      assertThat(again.rebuilt()).isFalse();
      assertThat(again.filesIndexed()).as("Sendai's update changed nothing of Ishinomaki's").isZero();
      assertThat(again.patientsUpdated()).isZero();
    }
  }

  @Test
  void aRenamedFacilityIsWrittenAnewUnderItsNewName() {
    try (PatientIndex index = indexBoth()) {
      Facility renamed = Facility.of(SENDAI.code(), "国立病院機構仙台医療センター");
      IndexReport r = index.update(renamed, Storage.open(storages.sendai), ChangeDetection.EVERY_FILE,
          ProgressListener.none());
      assertThat(r.notes()).anyMatch(n -> n.contains("仙台医療センター") && n.contains("国立病院機構仙台医療センター"));
      assertThat(index.facilities()).contains(renamed).doesNotContain(SENDAI);
      assertThat(index.search("みなと いちろう", 10)).extracting(PatientHit::facility).containsExactly(renamed);
      assertThat(index.patientCount()).isEqualTo(4);
    }
  }

  @Test
  void anIndexOfTheLayoutBeforeFacilitiesIsRefusedUntilRebuilt() throws IOException {
    try (PatientIndex index = PatientIndex.open(indexDir)) {
      index.update(Storage.open(storages.sendai), ProgressListener.none());
    }
    // what the last version without facilities wrote into its commits
    try (var dir = FSDirectory.open(indexDir);
        var w = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      w.setLiveCommitData(Map.of("schema", "ssmix2-patient-index-4", "nameKeysTableVersion", "x",
          "roots", storages.sendai.toString(), "files", "3", "patients", "2").entrySet());
      w.commit();
    }
    assertThatThrownBy(() -> PatientIndex.openExisting(indexDir)).isInstanceOf(PatientIndexException.class)
        .hasMessageContaining("before facilities")
        .hasMessageContaining("ssmix2 index --index " + indexDir + " ROOT...");
    try (PatientIndex index = PatientIndex.open(indexDir)) {
      assertThatThrownBy(() -> index.search("みなと", 10)).isInstanceOf(PatientIndexException.class)
          .hasMessageContaining("rebuild it");
      assertThat(index.facilities()).isEmpty();
      IndexReport r = index.update(Storage.open(storages.sendai), ProgressListener.none());
      assertThat(r.rebuilt()).isTrue();
      assertThat(r.notes()).anyMatch(n -> n.contains("without facilities"));
      assertThat(index.search("みなと", 10)).extracting(PatientHit::facility).containsExactly(Facility.DEFAULT);
    }
    try (PatientIndex index = PatientIndex.openExisting(indexDir)) {
      assertThat(index.facilities()).containsExactly(Facility.DEFAULT);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}

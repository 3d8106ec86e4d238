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
import dev.ssmix2.index.search.SearchResult;
import dev.ssmix2.index.solr.SolrIndexException;
import dev.ssmix2.index.solr.SolrPatientIndex;
import dev.ssmix2.index.solr.SolrTestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facilities on a real 2-node SolrCloud (MiniSolrCloudCluster), against the embedded index of the same storages: two
 * facilities with the same patient ID stay two patients, a search restricted to one facility returns only its patients
 * (the same hits as the embedded index), document IDs carry the facility, and an update of one facility leaves the
 * other's documents as they were.
 */
class SolrFacilityTest {
  @TempDir Path work;

  @Test
  void twoFacilitiesOnSolrCloudAnswerAsTheEmbeddedIndex() throws IOException {
    TwoFacilities storages = TwoFacilities.write(work);
    SolrTestCluster solr = SolrTestCluster.shared();
    try (SolrPatientIndex index = solr.collection("facilities", 2, 1);
        PatientIndex embedded = PatientIndex.open(work.resolve("index"))) {
      for (PatientStore store : List.<PatientStore>of(index, embedded)) {
        store.update(SENDAI, Storage.open(storages.sendai), ChangeDetection.EVERY_FILE, ProgressListener.none());
        store.update(ISHINOMAKI, Storage.open(storages.ishinomaki), ChangeDetection.EVERY_FILE,
            ProgressListener.none());
      }
      PatientId shared = PatientId.of(SHARED_ID);
      assertThat(index.patientCount()).isEqualTo(4);
      assertThat(index.facilities()).containsExactly(SENDAI, ISHINOMAKI);
      assertThat(index.patients(shared)).extracting(IndexedPatient::facility).containsExactly(SENDAI, ISHINOMAKI);
      assertThat(index.patients(shared)).isEqualTo(embedded.patients(shared));
      for (Facility f : List.of(SENDAI, ISHINOMAKI)) {
        assertThat(index.patient(f.code(), shared)).isEqualTo(embedded.patient(f.code(), shared));
        assertThat(index.records(f.code(), shared, true)).isEqualTo(embedded.records(f.code(), shared, true));
        assertThat(index.records(f.code(), shared, true).records()).hasSize(1)
            .allMatch(r -> r.facility().equals(f));
        assertThat(index.roots(f.code())).isEqualTo(embedded.roots(f.code()));
      }
      assertThat(documents(solr).keySet()).filteredOn(id -> !id.startsWith("_meta"))
          .allMatch(id -> id.startsWith(SENDAI.code() + "/") || id.startsWith(ISHINOMAKI.code() + "/"))
          .contains(SENDAI.code() + "/" + SHARED_ID, ISHINOMAKI.code() + "/" + SHARED_ID);

      for (String q : List.of("みなと", SHARED_ID, "さかもと けいこ", "高田 誠", "みなと じろう S27.2.2")) {
        assertThat(describe(index.searchResult(q, 10))).as(q).isEqualTo(describe(embedded.searchResult(q, 10)));
        for (Facility f : List.of(SENDAI, ISHINOMAKI)) {
          SearchResult only = index.searchResult(q, f.code(), 10);
          assertThat(only.hits()).as(q + " in " + f).allMatch(h -> h.facility().equals(f));
          assertThat(describe(only)).as(q + " in " + f)
              .isEqualTo(describe(embedded.searchResult(q, f.code(), 10)));
        }
      }
      assertThat(index.searchResult("みなと", SENDAI.code(), 10).hits()).extracting(h -> h.patientId().value())
          .containsExactly("0000000501");

      // Sendai changes; Ishinomaki's documents stay exactly as they were, and a rerun changes nothing
      Map<String, Map<String, Object>> ishinomakiBefore = documentsOf(solr, ISHINOMAKI);
      deleteTree(storages.sendai.resolve("000/700/" + SHARED_ID));
      Adt00Files.write(storages.sendai, "0000000503", pid5("港", "三郎", "ミナト", "サブロウ"), "19540303", "M",
          "20240601090000000", '1');
      IndexReport r = index.update(SENDAI, Storage.open(storages.sendai), ChangeDetection.EVERY_FILE,
          ProgressListener.none());
      assertThat(r.rebuilt()).isFalse();
      assertThat(r.patientsRemoved()).isEqualTo(1);
      assertThat(documentsOf(solr, ISHINOMAKI)).isEqualTo(ishinomakiBefore);
      assertThat(index.patient(SENDAI.code(), shared)).isEmpty();
      assertThat(index.patients(shared)).extracting(IndexedPatient::facility).containsExactly(ISHINOMAKI);
      assertThat(index.patientCount()).isEqualTo(4);
      Map<String, Map<String, Object>> all = documents(solr);
      assertThat(index.update(SENDAI, Storage.open(storages.sendai), ChangeDetection.EVERY_FILE,
          ProgressListener.none()).patientsUpdated()).isZero();
      assertThat(documents(solr)).isEqualTo(all);
    }
  }

  @Test
  void aCollectionFromBeforeFacilitiesIsRefusedUntilRebuilt() throws Exception {
    TwoFacilities storages = TwoFacilities.write(work);
    SolrTestCluster solr = SolrTestCluster.shared();
    try (SolrPatientIndex index = solr.collection("before_facilities", 1, 1)) {
      // what the last version without facilities wrote about its last update
      org.apache.solr.common.SolrInputDocument meta = new org.apache.solr.common.SolrInputDocument();
      meta.setField("id", "_meta");
      meta.setField("kind", "meta");
      meta.setField("meta_schema", "ssmix2-solr-2");
      meta.setField("meta_tables", "x");
      solr.cluster().getSolrClient().add("before_facilities", meta);
      solr.cluster().getSolrClient().commit("before_facilities");
      assertThatThrownBy(() -> index.searchResult("みなと", 10)).isInstanceOf(SolrIndexException.class)
          .hasMessageContaining("before facilities").hasMessageContaining("ssmix2 index --solr ZK --collection "
              + "before_facilities ROOT...");
      assertThatThrownBy(() -> index.patients(PatientId.of(SHARED_ID))).isInstanceOf(SolrIndexException.class);

      IndexReport r = index.update(SENDAI, Storage.open(storages.sendai), ChangeDetection.EVERY_FILE,
          ProgressListener.none());
      assertThat(r.rebuilt()).isTrue();
      assertThat(r.notes()).anyMatch(n -> n.contains("ssmix2-solr-2"));
      assertThat(index.searchResult("みなと", 10).hits()).extracting(PatientHit::facility).containsExactly(SENDAI);
    }
  }

  private static String describe(SearchResult r) {
    StringBuilder out = new StringBuilder();
    for (PatientHit h : r.hits()) {
      out.append(h.facility()).append(' ').append(h.patientId()).append(' ').append(h.name()).append(' ')
          .append(h.score()).append(' ').append(h.matched()).append("; ");
    }
    return out.append("sameName=").append(r.sameName()).toString();
  }

  private static Map<String, Map<String, Object>> documentsOf(SolrTestCluster solr, Facility f) {
    Map<String, Map<String, Object>> out = new TreeMap<>(documents(solr));
    out.keySet().removeIf(id -> !id.startsWith(f.code() + "/") && !id.equals("_meta/" + f.code()));
    assertThat(out).isNotEmpty();
    return out;
  }

  /** Every stored field of every document, by ID (without Solr's internal version). */
  private static Map<String, Map<String, Object>> documents(SolrTestCluster solr) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    try {
      SolrQuery q = new SolrQuery("*:*").setFields("*").setRows(10_000).setSort("id", SolrQuery.ORDER.asc);
      for (SolrDocument d : solr.cluster().getSolrClient().query("facilities", q).getResults()) {
        Map<String, Object> fields = new TreeMap<>();
        for (String name : d.getFieldNames()) {
          if (!name.equals("_version_")) {
            fields.put(name, d.getFieldValues(name));
          }
        }
        out.put((String) d.getFirstValue("id"), fields);
      }
    } catch (Exception e) {
      throw new AssertionError("cannot read collection facilities", e);
    }
    return out;
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}

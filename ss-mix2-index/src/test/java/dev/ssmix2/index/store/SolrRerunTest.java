package dev.ssmix2.index.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.solr.SolrPatientIndex;
import dev.ssmix2.index.solr.SolrTestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
 * Updates of a SolrCloud collection are idempotent: after the storage changed (a patient removed, one patient's files
 * touched), an update killed after its first batch and then run again leaves exactly
 * the documents that a fresh build of the changed storage writes.
 */
class SolrRerunTest {
  @TempDir Path work;

  @Test
  void aKilledUpdateRunAgainConvergesToAFreshBuild() throws IOException {
    Path dated = IndexedCopy.copyTree(PublicSearchCasesTest.cases().resolve("root-dated"), work.resolve("dated"));
    Path undated = IndexedCopy.copyTree(PublicSearchCasesTest.cases().resolve("root-undated"), work.resolve("undated"));
    Storage storage = Storage.open(dated, undated);
    SolrTestCluster solr = SolrTestCluster.shared();
    try (SolrPatientIndex index = solr.collection("rerun", 2, 1);
        SolrPatientIndex fresh = solr.collection("rerun_fresh", 2, 1)) {
      index.update(storage, ProgressListener.none());
      long before = index.patientCount();

      // the storage changes: one patient goes, one patient's files are touched
      List<Path> folders = patientFolders(dated);
      Path gone = folders.get(3);
      deleteTree(gone);
      Path goneUndated = undated.resolve(dated.relativize(gone).toString());
      if (Files.exists(goneUndated)) {
        deleteTree(goneUndated);
      }
      try (Stream<Path> files = Files.walk(folders.get(5))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 60_000));
        }
      }

      RuntimeException killed = new RuntimeException("killed");
      int[] batches = {0};
      assertThatThrownBy(() -> index.update(storage, p -> {
        if (++batches[0] == 1) {
          throw killed;
        }
      })).isSameAs(killed);

      IndexReport rerun = index.update(storage, ProgressListener.none());
      assertThat(rerun.rebuilt()).isFalse();
      assertThat(rerun.patientsRemoved()).isEqualTo(1);
      fresh.update(storage, ProgressListener.none());

      assertThat(index.patientCount()).isEqualTo(before - 1).isEqualTo(fresh.patientCount());
      Map<String, Map<String, Object>> a = documents(solr, "rerun");
      Map<String, Map<String, Object>> b = documents(solr, "rerun_fresh");
      assertThat(a.keySet()).isEqualTo(b.keySet());
      assertThat(a).isEqualTo(b);
      assertThat(a.keySet()).noneMatch(id -> id.startsWith("default/" + gone.getFileName()));

      IndexReport again = index.update(storage, ProgressListener.none());
      assertThat(again.patientsUpdated()).as("nothing changed since").isZero();
      assertThat(documents(solr, "rerun")).isEqualTo(b);
    }
  }

  /** Every stored field of every document, by ID (without Solr's internal version). */
  private static Map<String, Map<String, Object>> documents(SolrTestCluster solr, String collection) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    try {
      SolrQuery q = new SolrQuery("*:*").setFields("*").setRows(100_000).setSort("id", SolrQuery.ORDER.asc);
      for (SolrDocument d : solr.cluster().getSolrClient().query(collection, q).getResults()) {
        Map<String, Object> fields = new TreeMap<>();
        for (String name : d.getFieldNames()) {
          if (!name.equals("_version_")) {
            fields.put(name, d.getFieldValues(name));
          }
        }
        out.put((String) d.getFirstValue("id"), fields);
      }
    } catch (Exception e) {
      throw new AssertionError("cannot read collection " + collection, e);
    }
    assertThat(out).hasSizeGreaterThan(500);
    return out;
  }

  private static List<Path> patientFolders(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root, 3)) {
      return s.filter(p -> root.relativize(p).getNameCount() == 3 && Files.isDirectory(p))
          .filter(p -> p.getFileName().toString().matches("\\d+")).sorted().toList();
    }
  }


  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

package dev.ssmix2.index.search;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.solr.SolrPatientIndex;
import dev.ssmix2.index.solr.SolrTestCluster;
import dev.ssmix2.index.store.PatientIndex;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every held-out-like search case (HeldOutLikeSearchTest's storage: listed patients and 600 look-alike distractors)
 * has the same top 10 embedded and on a two-node SolrCloud with 2 shards: patients, order, scores and match tags.
 */
class SolrHeldOutLikeEqualityTest {
  @TempDir static Path work;
  static PatientIndex embedded;
  static SolrPatientIndex solr;

  @BeforeAll
  static void build() {
    List<Path> roots = HeldOutLikeStorage.write(work.resolve("storage"), 600, 20240101L);
    Storage storage = Storage.open(roots.get(0), roots.get(1));
    embedded = PatientIndex.open(work.resolve("index"));
    embedded.update(storage, ProgressListener.none());
    solr = SolrTestCluster.shared().collection("heldout_like", 2, 1);
    solr.update(storage, ProgressListener.none());
  }

  @AfterAll
  static void close() {
    embedded.close();
    solr.close();
  }

  @Test
  void everyHeldOutLikeCaseHasTheSameTop10() {
    List<String> queries = HeldOutLikeStorage.tsv("queries.tsv").stream().skip(1).map(c -> c[0]).toList();
    SolrTestCluster.assertSameTop10(embedded, solr, queries);
  }
}

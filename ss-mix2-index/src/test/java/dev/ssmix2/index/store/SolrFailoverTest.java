package dev.ssmix2.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.search.SearchResult;
import dev.ssmix2.index.solr.SolrPatientIndex;
import dev.ssmix2.index.solr.SolrTestCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A collection of 2 shards × 2 replicas on two Solr nodes keeps answering searches, patient and record views with the
 * same results when one node stops: every shard still has a replica on the other node.
 */
class SolrFailoverTest {
  static SolrTestCluster cluster;
  static SolrPatientIndex solr;

  @BeforeAll
  static void build() {
    cluster = SolrTestCluster.start();
    solr = cluster.collection("failover", 2, 2);
    solr.update(Storage.open(PublicSearchCasesTest.cases().resolve("root-dated"),
        PublicSearchCasesTest.cases().resolve("root-undated")), ProgressListener.none());
  }

  @AfterAll
  static void close() {
    solr.close();
    cluster.close();
  }

  @Test
  void stoppingOneNodeLeavesTheSameAnswers() throws Exception {
    List<String> queries = new ArrayList<>();
    Files.readAllLines(PublicSearchCasesTest.cases().resolve("queries.tsv"), StandardCharsets.UTF_8).stream()
        .skip(1).filter(l -> !l.isBlank()).forEach(l -> queries.add(l.split("\t")[0]));
    List<PatientId> patients = List.of(PatientId.of("0000000111"), PatientId.of("0000000222"));
    Map<String, SearchResult> before = new LinkedHashMap<>();
    queries.forEach(q -> before.put(q, solr.searchResult(q, 10)));
    List<Object> viewsBefore = views(solr, patients);
    long countBefore = solr.patientCount();

    JettySolrRunner stopped = cluster.cluster().stopJettySolrRunner(1);
    cluster.cluster().waitForJettyToStop(stopped);
    cluster.cluster().getZkStateReader().waitForLiveNodes(30, TimeUnit.SECONDS,
        (oldNodes, newNodes) -> newNodes.size() == 1);

    for (String q : queries) {
      assertThat(solr.searchResult(q, 10)).as(q).isEqualTo(before.get(q));
    }
    assertThat(views(solr, patients)).isEqualTo(viewsBefore);
    assertThat(solr.patientCount()).isEqualTo(countBefore);
    try (SolrPatientIndex fresh = SolrPatientIndex.connect(cluster.zkHost(), "failover")) {
      assertThat(fresh.searchResult(queries.get(0), 10)).isEqualTo(before.get(queries.get(0)));
    }
  }

  private static List<Object> views(SolrPatientIndex index, List<PatientId> patients) {
    List<Object> out = new ArrayList<>();
    for (PatientId p : patients) {
      out.add(index.patient(p).orElseThrow());
      out.add(index.records(p, false));
      out.add(index.records(p, true));
    }
    return out;
  }
}

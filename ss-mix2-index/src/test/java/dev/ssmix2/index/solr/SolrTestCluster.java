package dev.ssmix2.index.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.search.SearchResult;
import dev.ssmix2.index.store.PatientStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * A real SolrCloud for tests: {@link MiniSolrCloudCluster} with two Solr nodes (Jetty) and an embedded ZooKeeper, in
 * this JVM. {@link #shared()} is started once and shut down when the test JVM ends; {@link #start()} gives a test its
 * own cluster (to stop nodes of). Collections get this jar's configset through {@link SolrPatientIndex#createCollection},
 * as an operator's would.
 */
public final class SolrTestCluster implements AutoCloseable {
  private static SolrTestCluster shared;

  private final MiniSolrCloudCluster cluster;
  private final Path base;

  private SolrTestCluster(MiniSolrCloudCluster cluster, Path base) {
    this.cluster = cluster;
    this.base = base;
  }

  /** The cluster every equality test uses, started on first use. */
  public static synchronized SolrTestCluster shared() {
    if (shared == null) {
      shared = start();
      SolrTestCluster s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close));
    }
    return shared;
  }

  /** A new two-node cluster; close it when done. */
  public static SolrTestCluster start() {
    try {
      Path base = Files.createTempDirectory("ssmix2-solr-");
      MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(2, base).build();
      cluster.waitForAllNodes(60);
      return new SolrTestCluster(cluster, base);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start a SolrCloud test cluster", e);
    }
  }

  /** The ZooKeeper address with the cluster's chroot, as {@code ssmix2 --solr} takes it. */
  public String zkHost() {
    return cluster.getZkServer().getZkAddress();
  }

  public MiniSolrCloudCluster cluster() {
    return cluster;
  }

  /** Creates a collection of {@code shards} × {@code replicas} with the shipped configset and connects to it. */
  public SolrPatientIndex collection(String name, int shards, int replicas) {
    SolrPatientIndex.createCollection(zkHost(), name, shards, replicas);
    try {
      cluster.waitForActiveCollection(name, 60, TimeUnit.SECONDS, shards, shards * replicas);
    } catch (Exception e) {
      throw new IllegalStateException("collection " + name + " did not become active", e);
    }
    return SolrPatientIndex.connect(zkHost(), name);
  }

  /**
   * Asserts that both indexes answer every query with the same top 10: the same patients in the same order, with the
   * same scores and match tags, and the same homonym count. Lists every query that differs.
   */
  public static void assertSameTop10(PatientStore embedded, PatientStore solr, List<String> queries) {
    List<String> differences = new ArrayList<>();
    int nonEmpty = 0;
    for (String q : queries) {
      SearchResult a = embedded.searchResult(q, 10);
      SearchResult b = solr.searchResult(q, 10);
      if (!a.hits().isEmpty()) {
        nonEmpty++;
      }
      if (!describe(a).equals(describe(b))) {
        differences.add(q + "\n  embedded: " + describe(a) + "\n  solr:     " + describe(b));
      }
    }
    assertThat(differences).as("queries whose top 10 differ").isEmpty();
    assertThat(nonEmpty).as("queries with hits").isGreaterThan(queries.size() / 2);
  }

  private static String describe(SearchResult r) {
    StringBuilder out = new StringBuilder();
    for (PatientHit h : r.hits()) {
      out.append(h.facility()).append(' ').append(h.patientId().value()).append(' ').append(h.name()).append(' ')
          .append(h.birthDate().orElse(null))
          .append(' ').append(h.sex()).append(' ').append(h.score()).append(' ').append(h.matched()).append("; ");
    }
    return out.append("sameName=").append(r.sameName()).append(" more=").append(r.moreSameName()).toString();
  }

  @Override
  public void close() {
    try {
      cluster.shutdown();
    } catch (Exception e) {
      throw new IllegalStateException("cannot shut the SolrCloud test cluster down", e);
    } finally {
      try (var files = Files.walk(base)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

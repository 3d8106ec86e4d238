package dev.ssmix2.index.solr;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A {@link SolrTestCluster} in a process of its own, for the tests of modules whose class path cannot hold Solr's
 * server (the viewer's Jetty 12 and Solr's Jetty 10 share jar names): prints {@code zk ADDRESS} once the two nodes are
 * up, then reads commands from standard input — {@code stop N} stops node N and answers {@code stopped N} once
 * ZooKeeper no longer lists it — and shuts the cluster down when standard input ends.
 */
public final class SolrTestClusterMain {
  private SolrTestClusterMain() {}

  public static void main(String[] args) throws Exception {
    try (SolrTestCluster cluster = SolrTestCluster.start()) {
      System.out.println("zk " + cluster.zkHost());
      System.out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("stop ")) {
          int node = Integer.parseInt(line.substring(5).strip());
          int before = cluster.cluster().getJettySolrRunners().size();
          JettySolrRunner stopped = cluster.cluster().stopJettySolrRunner(node);
          cluster.cluster().waitForJettyToStop(stopped);
          cluster.cluster().getZkStateReader().waitForLiveNodes(30, TimeUnit.SECONDS,
              (oldNodes, newNodes) -> newNodes.size() < before);
          System.out.println("stopped " + node);
          System.out.flush();
        }
      }
    }
    System.exit(0);
  }
}

package dev.ssmix2.benchmarks;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.solr.SolrPatientIndex;
import dev.ssmix2.index.store.IndexReport;
import dev.ssmix2.index.store.PatientIndex;
import dev.ssmix2.index.store.PatientStore;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The embedded index against a local two-node SolrCloud (2 shards, 1 replica each, ZooKeeper embedded) on the same
 * names-only storage, in one run: build time of each, then single-thread search latency per query shape, the two
 * engines taking turns query by query so that both see the same machine load. Also counts queries whose top 10
 * differ between the engines (expected: none).
 *
 * <pre>
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.ssmix2.benchmarks.SolrComparison PATIENTS
 * </pre>
 *
 * The cluster runs in a process of its own (index's {@code SolrTestClusterMain}, on the test class path that the index
 * module's build writes to {@code ss-mix2-index/target/solr-test-classpath.txt}), as it would on other machines; its
 * CPU time is not this process's, so only wall times are compared.
 */
public final class SolrComparison {
  private static final int WARMUP_PASSES = 2;
  private static final int MEASURED_PASSES = 3;
  private static final int LIMIT = 10;

  private SolrComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: SolrComparison PATIENTS");
      System.exit(2);
    }
    int patients = Integer.parseInt(args[0]);
    GeneratedStorage storage = GeneratedStorage.namesOnly(patients, 42);
    QuerySet queries = QuerySet.forStorage(storage);
    Path indexDir = Workspace.work().resolve("solr-comparison-index-n" + patients);
    Workspace.deleteTree(indexDir);

    Path indexModule = Workspace.repositoryRoot().resolve("ss-mix2-index");
    String classpath = String.join(File.pathSeparator,
        Files.readString(indexModule.resolve("target/solr-test-classpath.txt")).strip(),
        indexModule.resolve("target/classes").toString(), indexModule.resolve("target/test-classes").toString());
    Process cluster = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx3g", "-cp", classpath, "dev.ssmix2.index.solr.SolrTestClusterMain")
        .redirectError(Workspace.work().resolve("solr-comparison-cluster.log").toFile())
        .start();
    try (Writer commands = new java.io.OutputStreamWriter(cluster.getOutputStream(), StandardCharsets.UTF_8);
        BufferedReader answers = new BufferedReader(new InputStreamReader(cluster.getInputStream(),
            StandardCharsets.UTF_8))) {
      String first = answers.readLine();
      if (first == null || !first.startsWith("zk ")) {
        throw new IOException("the Solr cluster did not start; see " + Workspace.work()
            .resolve("solr-comparison-cluster.log"));
      }
      String zk = first.substring(3).strip();
      Storage store = Storage.open(storage.roots());

      long t0 = System.nanoTime();
      IndexReport embeddedReport;
      try (PatientIndex index = PatientIndex.open(indexDir)) {
        embeddedReport = index.update(store, ProgressListener.none());
      }
      double embeddedSeconds = (System.nanoTime() - t0) / 1e9;
      SolrPatientIndex.createCollection(zk, "comparison", 2, 1);
      long t1 = System.nanoTime();
      IndexReport solrReport;
      try (SolrPatientIndex solr = SolrPatientIndex.connect(zk, "comparison")) {
        solrReport = solr.update(store, ProgressListener.none());
      }
      double solrSeconds = (System.nanoTime() - t1) / 1e9;

      System.out.printf(Locale.ROOT, "%,d names-only patients (%,d files); build: embedded %.1f s, SolrCloud %.1f s "
          + "(ratio %.2f)%n", embeddedReport.patients(), embeddedReport.filesSeen(), embeddedSeconds, solrSeconds,
          solrSeconds / embeddedSeconds);
      if (solrReport.patients() != embeddedReport.patients()) {
        throw new IllegalStateException("the engines indexed " + embeddedReport.patients() + " and "
            + solrReport.patients() + " patients");
      }
      try (PatientIndex embedded = PatientIndex.openExisting(indexDir);
          SolrPatientIndex solr = SolrPatientIndex.connect(zk, "comparison")) {
        compare(queries, embedded, solr, cluster.pid());
      }
      commands.write("\n");
    } finally {
      cluster.getOutputStream().close();
      if (!cluster.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
        cluster.destroyForcibly();
      }
    }
  }

  private static void compare(QuerySet queries, PatientStore embedded, PatientStore solr, long clusterPid)
      throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int pass = 0; pass < WARMUP_PASSES; pass++) {
      for (QueryShape shape : QueryShape.values()) {
        for (QuerySet.Query q : queries.of(shape)) {
          embedded.search(q.text(), LIMIT);
          solr.search(q.text(), LIMIT);
        }
      }
    }
    System.out.println("p50 ± half the spread of the per-pass p50s; p99 over all passes; ms");
    System.out.println("cpu: mean CPU ms per query, embedded = this thread, SolrCloud = this thread + the cluster process");
    System.out.printf(Locale.ROOT, "%-14s %5s  %-24s  %-24s  %-6s  %-17s  %s%n", "shape", "n", "embedded p50, p99",
        "SolrCloud p50, p99", "ratio", "cpu embedded/Solr", "differing top 10");
    List<List<Double>> allA = new ArrayList<>();
    List<List<Double>> allB = new ArrayList<>();
    for (int pass = 0; pass < MEASURED_PASSES; pass++) {
      allA.add(new ArrayList<>());
      allB.add(new ArrayList<>());
    }
    for (QueryShape shape : QueryShape.values()) {
      List<List<Double>> a = new ArrayList<>();
      List<List<Double>> b = new ArrayList<>();
      int differing = 0;
      long cpuA = 0;
      long cpuB = 0;
      long clusterBefore = processCpuNanos(clusterPid);
      for (int pass = 0; pass < MEASURED_PASSES; pass++) {
        a.add(new ArrayList<>());
        b.add(new ArrayList<>());
        for (QuerySet.Query q : queries.of(shape)) {
          long c0 = threads.getCurrentThreadCpuTime();
          long s0 = System.nanoTime();
          List<PatientHit> ha = embedded.search(q.text(), LIMIT);
          long s1 = System.nanoTime();
          long c1 = threads.getCurrentThreadCpuTime();
          List<PatientHit> hb = solr.search(q.text(), LIMIT);
          long s2 = System.nanoTime();
          long c2 = threads.getCurrentThreadCpuTime();
          cpuA += c1 - c0;
          cpuB += c2 - c1;
          a.get(pass).add((s1 - s0) / 1e6);
          b.get(pass).add((s2 - s1) / 1e6);
          if (pass == 0 && !ha.equals(hb)) {
            differing++;
          }
        }
        allA.get(pass).addAll(a.get(pass));
        allB.get(pass).addAll(b.get(pass));
      }
      cpuB += processCpuNanos(clusterPid) - clusterBefore;
      int n = MEASURED_PASSES * queries.of(shape).size();
      System.out.println(row(shape.name(), a, b) + String.format(Locale.ROOT, "  %6.2f / %6.2f    %d",
          cpuA / 1e6 / n, cpuB / 1e6 / n, differing));
    }
    System.out.println(row("ALL", allA, allB));
  }

  /** User and system CPU time of a process of this machine, from /proc (clock ticks of 10 ms). */
  private static long processCpuNanos(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
  }

  private static String row(String shape, List<List<Double>> a, List<List<Double>> b) {
    double[] pa = p50(a);
    double[] pb = p50(b);
    return String.format(Locale.ROOT, "%-14s %5d  %6.2f ± %5.2f, %7.2f  %6.2f ± %5.2f, %7.2f  %5.1f×", shape,
        a.stream().mapToInt(List::size).sum(), pa[0], pa[1], p99(a), pb[0], pb[1], p99(b), pb[0] / pa[0]);
  }

  /** The p50 of all passes and half the spread of the passes' own p50s. */
  private static double[] p50(List<List<Double>> passes) {
    List<Double> all = new ArrayList<>();
    double min = Double.MAX_VALUE;
    double max = 0;
    for (List<Double> p : passes) {
      List<Double> s = new ArrayList<>(p);
      Collections.sort(s);
      min = Math.min(min, at(s, 0.5));
      max = Math.max(max, at(s, 0.5));
      all.addAll(p);
    }
    Collections.sort(all);
    return new double[] {at(all, 0.5), (max - min) / 2};
  }

  private static double p99(List<List<Double>> passes) {
    List<Double> all = new ArrayList<>();
    passes.forEach(all::addAll);
    Collections.sort(all);
    return at(all, 0.99);
  }

  private static double at(List<Double> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q)));
  }
}

package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.examples.web.IndexViewerData;
import dev.ssmix2.examples.web.ViewerServer;
import dev.ssmix2.index.solr.SolrPatientIndex;
import dev.ssmix2.index.store.PatientIndex;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ssmix2 solr init}, {@code index}, {@code search}, {@code patient} and the viewer's API on a real two-node
 * SolrCloud give what they give on the embedded index; with 2 shards × 2 replicas, the viewer keeps answering the same
 * when one node stops. The cluster runs in a process of its own (index's {@code SolrTestClusterMain}, started with the
 * test class path the index module wrote): Solr's server cannot share this module's class path with the viewer's
 * Jetty 12.
 */
class SolrCliTest {
  @TempDir static Path work;
  static Process cluster;
  static Writer commands;
  static BufferedReader answers;
  static String zk;

  static final List<String> QUERIES = List.of("おがわ けんた", "やまだ たろう", "髙橋", "サトウ ハナコ", "0000000111",
      "S36.1.1", "はまだ たかし", "ogawa");

  @BeforeAll
  static void startCluster() throws Exception {
    Path indexModule = moduleFolder("ss-mix2-index");
    Path classpathFile = indexModule.resolve("target/solr-test-classpath.txt");
    assertThat(classpathFile).as("written by the index module's build (mvn verify builds it first)").exists();
    String classpath = String.join(File.pathSeparator, Files.readString(classpathFile).strip(),
        indexModule.resolve("target/classes").toString(), indexModule.resolve("target/test-classes").toString());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    cluster = new ProcessBuilder(java.toString(), "-Xmx768m", "-cp", classpath,
        "dev.ssmix2.index.solr.SolrTestClusterMain")
        .redirectError(work.resolve("solr-cluster.log").toFile())
        .start();
    commands = new java.io.OutputStreamWriter(cluster.getOutputStream(), StandardCharsets.UTF_8);
    answers = new BufferedReader(new InputStreamReader(cluster.getInputStream(), StandardCharsets.UTF_8));
    String first = CompletableFuture.supplyAsync(SolrCliTest::readLine).get(180, TimeUnit.SECONDS);
    assertThat(first).as("the cluster's first line (its log: %s)", work.resolve("solr-cluster.log")).startsWith("zk ");
    zk = first.substring(3).strip();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      commands.close();
      if (!cluster.waitFor(60, TimeUnit.SECONDS)) {
        cluster.destroyForcibly();
      }
    }
  }

  private static String readLine() {
    try {
      return answers.readLine();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path moduleFolder(String name) throws Exception {
    Path classes = Path.of(SolrCliTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    for (Path dir = classes; dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    throw new IllegalStateException("no " + name + " above " + classes);
  }

  @Test
  void theCommandsAndTheViewerAnswerOnSolrCloudAsOnTheEmbeddedIndex() throws Exception {
    Path cases = CliRun.fixtures().resolve("search-cases-public");
    String dated = cases.resolve("root-dated").toString();
    String undated = cases.resolve("root-undated").toString();

    CliRun init = CliRun.main("solr", "init", "--zk", zk, "--collection", "cli", "--shards", "2", "--replicas", "2");
    assertThat(init.exit()).as(init.err()).isZero();
    assertThat(init.out()).contains("created collection cli (2 shards × 2 replicas)");
    CliRun again = CliRun.main("solr", "init", "--zk", zk, "--collection", "cli");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).contains("exists");

    Path indexDir = work.resolve("index");
    CliRun embedded = CliRun.main("index", "--index", indexDir.toString(), dated, undated);
    assertThat(embedded.exit()).as(embedded.err()).isZero();
    CliRun solr = CliRun.main("index", "--solr", zk, "--collection", "cli", dated, undated);
    assertThat(solr.exit()).as(solr.err()).isZero();
    assertThat(solr.out()).contains("Solr collection cli").contains("(built from scratch)");
    assertThat(lines(solr.out(), "files", "patients", "skipped")).isEqualTo(lines(embedded.out(), "files",
        "patients", "skipped"));
    CliRun rerun = CliRun.main("index", "--solr", zk, "--collection", "cli");
    assertThat(rerun.exit()).as("the roots of the last run: %s", rerun.err()).isZero();
    assertThat(rerun.out()).contains("0 updated");

    for (String q : QUERIES) {
      CliRun a = CliRun.main("search", "--index", indexDir.toString(), "--json", "--limit", "10", q);
      CliRun b = CliRun.main("search", "--solr", zk, "--collection", "cli", "--json", "--limit", "10", q);
      assertThat(b.exit()).as(b.err()).isZero();
      assertThat(b.out()).as(q).isEqualTo(a.out());
    }
    for (String id : List.of("0000000111", "0000000222")) {
      CliRun a = CliRun.main("patient", "--index", indexDir.toString(), "--json", "--history", id);
      CliRun b = CliRun.main("patient", "--solr", zk, "--collection", "cli", "--json", "--history", id);
      assertThat(b.exit()).as(b.err()).isZero();
      assertThat(b.out()).as(id).isEqualTo(a.out());
    }
    CliRun missing = CliRun.main("patient", "--solr", zk, "--collection", "cli", "9999999999");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("no patient 9999999999 in Solr collection cli");

    try (PatientIndex local = PatientIndex.openExisting(indexDir);
        SolrPatientIndex cloud = SolrPatientIndex.connect(zk, "cli");
        ViewerServer a = ViewerServer.builder(new IndexViewerData(local)).port(0)
            .auditLog(work.resolve("audit-a.jsonl")).build().start();
        ViewerServer b = ViewerServer.builder(new IndexViewerData(cloud)).port(0)
            .auditLog(work.resolve("audit-b.jsonl")).build().start()) {
      List<String> paths = new ArrayList<>();
      QUERIES.forEach(q -> paths.add("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
      paths.addAll(List.of("/api/patients/0000000111", "/api/patients/0000000111/records?history=true",
          "/api/patients/0000000222"));
      List<String> before = new ArrayList<>();
      for (String path : paths) {
        String expected = get(a.url().resolve(path));
        assertThat(get(b.url().resolve(path))).as(path).isEqualTo(expected);
        before.add(expected);
      }

      commands.write("stop 1\n");
      commands.flush();
      assertThat(CompletableFuture.supplyAsync(SolrCliTest::readLine).get(120, TimeUnit.SECONDS))
          .isEqualTo("stopped 1");
      for (int i = 0; i < paths.size(); i++) {
        assertThat(get(b.url().resolve(paths.get(i)))).as("one node down: %s", paths.get(i)).isEqualTo(before.get(i));
      }
      CliRun down = CliRun.main("search", "--solr", zk, "--collection", "cli", "--json", "--limit", "10",
          QUERIES.get(0));
      assertThat(down.out()).isEqualTo(CliRun.main("search", "--index", indexDir.toString(), "--json", "--limit",
          "10", QUERIES.get(0)).out());
    }
  }

  @Test
  void optionsNameExactlyOneIndex() {
    CliRun both = CliRun.main("search", "--index", work.resolve("x").toString(), "--solr", "localhost:1",
        "--collection", "c", "q");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("not both");
    CliRun none = CliRun.main("search", "q");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("no index given");
    CliRun noCollection = CliRun.main("search", "--solr", zk, "q");
    assertThat(noCollection.exit()).isEqualTo(2);
    assertThat(noCollection.err()).contains("--solr needs --collection");
    CliRun unknown = CliRun.main("search", "--solr", zk, "--collection", "nosuch", "q");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("no such collection").contains("ssmix2 solr init").doesNotContain("Exception");
  }

  private static List<String> lines(String out, String... prefixes) {
    return out.lines().filter(l -> List.of(prefixes).stream().anyMatch(l::startsWith)).toList();
  }

  private static String get(URI uri) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(uri.toString()).isEqualTo(200);
    return r.body();
  }
}

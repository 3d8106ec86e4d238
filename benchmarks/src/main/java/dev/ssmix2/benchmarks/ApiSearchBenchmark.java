package dev.ssmix2.benchmarks;

import dev.ssmix2.examples.web.IndexViewerData;
import dev.ssmix2.examples.web.ViewerServer;
import dev.ssmix2.index.store.PatientIndex;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The viewer's {@code /api/search} under load (target: p99 ≤ 20 ms with 20 concurrent clients on 100,000 patients):
 * the real {@link ViewerServer} on 127.0.0.1 with its audit log, over the cached library index of the
 * {@code names-only-100000} storage, 20 client threads in the same JVM each sending every query shape in turn.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(20)
public class ApiSearchBenchmark {

  @Param({"names-only-100000"})
  public String storage;

  private PatientIndex index;
  private ViewerServer server;
  private HttpClient client;
  private List<URI> requests;

  @Setup(Level.Trial)
  public void start() throws IOException {
    GeneratedStorage source = SearchQueryBenchmark.storage(storage);
    SearchQueryBenchmark.openEngine("ssmix2", source).close();
    index = PatientIndex.openExisting(source.folder().resolve("index-ssmix2"));
    Path audit = Workspace.work().resolve("api-audit.jsonl");
    Files.deleteIfExists(audit);
    server = ViewerServer.builder(new IndexViewerData(index)).port(0).auditLog(audit).build().start();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    QuerySet queries = QuerySet.forStorage(source);
    requests = new ArrayList<>();
    for (int i = 0; i < QuerySet.PER_SHAPE; i++) {
      for (QueryShape shape : QueryShape.values()) {
        List<QuerySet.Query> qs = queries.of(shape);
        requests.add(server.url().resolve(
            "/api/search?q=" + URLEncoder.encode(qs.get(i % qs.size()).text(), StandardCharsets.UTF_8)));
      }
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.close();
    index.close();
  }

  /** Each client thread walks the request list from its own offset. */
  @State(Scope.Thread)
  public static class Cursor {
    int next = (int) (Thread.currentThread().getId() * 7919);
  }

  @Benchmark
  public int apiSearch(Cursor cursor) throws IOException, InterruptedException {
    URI uri = requests.get(Math.floorMod(cursor.next++, requests.size()));
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().length();
  }
}

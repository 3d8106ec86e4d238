package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.store.PatientIndex;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  @TempDir static Path shared;
  @TempDir Path work;
  private static Path index;

  @BeforeAll
  static void buildIndex() {
    index = shared.resolve("idx");
    try (PatientIndex built = PatientIndex.open(index)) {
      Path cases = CliRun.fixtures().resolve("search-cases-public");
      built.update(Storage.open(cases.resolve("root-dated"), cases.resolve("root-undated")), ProgressListener.none());
    }
  }

  @Test
  void aMissingIndexIsAReadableUsageError() {
    CliRun run = CliRun.main("serve", "--index", work.resolve("nope").toString(), "--port", "0");

    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("no index at").contains("ssmix2 index --index").doesNotContain("\tat ");
  }

  @Test
  void bindingAllInterfacesWithoutUsersIsRefusedInOneLine() {
    CliRun run = CliRun.main("serve", "--index", index.toString(), "--port", "0", "--bind", "0.0.0.0",
        "--audit-log", work.resolve("audit.jsonl").toString());

    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).startsWith("ssmix2 serve: ").contains("0.0.0.0").contains("users")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.out()).doesNotContain("viewer:");
  }

  @Test
  void threadsOutOfRangeIsAUsageError() {
    CliRun run = CliRun.main("serve", "--index", index.toString(), "--port", "0", "--threads", "0");

    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("--threads must be 1 to 256, got 0");
  }

  @Test
  void aMissingUserFileIsAReadableUsageError() {
    CliRun run = CliRun.main("serve", "--index", index.toString(), "--port", "0", "--bind", "0.0.0.0",
        "--users", work.resolve("users.txt").toString());

    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("does not exist").contains("ssmix2 useradd");
  }

  @Test
  void servesTheIndexUntilInterrupted() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    Path audit = work.resolve("audit.jsonl");
    AtomicInteger exit = new AtomicInteger(-1);
    Thread serve = new Thread(() -> exit.set(cl.execute("serve", "--index", index.toString(), "--port", "0",
        "--audit-log", audit.toString())), "serve-under-test");
    serve.start();
    try {
      URI url = awaitUrl(out, serve);

      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(url.resolve("/api/search?q=111")).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

      assertThat(url.getHost()).isEqualTo("127.0.0.1");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"patientId\":\"0000000111\"");
      assertThat(Files.readString(audit)).contains("\"action\":\"search\"").contains("\"target\":\"111\"");
    } finally {
      serve.interrupt();
      serve.join(30_000);
    }
    assertThat(serve.isAlive()).isFalse();
    assertThat(exit.get()).isZero();
  }

  /** The URL the command prints once the server listens. */
  private static URI awaitUrl(StringWriter out, Thread serve) throws InterruptedException {
    Pattern url = Pattern.compile("ss-mix2 viewer: (http://\\S+/)");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && serve.isAlive()) {
      Matcher m = url.matcher(out.toString());
      if (m.find()) {
        return URI.create(m.group(1));
      }
      Thread.sleep(20);
    }
    throw new AssertionError("serve printed no URL: " + out);
  }

  @Test
  void aPortInUseIsNamedBeforeAnyWork() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      long started = System.nanoTime();
      CliRun run = CliRun.main("serve", "--index", index.toString(), "--port", String.valueOf(port),
          "--audit-log", work.resolve("audit-port.jsonl").toString());
      assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
      assertThat(run.err()).contains("port " + port + " is already in use").doesNotContain("Exception");
      assertThat(java.nio.file.Files.exists(work.resolve("audit-port.jsonl"))).isFalse(); // nothing was opened
    }
  }

  @Test
  void aBadMaximumFileSizeIsAUsageError() {
    CliRun run = CliRun.main("serve", "--index", index.toString(), "--max-file-size", "lots");
    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("--max-file-size").contains("64M");
  }
}

package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an attacker or a broken client does to the viewer: it keeps answering everyone else, in JSON. */
class HostileClientsTest {
  @TempDir Path tmp;

  private ViewerServer.Builder builder(ViewerData data) {
    return ViewerServer.builder(data).port(0).auditLog(tmp.resolve("audit.jsonl"));
  }

  /** A request written byte for byte (UTF-8), optionally from another loopback address; the whole response. */
  static String raw(URI server, String bytes, String localAddress) {
    try (Socket socket = new Socket()) {
      if (localAddress != null) {
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      }
      socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(bytes.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String body(String response) {
    int at = response.indexOf("\r\n\r\n");
    return at < 0 ? "" : response.substring(at + 4);
  }

  @Test
  void malformedUrlsAreAnsweredInJson() throws Exception {
    try (ViewerServer server = builder(new FakeViewerData()).build().start()) {
      URI url = server.url();
      String host = "Host: " + url.getHost() + ":" + url.getPort() + "\r\nConnection: close\r\n\r\n";
      // raw (unencoded) Japanese is not valid in a URL, but unambiguous: answered as if it had been percent-encoded
      String japanese = raw(url, "GET /api/search?q=やまだ HTTP/1.1\r\n" + host, null);
      assertThat(japanese).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: application/json");
      assertThat(Json.mapper().readTree(body(japanese)).path("query").asText()).isEqualTo("やまだ");
      for (String target : List.of("/api/patients/%ZZ", "/%ZZ", "/api/search?q=%E3%8", "/a b", "/api/%2e%2e/x")) {
        String response = raw(url, "GET " + target + " HTTP/1.1\r\n" + host, null);
        assertThat(response).as(target).startsWith("HTTP/1.1 4");
        assertThat(response).as(target).containsIgnoringCase("content-type: application/json");
        JsonNode error = Json.mapper().readTree(body(response));
        assertThat(error.path("error").asText()).as(target).isNotBlank();
        assertThat(response).as(target).doesNotContain("<html").doesNotContain("org.eclipse").doesNotContain("Jetty");
      }
      String garbage = raw(url, "\u0001\u0002 nonsense\r\n\r\n", null);
      assertThat(garbage).startsWith("HTTP/1.1 400").contains("\"error\"");
    }
  }

  @Test
  void aFaviconIsServed() {
    try (ViewerServer server = builder(new FakeViewerData()).build().start()) {
      HttpResponse<String> icon = TestHttp.get(server.url().resolve("/favicon.ico"));
      assertThat(icon.statusCode()).isEqualTo(200);
      assertThat(icon.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
      assertThat(icon.body()).startsWith("<svg");
    }
  }

  @Test
  void slowClientsDoNotBlockSearches() throws Exception {
    try (ViewerServer server = builder(ViewerFixture.data()).threads(2).build().start()) {
      URI url = server.url();
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < 50; i++) {
          Socket s = new Socket(url.getHost(), url.getPort());
          s.getOutputStream().write(i % 2 == 0 ? "G".getBytes(StandardCharsets.US_ASCII)
              : ("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nu").getBytes(
                  StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
          slow.add(s);
        }
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
          List<Future<Integer>> answers = new ArrayList<>();
          for (int i = 0; i < 20; i++) {
            answers.add(clients.submit(() -> TestHttp.get(url.resolve("/api/search?q="
                + URLEncoder.encode(ViewerFixture.SEARCH_KANA, StandardCharsets.UTF_8))).statusCode()));
          }
          for (Future<Integer> answer : answers) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
          }
        } finally {
          clients.shutdownNow();
        }
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
    }
  }

  @Test
  void aConnectionThatStopsSendingIsClosed() throws Exception {
    try (ViewerServer server = builder(new FakeViewerData()).idleTimeout(Duration.ofMillis(500)).build().start();
        Socket s = new Socket(server.url().getHost(), server.url().getPort())) {
      s.getOutputStream().write("GET /api/sess".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      s.setSoTimeout(20_000);
      InputStream in = s.getInputStream();
      try {
        in.readAllBytes(); // returns when the server closes the connection
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the server kept an idle half request open for 20 s", e);
      } catch (IOException reset) {
        // a reset is a close too
      }
    }
  }

  @Test
  void passwordGuessingIsThrottledPerAccountAndAddressWithoutLockingOthersOut() throws Exception {
    Path users = tmp.resolve("users.txt");
    UserStore.add(users, "nurse01", "right one".toCharArray(), PasswordHash.MIN_ITERATIONS);
    UserStore.add(users, "nurse02", "other one".toCharArray(), PasswordHash.MIN_ITERATIONS);
    try (ViewerServer server = builder(new FakeViewerData()).users(UserStore.load(users)).build().start()) {
      URI url = server.url();
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        statuses.add(status(login(url, "nurse01", "guess" + i, "127.0.0.2")));
      }
      assertThat(statuses.subList(0, 3)).containsOnly(401);
      assertThat(statuses.subList(3, 100)).contains(429).doesNotContain(200);
      // another user from another address logs in at once, not throttled by the attack
      assertThat(status(login(url, "nurse02", "other one", "127.0.0.1"))).isEqualTo(200);
    }
    List<String> audit = Files.readAllLines(tmp.resolve("audit.jsonl"));
    long checked = audit.stream().filter(l -> l.contains("\"login-failed\"")).count();
    // throttled attempts are refused before their password is hashed: most of the 100 never cost a PBKDF2 run
    assertThat(checked).isBetween(3L, 50L);
    assertThat(audit).anySatisfy(l -> assertThat(l).contains("\"login-failed\"", "nurse01", "127.0.0.2"));
    assertThat(audit).anySatisfy(l -> assertThat(l).contains("\"login\"", "nurse02"));
  }

  @Test
  void aFailedLoginDoesNotLogTheTypedNameOfAnUnknownUser() throws Exception {
    Path users = tmp.resolve("users.txt");
    UserStore.add(users, "nurse01", "right one".toCharArray(), PasswordHash.MIN_ITERATIONS);
    try (ViewerServer server = builder(new FakeViewerData()).users(UserStore.load(users)).build().start()) {
      assertThat(status(login(server.url(), "MySecretPassw0rd", "x", null))).isEqualTo(401);
    }
    String audit = Files.readString(tmp.resolve("audit.jsonl"));
    assertThat(audit).contains("unknown user").doesNotContain("MySecretPassw0rd");
  }

  @Test
  void aViewIsRefusedWhenItsAuditLineCannotBeWrittenUnlessFailOpen() {
    Path full = Path.of("/dev/full");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "/dev/full is needed to fill the disk");
    for (boolean failOpen : List.of(false, true)) {
      try (ViewerServer server = ViewerServer.builder(new FakeViewerData()).port(0).auditLog(full)
          .auditFailOpen(failOpen).build().start()) {
        HttpResponse<String> search = TestHttp.get(server.url().resolve("/api/search?q=a"));
        assertThat(search.statusCode()).as("fail open: " + failOpen).isEqualTo(failOpen ? 200 : 503);
        if (!failOpen) {
          assertThat(TestHttp.json(search).path("error").asText()).contains("audit log");
        }
        assertThat(server.auditFailures()).isEqualTo(1);
      }
    }
  }

  @Test
  void auditLogUsersFileAndIndexAreOwnerOnly() throws Exception {
    Path users = tmp.resolve("users.txt");
    UserStore.add(users, "nurse01", "pw".toCharArray(), PasswordHash.MIN_ITERATIONS);
    try (ViewerServer server = builder(new FakeViewerData()).build().start()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("audit.jsonl"))))
          .isEqualTo("rw-------");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(users))).isEqualTo("rw-------");
    try (var index = dev.ssmix2.index.store.PatientIndex.open(tmp.resolve("idx"))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("idx"))))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void usersFileChangesTakeEffectWithoutRestartAndEndRemovedUsersSessions() throws Exception {
    Path users = tmp.resolve("users.txt");
    UserStore.add(users, "nurse01", "pw1".toCharArray(), PasswordHash.MIN_ITERATIONS);
    UserStore.add(users, "nurse02", "pw2".toCharArray(), PasswordHash.MIN_ITERATIONS);
    try (ViewerServer server = builder(new FakeViewerData()).users(UserStore.load(users)).build().start()) {
      String cookie = cookie(login(server.url(), "nurse02", "pw2", null));
      assertThat(TestHttp.get(server.url().resolve("/api/session"), "Cookie", cookie).statusCode()).isEqualTo(200);
      List<String> kept = Files.readAllLines(users).stream().filter(l -> !l.startsWith("nurse02:")).toList();
      Files.write(users, kept);
      UserStore.add(users, "nurse03", "pw3".toCharArray(), PasswordHash.MIN_ITERATIONS);
      Thread.sleep(UserStore.CHECK_EVERY_NANOS / 1_000_000 + 200);
      assertThat(TestHttp.get(server.url().resolve("/api/session"), "Cookie", cookie).statusCode()).isEqualTo(401);
      assertThat(status(login(server.url(), "nurse02", "pw2", null))).isEqualTo(401);
      assertThat(status(login(server.url(), "nurse03", "pw3", null))).isEqualTo(200);
    }
  }

  @Test
  void servesHttpsWithAKeyStore() throws Exception {
    Path keyStore = tmp.resolve("viewer.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "viewer", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", "changeit",
        "-ext", "san=ip:127.0.0.1,dns:localhost").redirectErrorStream(true).start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    try (ViewerServer server = builder(new FakeViewerData()).tls(keyStore, "changeit".toCharArray()).build()
        .start()) {
      assertThat(server.url().getScheme()).isEqualTo("https");
      java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        trust.load(in, "changeit".toCharArray());
      }
      javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
          javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(ssl).build();
      HttpResponse<String> session = client.send(java.net.http.HttpRequest.newBuilder(
          server.url().resolve("/api/session")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(session.statusCode()).isEqualTo(200);
    }
  }

  private static String login(URI url, String user, String password, String from) {
    return raw(url, "POST /login HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
        + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
        + json(user, password).getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json(user, password), from);
  }

  private static String json(String user, String password) {
    return Json.line(java.util.Map.of("user", user, "password", password));
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  private static String cookie(String response) {
    for (String line : response.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("set-cookie:")) {
        return line.substring("set-cookie:".length()).strip().split(";")[0];
      }
    }
    throw new AssertionError("no cookie in " + response);
  }
}

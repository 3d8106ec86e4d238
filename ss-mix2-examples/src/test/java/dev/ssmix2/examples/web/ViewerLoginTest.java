package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A viewer with users: nothing but the login page and UI files without a session. */
class ViewerLoginTest {
  private static final String FORM = "application/x-www-form-urlencoded";
  @TempDir static Path dir;
  private static ViewerFixture viewer;

  @BeforeAll
  static void start() {
    Path users = dir.resolve("users.txt");
    // Few iterations keep the test fast; the iteration count is per line, so this exercises reading it too.
    UserStore.add(users, "nurse01", "correct horse".toCharArray(), PasswordHash.MIN_ITERATIONS);
    viewer = ViewerFixture.start(dir, UserStore.load(users));
  }

  @AfterAll
  static void stop() {
    viewer.close();
  }

  private static String login() {
    HttpResponse<String> response = TestHttp.post(viewer.url("/login"), FORM, "user=nurse01&password=correct+horse");
    assertThat(response.statusCode()).isEqualTo(303);
    assertThat(response.headers().firstValue("Location")).hasValue("/");
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  @Test
  void apiAndPageNeedALogin() {
    HttpResponse<String> api = TestHttp.get(viewer.url("/api/search?q=a"));
    HttpResponse<String> page = TestHttp.get(viewer.url("/"));

    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(TestHttp.json(api).get("error").asText()).isEqualTo("login required");
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/login");
    assertThat(TestHttp.get(viewer.url("/login")).statusCode()).isEqualTo(200);
    assertThat(TestHttp.get(viewer.url("/static/login.js")).statusCode()).isEqualTo(200);
  }

  @Test
  void theSessionCookieIsRandomHttpOnlyAndStrict() {
    HttpResponse<String> response = TestHttp.post(viewer.url("/login"), FORM, "user=nurse01&password=correct+horse");

    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).matches("ssmix2_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict; Max-Age=\\d+");
    assertThat(login()).isNotEqualTo(setCookie.substring(0, setCookie.indexOf(';')));
  }

  @Test
  void aLoggedInUserCanSearchAndIsNamedInTheAuditLog() {
    String cookie = login();

    HttpResponse<String> response = TestHttp.get(viewer.url("/api/patients/" + ViewerFixture.PATIENT_ID),
        "Cookie", cookie);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(TestHttp.get(viewer.url("/"), "Cookie", cookie).statusCode()).isEqualTo(200);
    JsonNode last = lastAudit("view-patient");
    assertThat(last.get("user").asText()).isEqualTo("nurse01");
    assertThat(last.get("target").asText()).isEqualTo(ViewerFixture.PATIENT_ID);
  }

  @Test
  void aWrongPasswordIsRefusedAndLogged() {
    HttpResponse<String> form = TestHttp.post(viewer.url("/login"), FORM, "user=nurse01&password=wrong");
    HttpResponse<String> json = TestHttp.post(viewer.url("/login"), "application/json",
        "{\"user\":\"nurse01\",\"password\":\"wrong\"}");
    HttpResponse<String> unknown = TestHttp.post(viewer.url("/login"), "application/json",
        "{\"user\":\"nobody\",\"password\":\"correct horse\"}");

    assertThat(form.statusCode()).isEqualTo(303);
    assertThat(form.headers().firstValue("Location")).hasValue("/login?error=1");
    assertThat(form.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(json.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(TestHttp.json(unknown).get("error").asText()).isEqualTo(TestHttp.json(json).get("error").asText());
    // an unknown name may be a password typed into the wrong field: only a hash of it is logged
    assertThat(lastAudit("login-failed").get("target").asText()).startsWith("unknown user").doesNotContain("nobody");
  }

  @Test
  void aForgedSessionIsRefused() {
    HttpResponse<String> response = TestHttp.get(viewer.url("/api/search?q=a"), "Cookie",
        "ssmix2_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void jsonLoginWorksToo() {
    HttpResponse<String> response = TestHttp.post(viewer.url("/login"), "application/json",
        "{\"user\":\"nurse01\",\"password\":\"correct horse\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(TestHttp.json(response).get("user").asText()).isEqualTo("nurse01");
  }

  @Test
  void logoutEndsTheSession() {
    String cookie = login();

    HttpResponse<String> logout = TestHttp.post(viewer.url("/logout"), FORM, "", "Cookie", cookie);

    assertThat(logout.statusCode()).isEqualTo(303);
    assertThat(logout.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
    assertThat(TestHttp.get(viewer.url("/api/search?q=a"), "Cookie", cookie).statusCode()).isEqualTo(401);
  }

  @Test
  void aCrossOriginLoginIsRefused() {
    HttpResponse<String> response = TestHttp.post(viewer.url("/login"), FORM, "user=nurse01&password=correct+horse",
        "Origin", "https://evil.example");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void aLoginPostedFromAnotherSiteIsRefused() {
    HttpResponse<String> response = TestHttp.post(viewer.url("/login"), FORM, "user=nurse01&password=correct+horse",
        "Sec-Fetch-Site", "cross-site", "Origin", "null");

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void withUsersAllInterfacesMayBeBound(@TempDir Path other) {
    Path users = other.resolve("users.txt");
    UserStore.add(users, "doctor", "pw".toCharArray(), PasswordHash.MIN_ITERATIONS);

    ViewerServer server = ViewerServer.builder(new FakeViewerData()).bindAddress("0.0.0.0").port(0)
        .users(UserStore.load(users)).auditLog(other.resolve("audit.jsonl")).build().start();
    try {
      assertThat(TestHttp.get(server.url().resolve("/api/search?q=a")).statusCode()).isEqualTo(401);
    } finally {
      server.stop();
    }
  }

  private static JsonNode lastAudit(String action) {
    List<JsonNode> lines = viewer.auditLines();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).get("action").asText().equals(action)) {
        return lines.get(i);
      }
    }
    throw new AssertionError("no " + action + " line in " + lines);
  }
}

package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViewerServerTest {
  @TempDir Path dir;
  private ViewerFixture viewer;

  @BeforeEach
  void start() {
    viewer = ViewerFixture.start(dir);
  }

  @AfterEach
  void stop() {
    viewer.close();
  }

  private HttpResponse<String> get(String pathAndQuery) {
    return TestHttp.get(viewer.url(pathAndQuery));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void bindsLoopbackOnAnEphemeralPortByDefault() {
    assertThat(viewer.server().port()).isPositive();
    assertThat(viewer.url().toString()).isEqualTo("http://127.0.0.1:" + viewer.server().port() + "/");
  }

  @Test
  void searchAnswersHitsWithTheDocumentedShape() {
    HttpResponse<String> response = get("/api/search?q=" + encode(ViewerFixture.SEARCH_KANA) + "&limit=5");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    JsonNode body = TestHttp.json(response);
    assertThat(body.get("query").asText()).isEqualTo(ViewerFixture.SEARCH_KANA);
    assertThat(body.get("hint").isTextual()).as("the same-name hint, empty for a unique hit").isTrue();
    JsonNode hit = body.get("hits").get(0);
    assertThat(hit.get("patientId").asText()).isEqualTo(ViewerFixture.PATIENT_ID);
    assertThat(hit.get("name").asText()).isEqualTo(ViewerFixture.PATIENT_NAME);
    assertThat(hit.get("kana").asText()).isEqualTo("シケン　ハナコ");
    assertThat(hit.get("birthDate").asText()).isEqualTo("1960-01-01");
    assertThat(hit.get("age").asInt()).isEqualTo(Period.between(LocalDate.of(1960, 1, 1), LocalDate.now()).getYears());
    assertThat(hit.get("sex").asText()).isEqualTo("F");
    assertThat(hit.get("score").isNumber()).isTrue();
    assertThat(hit.get("matched")).extracting(JsonNode::asText).contains("読み一致");
  }

  @Test
  void anUnpaddedIdFindsThePatient() {
    JsonNode hits = TestHttp.json(get("/api/search?q=111")).get("hits");

    assertThat(hits.get(0).get("patientId").asText()).isEqualTo(ViewerFixture.HISTORY_PATIENT_ID);
    assertThat(hits.get(0).get("matched").get(0).asText()).isEqualTo("ID一致");
  }

  @Test
  void unknownBirthDateAndAgeAreJsonNull() {
    JsonNode hit = TestHttp.json(get("/api/search?q=" + encode(LabPatientRoot.NO_BIRTH_DATE_KANA))).get("hits").get(0);

    assertThat(hit.get("birthDate").isNull()).isTrue();
    assertThat(hit.get("age").isNull()).isTrue();
  }

  @Test
  void blankSearchGivesNoHitsAndIsNotLogged() {
    JsonNode body = TestHttp.json(get("/api/search?q=%20%20"));

    assertThat(body.get("hits")).isEmpty();
    assertThat(viewer.auditLines()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "-1", "ten"})
  void searchRefusesALimitOutOfRange(String limit) {
    HttpResponse<String> response = get("/api/search?q=a&limit=" + limit);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(TestHttp.json(response).get("error").asText()).contains("limit");
  }

  @Test
  void patientAnswersTheChart() {
    HttpResponse<String> response = get("/api/patients/" + ViewerFixture.NHO_PATIENT_ID);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode chart = TestHttp.json(response);
    assertThat(chart.get("patientId").asText()).isEqualTo(ViewerFixture.NHO_PATIENT_ID);
    assertThat(chart.get("allergiesRecorded").asBoolean()).isTrue();
    assertThat(chart.get("allergies")).extracting(a -> a.get("allergen").asText()).contains("スギ", "アリナミン");
    assertThat(chart.get("prescriptions")).extracting(p -> p.get("kind").asText()).contains("処方", "注射");
    assertThat(chart.get("labs")).hasSize(3);
    assertThat(chart.get("problems").get(0).get("icd10").asText()).isEqualTo("K297");
    assertThat(chart.get("encounters")).extracting(e -> e.get("kind").asText()).contains("入院", "退院");
    assertThat(chart.get("birthDate").asText()).isEqualTo("1948-04-05");
  }

  @Test
  void olderLabsAndOrdersArePagedByDate() {
    String patient = "/api/patients/" + ViewerFixture.NHO_PATIENT_ID;
    HttpResponse<String> labs = get(patient + "/labs?before=2012-01-01");
    assertThat(labs.statusCode()).isEqualTo(200);
    assertThat(TestHttp.json(labs).get("columns")).extracting(JsonNode::asText).containsExactly("2011-12-19 15:00");
    HttpResponse<String> orders = get(patient + "/medications?before=2012-01-01");
    assertThat(orders.statusCode()).isEqualTo(200);
    assertThat(TestHttp.json(orders).get("prescriptions")).hasSize(6);
    assertThat(TestHttp.json(orders).get("olderBefore").asText()).isEmpty();
    assertThat(get(patient + "/labs").statusCode()).isEqualTo(400);
    assertThat(get(patient + "/medications?before=yesterday").statusCode()).isEqualTo(400);
    assertThat(get("/api/patients/0000000000/labs?before=2012-01-01").statusCode()).isEqualTo(404);
  }

  @Test
  void anAbnormalLabValueKeepsItsFlag() {
    JsonNode labs = TestHttp.json(get("/api/patients/" + ViewerFixture.PATIENT_ID)).get("labs");

    assertThat(labs).filteredOn(l -> !l.get("abnormalFlag").asText().isEmpty())
        .singleElement().satisfies(l -> {
          assertThat(l.get("value").asText()).isEqualTo(LabPatientRoot.ABNORMAL_VALUE);
          assertThat(l.get("abnormalFlag").asText()).isEqualTo("H");
        });
  }

  @Test
  void anAmbiguousLabValueIsServedRawWithItsReason() {
    JsonNode labs = TestHttp.json(get("/api/patients/" + LabPatientRoot.AMBIGUOUS_PATIENT_ID)).get("labs");

    assertThat(labs).singleElement().satisfies(l -> {
      assertThat(l.get("value").asText()).isEqualTo(LabPatientRoot.AMBIGUOUS_RAW);
      assertThat(l.get("ambiguity").asText()).isNotBlank();
    });
  }

  @Test
  void vitalSignsAreServedWithTheChart() {
    JsonNode vitals = TestHttp.json(get("/api/patients/" + LabPatientRoot.AMBIGUOUS_PATIENT_ID)).get("vitals");

    assertThat(vitals).hasSize(2);
    assertThat(vitals).anySatisfy(v -> {
      assertThat(v.get("item").asText()).isEqualTo("体温");
      assertThat(v.get("value").asText()).isEqualTo(LabPatientRoot.VITAL_TEMPERATURE);
      assertThat(v.get("unit").asText()).isEqualTo("Cel");
      assertThat(v.get("time").asText()).isEqualTo("2024-03-10 15:00");
      assertThat(v.get("ambiguity").asText()).isEmpty();
    });
    assertThat(vitals).anySatisfy(v -> {
      assertThat(v.get("value").asText()).isEqualTo(LabPatientRoot.VITAL_AMBIGUOUS);
      assertThat(v.get("ambiguity").asText()).isNotBlank();
    });
  }

  @Test
  void markupInDataIsServedAsJsonTextNotAsHtml() {
    HttpResponse<String> response = get("/api/patients/" + ViewerFixture.MARKUP_PATIENT_ID);

    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(TestHttp.json(response).get("name").asText()).isEqualTo(ViewerFixture.MARKUP_NAME);
  }

  @Test
  void unknownPatientIs404WithAJsonError() {
    HttpResponse<String> response = get("/api/patients/NOPE");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(TestHttp.json(response).get("error").asText()).isEqualTo("no such patient");
    assertThat(get("/api/patients/NOPE/records").statusCode()).isEqualTo(404);
    assertThat(get("/api/records/nope/raw").statusCode()).isEqualTo(404);
  }

  @Test
  void recordsHideOlderVersionsUnlessHistoryIsAsked() {
    String records = "/api/patients/" + ViewerFixture.HISTORY_PATIENT_ID + "/records";
    JsonNode current = TestHttp.json(get(records));
    JsonNode all = TestHttp.json(get(records + "?history=true"));

    assertThat(current).extracting(row -> row.get("status").asText()).containsExactly("current", "current");
    assertThat(all).extracting(row -> row.get("status").asText())
        .containsExactly("current", "current", "superseded", "deleted");
    assertThat(get(records + "?history=maybe").statusCode()).isEqualTo(400);
  }

  @Test
  void rawAnswersTheDecodedMessage() {
    JsonNode raw = TestHttp.json(get("/api/records/" + firstRecordId(ViewerFixture.HISTORY_PATIENT_ID) + "/raw"));

    assertThat(raw.get("charset").asText()).isEqualTo("ISO-2022-JP");
    assertThat(raw.get("status").asText()).isEqualTo("current");
    assertThat(raw.get("text").asText()).startsWith("MSH|").contains("\nPID|0001||0000000111^^^^PI||小川^健太");
  }

  @Test
  void aForgedRecordIdIs404() {
    String forged = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("0:../../etc/passwd".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> response = get("/api/records/" + forged + "/raw");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).doesNotContain("root:");
  }

  private String firstRecordId(String patientId) {
    return TestHttp.json(get("/api/patients/" + patientId + "/records")).get(0).get("recordId").asText();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/api/patients/..",
      "/api/patients/%2e%2e",
      "/api/patients/..%2f..%2fetc%2fpasswd",
      "/api/patients/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "/api/patients/P0001%2f..%2f..",
      "/api/patients/%2fetc%2fpasswd",
      "/api/patients/C:%5cWindows",
      "/api/patients/%252e%252e",
      "/api/patients/P0001%00",
      "/api/patients/%ff%fe",
      "/api/records/..%2f..%2f..%2fetc%2fpasswd/raw",
      "/api/records/%2e%2e/raw",
      "/api/patients/../../../etc/passwd",
      "/static/../../../../etc/passwd",
      "/static/..%2f..%2f..%2fetc%2fpasswd",
      "/static/%2e%2e/%2e%2e/etc/passwd",
      "/static/app.js/../../../etc/passwd",
      "/../../../../etc/passwd",
      "//etc/passwd",
      "/etc/passwd",
      "/dev/ssmix2/examples/web/app.js",
      "/static/ViewerServer.class",
      "/static/",
      "/api/",
      "/api/search/../../etc/passwd",
  })
  void traversalAttemptsNeverReachAFile(String target) {
    String response = TestHttp.raw(viewer.url(), target);

    assertThat(response).matches("(?s)HTTP/1\\.1 40[04] .*");
    assertThat(response).doesNotContain("root:").doesNotContain("ssmix2_session").doesNotContain("function");
  }

  @Test
  void absoluteFormRequestTargetsReachNoFile() {
    String response = TestHttp.raw(viewer.url(), "file:///etc/passwd");

    assertThat(response).doesNotContain("root:").startsWith("HTTP/1.1 4");
  }

  @Test
  void servesOnlyTheWhitelistedUiFiles() {
    HttpResponse<String> page = get("/");
    HttpResponse<String> script = get("/static/app.js");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body()).contains("id=\"q\"").doesNotContain("<script>");
    assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
    assertThat(get("/static/app.css").statusCode()).isEqualTo(200);
    assertThat(get("/index.html").statusCode()).isEqualTo(404);
    assertThat(get("/login").statusCode()).as("no login page without users").isEqualTo(404);
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : List.of("/", "/static/app.js", "/api/search?q=a", "/api/patients/NOPE", "/nothing")) {
      HttpResponse<String> response = get(path);
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
          .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'").contains("script-src 'self'")
              .doesNotContain("unsafe-inline").doesNotContain("http"));
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
      assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
    }
  }

  @Test
  void aFailingDataLayerGivesA500WithoutInternals(@TempDir Path other) {
    // No storage makes the real adapter throw on purpose, so this one runs on the fake.
    try (ViewerFixture broken = ViewerFixture.start(other, new FakeViewerData(), null)) {
      HttpResponse<String> response = TestHttp.get(broken.url("/api/patients/" + FakeViewerData.BROKEN));

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(TestHttp.json(response).get("error").asText()).isEqualTo("internal error");
      assertThat(response.body()).doesNotContain("secret").doesNotContain("Exception").doesNotContain("at dev.");
    }
  }

  @Test
  void wrongMethodIs405() {
    HttpResponse<String> response = TestHttp.post(viewer.url("/api/search?q=a"), "text/plain", "");

    assertThat(response.statusCode()).isEqualTo(405);
  }

  @Test
  void auditLogGetsALinePerSearchAndView() {
    String id = ViewerFixture.HISTORY_PATIENT_ID;
    get("/api/search?q=" + encode(ViewerFixture.HISTORY_SEARCH));
    get("/api/patients/" + id);
    String recordId = firstRecordId(id);
    get("/api/records/" + recordId + "/raw");
    get("/api/patients/NOPE");

    List<JsonNode> lines = viewer.auditLines();
    assertThat(lines).extracting(l -> l.get("action").asText())
        .containsExactly("search", "view-patient", "view-records", "view-raw", "view-patient");
    assertThat(lines).extracting(l -> l.get("target").asText())
        .containsExactly(ViewerFixture.HISTORY_SEARCH, id, id, recordId, "NOPE");
    assertThat(lines).allSatisfy(line -> {
      assertThat(line.get("user").asText()).isEqualTo("-");
      assertThat(line.get("client").asText()).isEqualTo("127.0.0.1");
      assertThat(line.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*");
    });
  }

  @Test
  void withoutUsersOnlyLoopbackHostNamesAreAnswered() {
    String rebound = TestHttp.raw(viewer.url(), "/api/search?q=a", "evil.example:" + viewer.server().port());
    String local = TestHttp.raw(viewer.url(), "/api/search?q=a", "localhost:" + viewer.server().port());

    assertThat(rebound).startsWith("HTTP/1.1 403");
    assertThat(local).startsWith("HTTP/1.1 200");
  }

  @Test
  void refusesToBindAllInterfacesWithoutUsers() {
    ViewerServer.Builder builder = ViewerServer.builder(new FakeViewerData()).bindAddress("0.0.0.0").port(0)
        .auditLog(dir.resolve("other.jsonl"));

    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing to bind 0.0.0.0 without users");
  }

  @Test
  void refusesToStartWithoutAnAuditLog() {
    assertThatThrownBy(() -> ViewerServer.builder(new FakeViewerData()).port(0).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("audit log");
  }

  @Test
  void fhirRouteAnswersAFhirBundleOrNotFound() throws Exception {
    dev.ssmix2.core.fhir.FhirJson.warmUp(); // the one-time model scan (the server starts it in the background)
    HttpResponse<String> response = get("/api/patients/9999013/fhir");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+json");
    assertThat(TestHttp.json(response).get("resourceType").asText()).isEqualTo("Bundle");
    assertThat(get("/api/patients/0000000000/fhir").statusCode()).isEqualTo(404);
    assertThat(get("/api/patients/..%2fetc/fhir").statusCode()).isIn(400, 404);
  }
}

package dev.ssmix2.examples.web;

import static dev.ssmix2.examples.web.TwoFacilityIndex.ISHINOMAKI;
import static dev.ssmix2.examples.web.TwoFacilityIndex.SENDAI;
import static dev.ssmix2.examples.web.TwoFacilityIndex.SHARED_ID;
import static dev.ssmix2.examples.web.TwoFacilityIndex.SHARED_SEARCH;
import static dev.ssmix2.examples.web.TwoFacilityIndex.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ssmix2.index.store.PatientIndex;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's API over an index of two facilities that share patient IDs: hits and charts carry the facility, a
 * search can be restricted to one, a plain ID both have is answered 409 with both candidates (never one of them), and
 * every audit line names the facility.
 */
class FacilityViewerTest {
  @TempDir static Path dir;
  static PatientIndex index;
  static ViewerFixture viewer;

  @BeforeAll
  static void start() throws IOException {
    index = TwoFacilityIndex.build(dir);
    viewer = ViewerFixture.start(dir, new IndexViewerData(index), null);
  }

  @AfterAll
  static void stop() {
    viewer.close();
    index.close();
  }

  private static HttpResponse<String> get(String path) {
    return TestHttp.get(viewer.url(path));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<JsonNode> hits(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return StreamSupport.stream(TestHttp.json(response).get("hits").spliterator(), false).toList();
  }

  @Test
  void hitsAndChartsCarryTheFacilityAndAKeyThatNamesOnePatient() {
    JsonNode session = TestHttp.json(get("/api/session"));
    assertThat(session.get("facilities")).extracting(f -> f.get("code").asText())
        .containsExactly(SENDAI.code(), ISHINOMAKI.code());

    List<JsonNode> ogawa = hits(get("/api/search?q=" + encode(SHARED_SEARCH))).stream()
        .filter(h -> h.get("patientId").asText().equals(SHARED_ID)).toList();
    assertThat(ogawa).extracting(h -> h.get("facility").get("name").asText())
        .containsExactlyInAnyOrder("仙台医療センター", "石巻赤十字病院");
    assertThat(ogawa).extracting(h -> h.get("key").asText())
        .containsExactlyInAnyOrder(key(SENDAI, SHARED_ID), key(ISHINOMAKI, SHARED_ID));

    HttpResponse<String> chart = get("/api/patients/" + key(ISHINOMAKI, SHARED_ID));
    assertThat(chart.statusCode()).as(chart.body()).isEqualTo(200);
    JsonNode c = TestHttp.json(chart);
    assertThat(c.get("patientId").asText()).isEqualTo(SHARED_ID);
    assertThat(c.get("facility").get("code").asText()).isEqualTo(ISHINOMAKI.code());
    assertThat(c.get("facility").get("name").asText()).isEqualTo("石巻赤十字病院");
    assertThat(c.get("key").asText()).isEqualTo(key(ISHINOMAKI, SHARED_ID));
    HttpResponse<String> records = get("/api/patients/" + key(SENDAI, SHARED_ID) + "/records");
    assertThat(records.statusCode()).as(records.body()).isEqualTo(200);
  }

  @Test
  void aSearchRestrictedToOneFacilityShowsOnlyItsPatients() {
    List<JsonNode> only = hits(get("/api/search?q=" + encode(SHARED_SEARCH) + "&facility=" + SENDAI.code()));
    assertThat(only).isNotEmpty().allMatch(h -> h.get("facility").get("code").asText().equals(SENDAI.code()));
    assertThat(only).extracting(h -> h.get("patientId").asText()).contains(SHARED_ID).doesNotHaveDuplicates();

    assertThat(get("/api/search?q=a&facility=12345").statusCode()).isEqualTo(400);
  }

  @Test
  void aPlainIdTwoFacilitiesHaveIsAConflictListingBoth() {
    HttpResponse<String> response = get("/api/patients/" + SHARED_ID);
    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode body = TestHttp.json(response);
    assertThat(body.get("error").asText()).contains(SHARED_ID).contains("2 施設");
    assertThat(body.get("candidates")).extracting(n -> n.get("key").asText())
        .containsExactly(key(SENDAI, SHARED_ID), key(ISHINOMAKI, SHARED_ID));
    assertThat(get("/api/patients/" + SHARED_ID + "/records").statusCode()).isEqualTo(409);
    assertThat(get("/api/patients/0400000000~" + SHARED_ID).statusCode()).isEqualTo(404);
  }

  @Test
  void theWarmUpBuildsAChartWhenTheFirstIdBelongsToSeveralFacilities() throws Exception {
    IndexViewerData fresh = new IndexViewerData(index);
    dev.ssmix2.core.storage.PatientId first = fresh.firstIndexedPatient().orElseThrow();
    assertThat(index.patients(first)).hasSize(2);
    Thread warm = fresh.warmUpInBackground();
    warm.join(120_000);
    assertThat(warm.isAlive()).isFalse();
    assertThat(fresh.hasCachedChart(first)).isTrue();
  }

  @Test
  void auditLinesNameTheFacility() {
    get("/api/search?q=" + encode(SHARED_SEARCH) + "&facility=" + ISHINOMAKI.code());
    get("/api/patients/" + key(ISHINOMAKI, SHARED_ID));
    List<JsonNode> lines = viewer.auditLines();
    JsonNode search = lines.stream().filter(l -> l.get("action").asText().equals("search")
        && l.get("facility").asText().equals(ISHINOMAKI.code())).findFirst().orElseThrow();
    assertThat(search.get("target").asText()).isEqualTo(SHARED_SEARCH);
    JsonNode view = lines.stream().filter(l -> l.get("action").asText().equals("view-patient")
        && l.get("facility").asText().equals(ISHINOMAKI.code())).findFirst().orElseThrow();
    assertThat(view.get("target").asText()).isEqualTo(SHARED_ID);
  }
}

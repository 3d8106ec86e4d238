package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real adapter over an index of the NHO samples, the public search cases and {@link LabPatientRoot}. */
class IndexViewerDataTest {
  private static final String NHO = "9999013";
  private static final String OGAWA = "0000000111";
  private static final String OGAWA_DIR = "000/000/0000000111/";
  private static IndexViewerData data;

  @BeforeAll
  static void open() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-12T03:00:00Z"), ZoneId.of("Asia/Tokyo"));
    data = new IndexViewerData(FixtureIndex.shared(), clock);
  }

  private static JsonNode json(Object value) {
    return Json.mapper().valueToTree(value);
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
  }

  private static JsonNode hit(JsonNode search, String patientId) {
    return StreamSupport.stream(search.get("hits").spliterator(), false)
        .filter(h -> h.get("patientId").asText().equals(patientId)).findFirst()
        .orElseThrow(() -> new AssertionError(patientId + " not among " + search));
  }

  private static String token(String plain) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void hiraganaFindsTheKatakanaReadingAndSaysSo() {
    JsonNode search = json(data.search("おがわ けんた", 10));

    JsonNode ogawa = hit(search, OGAWA);
    assertThat(search.get("query").asText()).isEqualTo("おがわ けんた");
    assertThat(ogawa.get("name").asText()).isEqualTo("小川　健太");
    assertThat(ogawa.get("kana").asText()).isEqualTo("オガワ　ケンタ");
    assertThat(ogawa.get("matched")).extracting(JsonNode::asText).contains("読み一致");
  }

  @Test
  void anIdWithoutLeadingZerosFindsThePatientWithAgeFromTheClock() {
    JsonNode first = json(data.search("111", 5)).get("hits").get(0);

    assertThat(first.get("patientId").asText()).isEqualTo(OGAWA);
    assertThat(first.get("matched")).extracting(JsonNode::asText).containsExactly("ID一致");
    assertThat(first.get("birthDate").asText()).isEqualTo("1975-03-12");
    assertThat(first.get("age").asInt()).as("50th birthday on the clock's date").isEqualTo(50);
    assertThat(first.get("sex").asText()).isEqualTo("M");
  }

  @Test
  void anUnknownBirthDateIsNullNotAGuess() {
    JsonNode hit = hit(json(data.search(LabPatientRoot.NO_BIRTH_DATE_KANA, 5)), LabPatientRoot.NO_BIRTH_DATE_ID);

    assertThat(hit.get("birthDate").isNull()).isTrue();
    assertThat(hit.get("age").isNull()).isTrue();
  }

  @Test
  void theNhoChartHasAllergiesPrescriptionsLabsProblemsAndEncounters() {
    JsonNode chart = json(data.patient(NHO).orElseThrow());

    assertThat(chart.get("name").asText()).isEqualTo("患者　太郎");
    assertThat(chart.get("age").asInt()).isEqualTo(76);
    assertThat(chart.get("address").asText()).contains("静岡県静岡市");
    assertThat(chart.get("allergiesRecorded").asBoolean()).isTrue();
    // ADT-61 IAM allergies plus the AL1 allergy that ADT-00 carries
    assertThat(texts(chart.get("allergies"), "allergen"))
        .containsExactlyInAnyOrder("スギ", "ソバ", "ハウスダスト", "アリナミン", "ペニシリン");
    assertThat(chart.get("allergies")).anySatisfy(a -> {
      assertThat(a.get("allergen").asText()).isEqualTo("アリナミン");
      assertThat(a.get("type").asText()).isEqualTo("薬剤アレルギー");
      assertThat(a.get("severity").asText()).isEqualTo("中等度");
      assertThat(a.get("reaction").asText()).isEqualTo("のどの渇きが止まらない");
    });

    JsonNode rx = chart.get("prescriptions");
    assertThat(texts(rx, "drug")).contains("ダーゼン錠（５mg)", "パンスポリンＴ錠（１００mg)", "アレピアチン１０倍散");
    assertThat(rx).anySatisfy(p -> {
      assertThat(p.get("kind").asText()).isEqualTo(Prescription.INJECTION);
      assertThat(p.get("drug").asText()).contains("ソリタ");
      assertThat(p.get("route").asText()).isEqualTo("静脈内");
    });
    assertThat(rx).anySatisfy(p -> {
      assertThat(p.get("drug").asText()).isEqualTo("アレピアチン１０倍散");
      assertThat(p.get("kind").asText()).isEqualTo(Prescription.PRESCRIPTION);
      assertThat(p.get("date").asText()).isEqualTo("2011-07-01");
      assertThat(p.get("start").asText()).as("TQ1-7 to the precision sent").isEqualTo("2011-07-01 00:00");
      assertThat(p.get("dose").asText()).isEqualTo("50");
      assertThat(p.get("days").asText()).isEqualTo("14");
    });

    assertThat(chart.get("labs")).anySatisfy(l -> {
      assertThat(l.get("name").asText()).isEqualTo("総蛋白");
      assertThat(l.get("value").asText()).isEqualTo("7.2");
      assertThat(l.get("unit").asText()).isEqualTo("g/dl");
      assertThat(l.get("referenceRange").asText()).isEqualTo("6.70-8.3");
      assertThat(l.get("date").asText()).isEqualTo("2011-12-19");
      assertThat(l.get("specimen").asText()).isEqualTo("血清");
    });
    assertThat(texts(chart.get("labs"), "name")).containsExactlyInAnyOrder("総蛋白", "A/G比", "アルブミン");

    JsonNode problem = chart.get("problems").get(0);
    assertThat(problem.get("name").asText()).isEqualTo("胃炎");
    assertThat(problem.get("icd10").asText()).isEqualTo("K297");
    assertThat(problem.get("onset").asText()).isEqualTo("2011-08-31");

    assertThat(texts(chart.get("encounters"), "kind")).containsExactly("転科・転棟", "退院", "入院");
    assertThat(texts(chart.get("encounters"), "date")).containsExactly("2011-12-20", "2011-12-20", "2011-11-20");
    assertThat(chart.get("notes")).isEmpty();
  }

  @Test
  void theChartCarriesTheSummarysStatesGroupsAndDepartmentNames() {
    JsonNode chart = json(data.patient(NHO).orElseThrow());

    assertThat(chart.get("allergyState").asText()).isEqualTo(PatientChart.ALLERGIES_RECORDED);
    assertThat(texts(chart.get("allergies"), "drugAllergy")).as("drug allergies first")
        .containsExactly("true", "true", "false", "false", "false");
    assertThat(chart.get("activeMedications")).as("nothing of 2011 runs in 2025").isEmpty();
    assertThat(chart.get("prescriptions")).hasSize(6).allSatisfy(p -> assertThat(p.get("active").asBoolean()).isFalse());
    JsonNode labs = chart.get("labTable");
    assertThat(labs.get("columns")).extracting(JsonNode::asText).containsExactly("2011-12-19 15:00");
    assertThat(labs.get("groups").get(0).get("categoryName").asText()).isEqualTo("生化学的検査");
    assertThat(labs.get("groups").get(0).get("specimen").asText()).isEqualTo("血清");
    // the admission only says "01"; the prescription's ORC-17 says 01^内科
    assertThat(chart.get("encounters")).anySatisfy(e -> {
      assertThat(e.get("kind").asText()).isEqualTo("入院");
      assertThat(e.get("department").asText()).isEqualTo("内科");
      assertThat(e.get("departmentCode").asText()).isEqualTo("01");
    });
    assertThat(chart.get("dataAsOf").get("patient").asText()).isEqualTo("2011-12-20 22:44");
    assertThat(chart.get("dataAsOf").get("storage").asText()).isNotEmpty();
  }

  @Test
  void theWarmUpBuildsOneChartInTheBackgroundAndEnds() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2025-03-12T03:00:00Z"), ZoneId.of("Asia/Tokyo"));
    IndexViewerData fresh = new IndexViewerData(FixtureIndex.shared(), clock);
    dev.ssmix2.core.storage.PatientId first = fresh.firstIndexedPatient().orElseThrow();
    assertThat(fresh.hasCachedChart(first)).isFalse();
    Thread warm = fresh.warmUpInBackground();
    assertThat(warm.isDaemon()).isTrue();
    warm.join(120_000);
    assertThat(warm.isAlive()).as("the warm-up ends").isFalse();
    assertThat(fresh.hasCachedChart(first)).isTrue();
  }

  @Test
  void aChartIsBuiltOncePerIndexVersionAndDay() {
    PatientChart first = data.patient(NHO).orElseThrow();
    assertThat(data.patient(NHO).orElseThrow()).isSameAs(first);
    assertThat(data.patient(OGAWA).orElseThrow()).isNotSameAs(first);
  }

  @Test
  void aNarrowWindowSendsTheNewestLabDateAndPagesBackToTheOldest() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-12T03:00:00Z"), ZoneId.of("Asia/Tokyo"));
    IndexViewerData narrow = new IndexViewerData(FixtureIndex.shared(), clock,
        new dev.ssmix2.core.summary.ChartWindow(1, 30, 0, 50, 60));
    PatientChart chart = narrow.patient(LabPatientRoot.LAB_PATIENT_ID).orElseThrow();
    assertThat(chart.labs()).extracting(LabResult::date).containsExactly("2024-03-10");
    assertThat(chart.labTable().olderBefore()).isEqualTo("2024-03-10");

    LabTable february = narrow.labs(LabPatientRoot.LAB_PATIENT_ID, LocalDate.parse("2024-03-10")).orElseThrow();
    assertThat(february.columns()).singleElement().asString().startsWith("2024-02-10");
    assertThat(february.olderBefore()).isEqualTo("2024-02-10");
    LabTable january = narrow.labs(LabPatientRoot.LAB_PATIENT_ID, LocalDate.parse("2024-02-10")).orElseThrow();
    assertThat(january.columns()).singleElement().asString().startsWith("2024-01-10");
    assertThat(january.olderBefore()).as("nothing older").isEmpty();
    assertThat(narrow.labs("0000000000", LocalDate.parse("2024-02-10"))).isEmpty();
  }

  @Test
  void ordersOlderThanTheWindowComeOnRequest() {
    Clock clock = Clock.fixed(Instant.parse("2025-03-12T03:00:00Z"), ZoneId.of("Asia/Tokyo"));
    IndexViewerData narrow = new IndexViewerData(FixtureIndex.shared(), clock,
        new dev.ssmix2.core.summary.ChartWindow(8, 30, 0, 50, 60));
    PatientChart chart = narrow.patient(OGAWA).orElseThrow();
    assertThat(chart.prescriptions()).as("the order of 2024-03-10 is a year older than the window").isEmpty();
    assertThat(chart.prescriptionsOlderBefore()).as("nothing read: page back from the chart date").isEqualTo("2025-03-12");

    MedicationPage older = narrow.medications(OGAWA, LocalDate.parse(chart.prescriptionsOlderBefore())).orElseThrow();
    assertThat(older.prescriptions()).extracting(Prescription::drug).containsExactly("パンスポリンＴ錠（１００mg)");
    assertThat(older.olderBefore()).isEmpty();
  }

  @Test
  void ogawasChartShowsOnlyTheCurrentPrescriptionAndNamesTheUnreadableFiles() {
    PatientChart chart = data.patient(OGAWA).orElseThrow();

    assertThat(chart.prescriptions()).extracting(Prescription::drug).containsExactly("パンスポリンＴ錠（１００mg)");
    String everything = json(chart).toString();
    assertThat(everything).as("superseded 301 version").doesNotContain("ダーゼン");
    assertThat(everything).as("deleted order 302").doesNotContain("アレピアチン");
    assertThat(chart.labs()).singleElement().satisfies(l -> {
      assertThat(l.value()).isEqualTo("6.9");
      assertThat(l.referenceRange()).isEqualTo("6.7-8.3");
    });
    assertThat(chart.allergiesRecorded()).as("no ADT-61, no AL1: allergies unknown").isFalse();
    assertThat(chart.notes()).anySatisfy(n -> assertThat(n).contains("_000000000000900_").contains("0 bytes"));
    assertThat(chart.notes()).anySatisfy(n -> assertThat(n).contains("_000000000000901_").contains("cut off"));
    assertThat(chart.notes()).noneMatch(n -> n.contains("Thumbs.db") || n.contains("notes.txt"));
  }

  @Test
  void aFlaggedLabValueKeepsItsFlag() {
    PatientChart chart = data.patient(LabPatientRoot.LAB_PATIENT_ID).orElseThrow();

    assertThat(chart.labs()).extracting(LabResult::date, LabResult::value, LabResult::abnormalFlag)
        .containsExactlyInAnyOrder(
        tuple("2024-01-10", "0.8", ""),
        tuple("2024-02-10", "1.0", ""),
        tuple("2024-03-10", LabPatientRoot.ABNORMAL_VALUE, "H"));
    assertThat(chart.allergies()).extracting(Allergy::allergen, Allergy::severity)
        .containsExactly(tuple(LabPatientRoot.ALLERGEN, "重度"));
  }

  @Test
  void anAmbiguousLabValueIsShownRawAndMarkedNeverAsAPart() {
    JsonNode labs = json(data.patient(LabPatientRoot.AMBIGUOUS_PATIENT_ID).orElseThrow()).get("labs");

    assertThat(labs).singleElement().satisfies(l -> {
      assertThat(l.get("name").asText()).isEqualTo("白血球数");
      assertThat(l.get("value").asText()).isEqualTo(LabPatientRoot.AMBIGUOUS_RAW);
      assertThat(l.get("ambiguity").asText()).contains("'^'");
      assertThat(l.get("unit").asText()).isEqualTo("/μL");
    });
    assertThat(json(data.patient(LabPatientRoot.LAB_PATIENT_ID).orElseThrow()).get("labs"))
        .allSatisfy(l -> assertThat(l.get("ambiguity").asText()).isEmpty());
  }

  @Test
  void theLabTableCellKeepsTheRawValueTheReasonAndTheComment() {
    JsonNode chart = json(data.patient(LabPatientRoot.AMBIGUOUS_PATIENT_ID).orElseThrow());
    JsonNode cell = chart.get("labTable").get("groups").get(0).get("rows").get(0).get("cells").get(0);
    assertThat(cell.get("value").asText()).isEqualTo(LabPatientRoot.AMBIGUOUS_RAW);
    assertThat(cell.get("ambiguity").asText()).contains("'^'");
    assertThat(cell.get("comments")).extracting(JsonNode::asText).containsExactly(LabPatientRoot.LAB_COMMENT);
    assertThat(chart.get("vitals")).extracting(v -> v.get("item").asText() + " " + v.get("value").asText())
        .containsExactlyInAnyOrder("体温 " + LabPatientRoot.VITAL_TEMPERATURE, "血圧 " + LabPatientRoot.VITAL_AMBIGUOUS);
  }

  @Test
  void recordsHideOlderVersionsUnlessHistoryIsAsked() {
    List<RecordRow> current = data.records(OGAWA, false).orElseThrow();
    List<RecordRow> all = data.records(OGAWA, true).orElseThrow();

    assertThat(current).extracting(RecordRow::dataType, RecordRow::date, RecordRow::status).containsExactly(
        tuple("OML-11", "2024-03-11", RecordStatus.CURRENT),
        tuple("OMP-01", "2024-03-10", RecordStatus.CURRENT));
    assertThat(all).extracting(RecordRow::status).containsExactly(
        RecordStatus.CURRENT, RecordStatus.CURRENT, RecordStatus.SUPERSEDED, RecordStatus.DELETED);
    assertThat(all.get(2).summary()).contains("ダーゼン");
    assertThat(all.get(3).file()).contains("_000000000000302_");
    assertThat(all).extracting(RecordRow::recordId).doesNotHaveDuplicates();
  }

  @Test
  void undatedRecordsHaveAnEmptyDate() {
    List<RecordRow> rows = data.records(NHO, false).orElseThrow();

    assertThat(rows).filteredOn(r -> r.dataType().equals("ADT-61")).singleElement()
        .satisfies(r -> assertThat(r.date()).isEmpty());
    assertThat(rows).extracting(RecordRow::date).allMatch(d -> d.isEmpty() || d.matches("\\d{4}-\\d\\d-\\d\\d"));
    assertThat(rows).extracting(RecordRow::dataType).doesNotContain("ADT-00");
  }

  @Test
  void rawDecodesTheHl7TextOfAnyVersion() {
    List<RecordRow> all = data.records(OGAWA, true).orElseThrow();

    RawRecord current = data.raw(all.get(1).recordId()).orElseThrow();
    RawRecord superseded = data.raw(all.get(2).recordId()).orElseThrow();

    assertThat(current.charset()).isEqualTo("ISO-2022-JP");
    assertThat(current.status()).isEqualTo(RecordStatus.CURRENT);
    assertThat(current.file()).isEqualTo(all.get(1).file());
    assertThat(current.text()).startsWith("MSH|^~\\&|").contains("\nPID|0001||0000000111^^^^PI||小川^健太")
        .contains("パンスポリン").doesNotContain("\r");
    assertThat(superseded.status()).isEqualTo(RecordStatus.SUPERSEDED);
    assertThat(superseded.text()).contains("ダーゼン");
  }

  @Test
  void forgedRecordIdsFindNothing() {
    byte[] random = new byte[48];
    new Random(5).nextBytes(random);
    String genuine = data.records(OGAWA, true).orElseThrow().get(1).recordId();
    String ogawa = genuine.substring(0, genuine.indexOf('~'));
    String nho = token(NHO);

    assertThat(data.raw(Base64.getUrlEncoder().encodeToString(random))).isEmpty();
    assertThat(data.raw(token("0:../../etc/passwd"))).isEmpty();
    assertThat(data.raw(token("1:" + OGAWA_DIR + "20240301/OMP-01/notes.txt"))).isEmpty();
    assertThat(data.raw(ogawa + "~" + token("../../../../etc/passwd"))).isEmpty();
    assertThat(data.raw(token("../" + OGAWA) + genuine.substring(genuine.indexOf('~')))).isEmpty();
    assertThat(data.raw(ogawa + "~" + token(OGAWA_DIR + "20240301/OMP-01/notes.txt")))
        .as("on disk, not indexed").isEmpty();
    assertThat(data.raw(nho + genuine.substring(genuine.indexOf('~')))).as("another patient's token").isEmpty();
    assertThat(data.raw(genuine.substring(0, genuine.length() - 1))).isEmpty();
    assertThat(data.raw(genuine)).as("the genuine token still works").isPresent();
  }

  @Test
  void recordIdsFitInOneUrlSegment() {
    assertThat(data.records(OGAWA, true).orElseThrow()).extracting(RecordRow::recordId)
        .allSatisfy(id -> assertThat(PathSegment.identifier(id)).isEqualTo(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not base64!", "~", "MDAwMDAwMDExMQ~", "~AAAAAAAAAAAAAAAAAAAAAA", "!!!~AAAA"})
  void malformedRecordIdsFindNothing(String id) {
    assertThat(data.raw(id)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"NOPE", "0000000000", "../9999013", "9999013/..", ""})
  void unknownPatientsAreEmpty(String id) {
    assertThat(data.patient(id)).isEmpty();
    assertThat(data.records(id, true)).isEmpty();
  }

  @Test
  void markupInANameIsPassedOnAsText() {
    assertThat(data.patient("0000000999").orElseThrow().name()).isEqualTo("<script>alert('x')</script>　太郎");
  }

  @Test
  void storageDatesBecomeIsoDates() {
    assertThat(IndexViewerData.isoDate("20240311")).isEqualTo("2024-03-11");
    assertThat(IndexViewerData.isoDate("-")).isEmpty();
    assertThat(IndexViewerData.isoDate("2024")).isEqualTo("2024");
  }

  @Test
  void fhirIsACollectionBundleOfTheCurrentJpCoreResources() throws Exception {
    JsonNode bundle = Json.mapper().readTree(data.fhir(NHO).orElseThrow());
    assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
    assertThat(bundle.get("type").asText()).isEqualTo("collection");
    List<String> types = StreamSupport.stream(bundle.get("entry").spliterator(), false)
        .map(e -> e.get("resource").get("resourceType").asText()).toList();
    assertThat(types.get(0)).isEqualTo("Patient");
    assertThat(types).contains("AllergyIntolerance", "Condition", "MedicationRequest", "Observation", "Encounter");
    assertThat(bundle.get("entry").get(0).get("resource").get("id").asText()).isEqualTo(NHO + ".ADT-00");
    assertThat(data.fhir("0000000000")).isEmpty();
    assertThat(data.fhir("../etc")).isEmpty();
  }
}

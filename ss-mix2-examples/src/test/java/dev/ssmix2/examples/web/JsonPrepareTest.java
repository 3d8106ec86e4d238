package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the server prepares before its first answer: every view model an answer holds, however deep. */
class JsonPrepareTest {

  @Test
  void aChartsRecordTypesAreFoundThroughListsAndNestedRecords() {
    assertThat(Json.recordTypes(PatientChart.class)).contains(PatientChart.class, PatientChart.AsOf.class,
        Allergy.class, Prescription.class, LabResult.class, LabTable.class, LabTable.Group.class,
        LabTable.Row.class, LabTable.Cell.class, Problem.class, Encounter.class, VitalSign.class, FacilityInfo.class);
  }

  @Test
  void otherAnswersAndTheAuditLineAreFoundToo() {
    assertThat(Json.recordTypes(SearchResponse.class, MedicationPage.class, AuditLog.lineType()))
        .contains(SearchResponse.class, SearchHit.class, MedicationPage.class, Prescription.class,
            AuditLog.lineType());
  }

  @Test
  void preparedTypesWriteAsBefore() {
    FacilityInfo info = new FacilityInfo("1312345678", "仙台病院");
    String before = Json.line(info);
    Json.prepare(PatientChart.class, SearchResponse.class);
    assertThat(Json.line(info)).isEqualTo(before).isEqualTo("{\"code\":\"1312345678\",\"name\":\"仙台病院\"}");
  }
}

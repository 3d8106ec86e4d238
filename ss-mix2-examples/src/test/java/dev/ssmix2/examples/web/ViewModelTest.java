package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ViewModelTest {

  @Test
  void nullsFromTheDataLayerBecomeEmptyValues() {
    RecordRow row = new RecordRow(null, "OMP-01", null, null, null, null, null, null, null);

    assertThat(row.recordId()).isEmpty();
    assertThat(row.status()).isEqualTo(RecordStatus.CURRENT);
    assertThat(new SearchHit("1", null, null, null, null, null, 0, null).birthDate()).isEmpty();
  }

  @Test
  void aListedAllergyMeansAllergiesAreRecorded() {
    PatientChart chart = chart(false, List.of(new Allergy("ペニシリン", null, null, null)));

    assertThat(chart.allergiesRecorded()).isTrue();
    assertThat(chart(false, List.of()).allergiesRecorded()).isFalse();
  }

  @Test
  void serialisesOptionalsAsValueOrNullAndDatesAsIso() throws Exception {
    SearchHit known = new SearchHit("1", "山田", "ヤマダ", Optional.of(LocalDate.of(1950, 4, 1)), OptionalInt.of(74), "M",
        1.5, List.of("読み一致"));
    SearchHit unknown = new SearchHit("2", "", "", Optional.empty(), OptionalInt.empty(), "U", 1, List.of());

    JsonNode a = Json.mapper().readTree(Json.bytes(known));
    JsonNode b = Json.mapper().readTree(Json.bytes(unknown));

    assertThat(a.get("birthDate").asText()).isEqualTo("1950-04-01");
    assertThat(a.get("age").asInt()).isEqualTo(74);
    assertThat(b.get("birthDate").isNull()).isTrue();
    assertThat(b.get("age").isNull()).isTrue();
  }

  @Test
  void statusesHaveLowerCaseJsonNames() {
    assertThat(Json.line(List.of(RecordStatus.values()))).isEqualTo("[\"current\",\"superseded\",\"deleted\"]");
    assertThat(Json.line(AuditAction.VIEW_RAW)).isEqualTo("\"view-raw\"");
  }

  private static PatientChart chart(boolean recorded, List<Allergy> allergies) {
    return new PatientChart("1", "", "", "", Optional.empty(), OptionalInt.empty(), "", "", List.of(), recorded,
        allergies, List.of(), List.of(), List.of(), List.of(), List.of());
  }
}

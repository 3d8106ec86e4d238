package dev.ssmix2.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The per-row shortcuts of the export write what the slower forms they replace wrote. */
class RowBuildingTest {

  @Test
  void yearMonthIsWhatTheFormatterWrites() {
    for (LocalDate d : List.of(LocalDate.of(1, 1, 1), LocalDate.of(9, 9, 30), LocalDate.of(99, 10, 1),
        LocalDate.of(999, 11, 15), LocalDate.of(1932, 2, 29), LocalDate.of(2024, 12, 31), LocalDate.of(9999, 1, 1),
        LocalDate.of(0, 5, 5), LocalDate.of(-3, 6, 6), LocalDate.of(10000, 7, 7))) {
      assertThat(PatientExporter.yearMonth(d)).as("%s", d)
          .isEqualTo(String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue()));
    }
  }

  @Test
  void aDeidentifiedRowDropsIdentifyingColumnsAndRefusesUnknownOnes() {
    TableSpec files = Tables.of(false).stream().filter(t -> t.name().equals(Tables.FILES)).findFirst().orElseThrow();
    TableSpec.Row row = files.row().put("patient_id", "0000000001").put("record_id", "r1").put("facility", "");
    assertThat(files.has("patient_id")).isFalse();
    assertThat(files.has("record_id")).isTrue();
    assertThat(row.get("patient_id")).isNull();
    assertThat(row.get("record_id")).isEqualTo("r1");
    assertThat(row.get("facility")).as("an empty text is written as null").isNull();
    assertThat(row.values()).containsOnlyOnce("r1");
    assertThatThrownBy(() -> files.row().put("no_such_column", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("files has no column no_such_column");

    TableSpec identified = Tables.of(true).stream().filter(t -> t.name().equals(Tables.FILES)).findFirst()
        .orElseThrow();
    assertThat(identified.has("patient_id")).isTrue();
    assertThat(identified.row().put("patient_id", "0000000001").get("patient_id")).isEqualTo("0000000001");
  }
}

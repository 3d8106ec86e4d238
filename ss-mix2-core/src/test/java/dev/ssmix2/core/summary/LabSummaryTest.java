package dev.ssmix2.core.summary;

import static dev.ssmix2.core.storage.StandardDataType.OML_11;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabSummaryTest {
  @TempDir Path dir;

  private static String[] result(String when, String... obx) {
    String[] head = {"PV1|0001|O|01^^^^^C", "SPM|1|000000001||023^血清^JC10|||||||||||||" + when,
        "OBR|1|000000011000354||E001^血液学的検査^99O03", "ORC|SC|000000011000354||||||||||||||||01^内科^99XY1"};
    String[] all = new String[head.length + obx.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(obx, 0, all, head.length, obx.length);
    return all;
  }

  private ChartFiles twoDays() {
    return new ChartFiles(dir)
        .write(OML_11, "20240301", "000000000000201", "20240301120000000", "OUL^R22^OUL_R22",
            result("202403010900",
                "OBX|1|NM|3A010000002327101^総蛋白^JC10||7.2|g/dL^g/dL^99XYZ|6.6-8.1||||F|||202403010900",
                "OBX|2|NM|2A990000001930101^白血球数^JC10||9.9|10*3/uL^10*3/uL^99XYZ|3.3-8.6|H|||F|||202403010900"))
        .write(OML_11, "20240305", "000000000000202", "20240305120000000", "OUL^R22^OUL_R22",
            result("202403050830",
                "OBX|1|NM|3A010000002327101^総蛋白^JC10||6.1|g/dL^g/dL^99XYZ|6.6-8.1|L|||F|||202403050830",
                "OBX|2|ST|5F016141002305101^HBs抗原^JC10||陰性||||||F|||202403050830"));
  }

  @Test
  void testsAreGroupedByCategoryAndSpecimenWithNewestColumnFirst() {
    LabMatrix m = ClinicalSummary.read(twoDays().storage(), ChartFiles.PATIENT, LocalDate.of(2024, 3, 6)).labs();
    assertThat(m.columns()).extracting(LabColumn::display).containsExactly("2024-03-05 08:30", "2024-03-01 09:00");
    assertThat(m.groups()).extracting(g -> g.category() + " " + g.categoryName() + " " + g.specimen())
        .containsExactly("2 血液学的検査 血清", "3 生化学的検査 血清", "5 免疫学的検査 血清");
    LabRow protein = m.groups().get(1).rows().get(0);
    assertThat(protein.name()).isEqualTo("総蛋白");
    assertThat(protein.cells()).extracting(LabCell::value).containsExactly("6.1", "7.2");
    assertThat(protein.latest().isAbnormal()).isTrue();
    assertThat(protein.latest().abnormalFlag()).isEqualTo("L");
    assertThat(protein.unit()).isEqualTo("g/dL");
    assertThat(protein.referenceRange()).isEqualTo("6.6-8.1");
    assertThat(protein.cells().get(1).isAbnormal()).isFalse();
  }

  @Test
  void newestAndBeforeCutTheMatrixIntoPages() {
    LabMatrix m = ClinicalSummary.read(twoDays().storage(), ChartFiles.PATIENT, LocalDate.of(2024, 3, 6)).labs();
    LabMatrix first = m.newest(1);
    assertThat(first.columns()).extracting(LabColumn::display).containsExactly("2024-03-05 08:30");
    assertThat(first.groups()).extracting(LabGroup::category).containsExactly("3", "5"); // no blood count that day
    LabMatrix older = m.before(first.columns().get(0), 5);
    assertThat(older.columns()).extracting(LabColumn::display).containsExactly("2024-03-01 09:00");
    assertThat(older.groups()).extracting(LabGroup::category).containsExactly("2", "3");
    assertThat(m.before(older.columns().get(0), 5).isEmpty()).isTrue();
  }

  @Test
  void infectionSerologyIsListedWithItsValueAsSent() {
    ClinicalSummary s = ClinicalSummary.read(twoDays().storage(), ChartFiles.PATIENT, LocalDate.of(2024, 3, 6));
    assertThat(s.infections()).extracting(LabRow::name).containsExactly("HBs抗原");
    assertThat(s.infections().get(0).latest().value()).isEqualTo("陰性");
  }

  @Test
  void aValueWithoutTimeTakesTheCareDateAndOneWithoutAnyDateIsAFinding() {
    ChartFiles f = new ChartFiles(dir).write(OML_11, "20240301", "000000000000201", "20240301120000000",
        "OUL^R22^OUL_R22", "PV1|0001|O", "SPM|1|000000001||023^血清^JC10", "OBR|1|000000011000354",
        "ORC|SC|000000011000354", "OBX|1|NM|3A010000002327101^総蛋白^JC10||7.2|g/dL^g/dL^99XYZ|6.6-8.1||||F");
    LabMatrix m = ClinicalSummary.read(f.storage(), ChartFiles.PATIENT, LocalDate.of(2024, 3, 6)).labs();
    assertThat(m.columns()).containsExactly(new LabColumn(LocalDate.of(2024, 3, 1), Optional.empty()));

    ChartFiles undated = new ChartFiles(dir.resolve("undated")).write(OML_11, "-", "000000000000201",
        "20240301120000000", "OUL^R22^OUL_R22", "PV1|0001|O", "SPM|1|000000001||023^血清^JC10",
        "OBR|1|000000011000354", "ORC|SC|000000011000354", "OBX|1|NM|3A010000002327101^総蛋白^JC10||7.2");
    ClinicalSummary s = ClinicalSummary.read(undated.storage(), ChartFiles.PATIENT, LocalDate.of(2024, 3, 6));
    assertThat(s.labs().isEmpty()).isTrue();
    assertThat(s.findings()).extracting(SummaryFinding::code).containsExactly(SummaryFinding.Code.LAB_VALUE_UNDATED);
  }

  @Test
  void columnsKeepMinutesOnlyAndSortNewestFirst() {
    LabColumn morning = new LabColumn(LocalDate.of(2024, 3, 1), Optional.of(LocalTime.of(9, 0, 31)));
    LabColumn dayOnly = new LabColumn(LocalDate.of(2024, 3, 1), Optional.empty());
    LabColumn next = new LabColumn(LocalDate.of(2024, 3, 2), Optional.empty());
    assertThat(morning.display()).isEqualTo("2024-03-01 09:00");
    assertThat(new java.util.TreeSet<>(java.util.List.of(dayOnly, morning, next))).containsExactly(next, morning,
        dayOnly);
  }
}

package dev.ssmix2.core.summary;

import static dev.ssmix2.core.storage.StandardDataType.OMP_01;
import static dev.ssmix2.core.storage.StandardDataType.OMP_02;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MedicationSummaryTest {
  @TempDir Path dir;

  private static String[] rx(String control, String drug, String tq1) {
    return new String[] {"PV1|0001|O|01^^^^^C",
        "ORC|" + control + "|000000000000101||1|||||20240301100000|||||||||01^内科^99XY1",
        "RXE||" + drug + "^HOT9|1||TAB^錠^MR9P",
        "TQ1|1||1013044400000000&内服・経口・１日３回朝昼夕食後&JAMISDP01|||" + tq1,
        "RXR|PO^口^HL70162"};
  }

  private ClinicalSummary summary(ChartFiles f, LocalDate asOf) {
    return ClinicalSummary.read(f.storage(), ChartFiles.PATIENT, asOf);
  }

  @Test
  void anOrderIsActiveFromItsStartForItsDaysInclusive() {
    ChartFiles f = new ChartFiles(dir).write(OMP_01, "20240301", "000000000000101", "20240301100000000",
        "RDE^O11^RDE_O11", rx("NW", "108665201^ダーゼン錠", "5^d|2024030108"));
    assertThat(summary(f, LocalDate.of(2024, 2, 29)).activeMedications()).isEmpty();
    assertThat(summary(f, LocalDate.of(2024, 3, 1)).activeMedications()).hasSize(1);
    assertThat(summary(f, LocalDate.of(2024, 3, 5)).activeMedications()).extracting(Medication::drugNames)
        .containsExactly("ダーゼン錠");
    ClinicalSummary after = summary(f, LocalDate.of(2024, 3, 6));
    assertThat(after.activeMedications()).isEmpty();
    assertThat(after.medications()).hasSize(1);
    Medication m = after.medications().get(0);
    assertThat(m.lastDay()).contains(LocalDate.of(2024, 3, 5));
    assertThat(m.days()).contains(5);
    assertThat(m.usage().display()).isEqualTo("内服・経口・１日３回朝昼夕食後");
    assertThat(m.route().code()).isEqualTo("PO");
  }

  @Test
  void theStartDateCountsNotTheCareDate() {
    ChartFiles f = new ChartFiles(dir).write(OMP_01, "20240301", "000000000000101", "20240301100000000",
        "RDE^O11^RDE_O11", rx("NW", "108665201^ダーゼン錠", "7^d|20240310"));
    assertThat(summary(f, LocalDate.of(2024, 3, 5)).activeMedications()).isEmpty();
    assertThat(summary(f, LocalDate.of(2024, 3, 16)).activeMedications()).hasSize(1);
    assertThat(summary(f, LocalDate.of(2024, 3, 17)).activeMedications()).isEmpty();
  }

  @Test
  void anExplicitEndDateWinsOverDays() {
    ChartFiles f = new ChartFiles(dir).write(OMP_01, "20240301", "000000000000101", "20240301100000000",
        "RDE^O11^RDE_O11", rx("NW", "108665201^ダーゼン錠", "30^d|20240301|20240303"));
    assertThat(summary(f, LocalDate.of(2024, 3, 3)).activeMedications()).hasSize(1);
    assertThat(summary(f, LocalDate.of(2024, 3, 4)).activeMedications()).isEmpty();
  }

  @Test
  void withoutStartOrDaysAnOrderRunsOnItsCareDateOnly() {
    ChartFiles f = new ChartFiles(dir).write(OMP_02, "20240301", "000000000000101", "20240301100000000",
        "RDE^O11^RDE_O11", "PV1|0001|I", "ORC|NW|000000000000101||1", "RXE||00^一般^99I02|1",
        "TQ1|1", "RXR|IV^静脈内^HL70162", "RXC|B|620007429^生理食塩液^HOT9|100|ML^mL^MR9P",
        "RXC|A|620004475^アドナ注^HOT9|1|AMP^A^MR9P");
    ClinicalSummary on = summary(f, LocalDate.of(2024, 3, 1));
    assertThat(on.activeMedications()).extracting(Medication::drugNames).containsExactly("生理食塩液 + アドナ注");
    assertThat(on.activeMedications().get(0).firstDay()).contains(LocalDate.of(2024, 3, 1));
    assertThat(summary(f, LocalDate.of(2024, 3, 2)).activeMedications()).isEmpty();
  }

  @Test
  void cancelledGroupsAndCancelMessagesAreNotMedications() {
    ChartFiles f = new ChartFiles(dir)
        .write(OMP_01, "20240301", "000000000000101", "20240301100000000", "RDE^O11^RDE_O11",
            concat(rx("NW", "108665201^ダーゼン錠", "5^d|20240301"),
                rx("CA", "110626901^パンスポリン錠", "5^d|20240301")))
        .write(OMP_01, "20240301", "000000000000102", "20240301110000000", "RDE^O11^RDE_O11",
            rx("CA", "100607002^アレピアチン散", "5^d|20240301"));
    ClinicalSummary s = ClinicalSummary.of(ChartFiles.PATIENT, LocalDate.of(2024, 3, 1), f.reads());
    assertThat(s.medications()).extracting(Medication::drugNames).containsExactly("ダーゼン錠");
  }

  @Test
  void historyIsNewestFirstAndOnlyRunningOrdersAreActive() {
    ChartFiles f = new ChartFiles(dir)
        .write(OMP_01, "20240101", "000000000000101", "20240101100000000", "RDE^O11^RDE_O11",
            rx("NW", "108665201^古い薬", "28^d|20240101"))
        .write(OMP_01, "20240220", "000000000000102", "20240220100000000", "RDE^O11^RDE_O11",
            rx("NW", "110626901^今の薬", "28^d|20240220"));
    ClinicalSummary s = summary(f, LocalDate.of(2024, 3, 1));
    assertThat(s.medications()).extracting(Medication::drugNames).containsExactly("今の薬", "古い薬");
    assertThat(s.activeMedications()).extracting(Medication::drugNames).containsExactly("今の薬");
  }

  private static String[] concat(String[] a, String[] b) {
    List<String> out = new java.util.ArrayList<>(List.of(a));
    out.addAll(List.of(b).subList(1, b.length)); // one PV1
    return out.toArray(String[]::new);
  }
}

package dev.ssmix2.core.summary;

import static dev.ssmix2.core.storage.StandardDataType.ADT_12;
import static dev.ssmix2.core.storage.StandardDataType.ADT_22;
import static dev.ssmix2.core.storage.StandardDataType.OMP_01;
import static dev.ssmix2.core.storage.StandardDataType.PPR_01;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.PatientId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problem list, encounters, data-as-of and the builder's contract. */
class ChartSummaryTest {
  private static final LocalDate AS_OF = LocalDate.of(2024, 3, 10);
  private static final String GASTRITIS = "PRB|AD|20240101|20054174^胃炎^MDCDX2|P1|||20240101||20240101"
      + "|K297^^I10||||N^回復せず^HL70241||20231220";
  private static final String DIABETES = "PRB|AD|20240101|20061234^２型糖尿病^MDCDX2|P2|||20240101||20240101"
      + "|E11^^I10||||N^回復せず^HL70241||20230501";

  @TempDir Path dir;

  @Test
  void deletedDiagnosesAreDroppedAndTheNewestStatementOfEachWins() {
    ChartFiles f = new ChartFiles(dir)
        .write(PPR_01, "-", "000000000000001", "20240101100000000", "PPR^ZD1^PPR_ZD1", GASTRITIS, DIABETES)
        // another writer sends one file per diagnosis event: a later file deletes 胃炎
        .write(PPR_01, "-", "000000000000002", "20240201100000000", "PPR^ZD1^PPR_ZD1",
            GASTRITIS.replace("PRB|AD|", "PRB|DE|"));
    // both read as current, as a reader that unions the lists of several current files gives them
    List<Diagnosis> problems = ClinicalSummary.of(ChartFiles.PATIENT, AS_OF, List.of(
        f.read("000000000000001", "20240101100000000"), f.read("000000000000002", "20240201100000000"))).problems();
    assertThat(problems).extracting(Diagnosis::name).containsExactly("２型糖尿病");
    Diagnosis d = problems.get(0);
    assertThat(d.icd10()).contains("E11");
    assertThat(d.status().display()).isEqualTo("回復せず");
    assertThat(d.onset()).hasValueSatisfying(t -> assertThat(t.raw()).isEqualTo("20230501"));
  }

  @Test
  void anOlderStatementDoesNotReviveADeletedDiagnosis() {
    ChartFiles f = new ChartFiles(dir)
        .write(PPR_01, "-", "000000000000002", "20240201100000000", "PPR^ZD1^PPR_ZD1",
            GASTRITIS.replace("PRB|AD|", "PRB|DE|"))
        .write(PPR_01, "-", "000000000000001", "20240101100000000", "PPR^ZD1^PPR_ZD1", GASTRITIS);
    assertThat(ClinicalSummary.of(ChartFiles.PATIENT, AS_OF, List.of(f.read("000000000000002", "20240201100000000"),
        f.read("000000000000001", "20240101100000000"))).problems()).isEmpty();
  }

  @Test
  void encountersTakeTheDepartmentNameThatOrdersSendInOrc17() {
    ChartFiles f = new ChartFiles(dir)
        .write(ADT_12, "20240301", FileName.NO_ORDER, "20240301090000000", "ADT^A04^ADT_A01",
            "EVN||20240301090000", "PV1|0001|O|01^^^^^C||||||||||||||||||||||||||||||||||||||20240301090000")
        .write(ADT_22, "20240305", FileName.NO_ORDER, "20240305090000000", "ADT^A01^ADT_A01",
            "EVN||20240305090000", "PV1|0001|I|32^302^1^^^N|||||||08||||||||||||||||||||||||||||||20240305090000")
        .write(OMP_01, "20240301", "000000000000101", "20240301100000000", "RDE^O11^RDE_O11", "PV1|0001|O",
            "ORC|NW|000000000000101||1|||||20240301100000||||||||01^内科^99XY1", "RXE||108665201^ダーゼン錠^HOT9|1",
            "TQ1|1||||||20240301", "RXR|PO^口^HL70162");
    List<Visit> visits = ClinicalSummary.read(f.storage(), ChartFiles.PATIENT, AS_OF).encounters();
    assertThat(visits).extracting(v -> v.kind().japanese() + " " + v.departmentCode() + " " + v.departmentName())
        .containsExactly("入院 08 ", "外来受付 01 内科");
    assertThat(visits.get(0).ward()).isEqualTo("32");
    assertThat(visits.get(1).day()).contains(LocalDate.of(2024, 3, 1));
  }

  @Test
  void dataAsOfIsTheNewestFileTimeOfThePatientAndWhatTheCallerSaysOfTheStorage() {
    ChartFiles f = new ChartFiles(dir)
        .write(ADT_12, "20240301", FileName.NO_ORDER, "20240301090000000", "ADT^A04^ADT_A01", "PV1|0001|O|01^^^^^C")
        .write(ADT_12, "20240305", FileName.NO_ORDER, "20240305091500123", "ADT^A04^ADT_A01", "PV1|0001|O|01^^^^^C");
    ClinicalSummary s = ClinicalSummary.read(f.storage(), ChartFiles.PATIENT, AS_OF);
    assertThat(s.dataAsOf().patient()).contains(LocalDateTime.of(2024, 3, 5, 9, 15, 0, 123_000_000));
    assertThat(s.dataAsOf().storage()).isEmpty();

    ClinicalSummary.Builder b = ClinicalSummary.builder(ChartFiles.PATIENT, AS_OF)
        .storageNewest(LocalDateTime.of(2024, 3, 9, 23, 0));
    f.reads().stream().filter(r -> r.file().name().date().token().equals("20240301")).forEach(b::add);
    ClinicalSummary partial = b.build();
    assertThat(partial.dataAsOf().patient()).contains(LocalDateTime.of(2024, 3, 1, 9, 0));
    assertThat(partial.dataAsOf().storage()).contains(LocalDateTime.of(2024, 3, 9, 23, 0));
  }

  @Test
  void anUnreadableFileIsAFindingAndTheRestIsStillSummarised() throws Exception {
    ChartFiles f = new ChartFiles(dir).write(PPR_01, "-", "000000000000001", "20240101100000000",
        "PPR^ZD1^PPR_ZD1", DIABETES);
    Path folder = dir.resolve("000/012/0000123456/20240301/OMP-01");
    Files.createDirectories(folder);
    Files.write(folder.resolve("0000123456_20240301_OMP-01_000000000000101_20240301100000000_01_1"), new byte[0]);
    ClinicalSummary s = ClinicalSummary.read(f.storage(), ChartFiles.PATIENT, AS_OF);
    assertThat(s.problems()).hasSize(1);
    assertThat(s.findings()).singleElement().satisfies(x -> {
      assertThat(x.code()).isEqualTo(SummaryFinding.Code.UNREADABLE_FILE);
      assertThat(x.file()).endsWith("_OMP-01_000000000000101_20240301100000000_01_1");
    });
  }

  @Test
  void supersededVersionsAndOtherPatientsAreNotTheChart() {
    ChartFiles f = new ChartFiles(dir)
        .write(PPR_01, "-", FileName.NO_ORDER, "20240101100000000", "PPR^ZD1^PPR_ZD1", GASTRITIS)
        .write(PPR_01, "-", FileName.NO_ORDER, "20240201100000000", "PPR^ZD1^PPR_ZD1", DIABETES);
    List<ReadResult> all = f.reads(); // the older file is _2: read as superseded
    assertThat(ClinicalSummary.of(ChartFiles.PATIENT, AS_OF, all).problems()).extracting(Diagnosis::name)
        .containsExactly("２型糖尿病");
    assertThatThrownBy(() -> ClinicalSummary.of(PatientId.of("0000999999"), AS_OF, all))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to patient 0000123456");
  }

  @Test
  void aPatientWithoutFilesHasAnEmptySummary() {
    ClinicalSummary s = ClinicalSummary.read(new ChartFiles(dir).storage(), ChartFiles.PATIENT, AS_OF);
    assertThat(s.allergies().state()).isEqualTo(Allergies.State.NOT_RECORDED);
    assertThat(s.medications()).isEmpty();
    assertThat(s.labs().isEmpty()).isTrue();
    assertThat(s.dataAsOf().patient()).isEmpty();
  }
}

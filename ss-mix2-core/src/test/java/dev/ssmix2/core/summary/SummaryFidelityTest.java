package dev.ssmix2.core.summary;

import static dev.ssmix2.core.storage.StandardDataType.OML_11;
import static dev.ssmix2.core.storage.StandardDataType.PPR_01;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reader keeps of a value stays in the summary: ambiguous values as raw text with their reason, NTE comments,
 * vital signs of the extended storage, split problem lists united.
 */
class SummaryFidelityTest {
  private static final LocalDate AS_OF = LocalDate.of(2024, 3, 10);
  private static final String VITALS = "L-OBSERVATIONS^OBSERVATIONS^99ZL01";

  @TempDir Path dir;

  @Test
  void anAmbiguousLabValueKeepsItsRawTextAndReasonAndCommentsStayWithTheirValue() {
    ChartFiles f = new ChartFiles(dir).write(OML_11, "20240301", "000000000000201", "20240301120000000",
        "OUL^R22^OUL_R22", "PV1|0001|O", "SPM|1|000000001||023^血清^JC10|||||||||||||202403010900",
        "OBR|1|000000011000354", "ORC|SC|000000011000354",
        "OBX|1|ST|2A010000001930901^白血球数^JC10||500×10^4|/μL|3300-8600||||F|||202403010900",
        "OBX|2|NM|3A010000002327101^総蛋白^JC10||7.2|g/dL|6.6-8.1||||F|||202403010900",
        "NTE|1||溶血あり", "NTE|2||再検予定");
    LabMatrix m = ClinicalSummary.read(f.storage(), ChartFiles.PATIENT, AS_OF).labs();
    LabCell wbc = m.rows(c -> c.startsWith("2A01")).get(0).latest();
    assertThat(wbc.value()).isEqualTo("500×10^4");
    assertThat(wbc.ambiguity()).hasValueSatisfying(r -> assertThat(r).isNotBlank());
    LabCell protein = m.rows(c -> c.startsWith("3A01")).get(0).latest();
    assertThat(protein.ambiguity()).isEmpty();
    assertThat(protein.comments()).containsExactly("溶血あり", "再検予定");
    assertThat(wbc.comments()).isEmpty();
  }

  @Test
  void vitalSignsAreListedNewestFirstWithAnAmbiguousValueKeptRaw() throws IOException {
    vitals("20240301", "202403011500321", "OBR|1||||||20240301150000",
        "OBX|1|NM|8310-5^体温^LN||36.8|Cel^Cel^UCUM", "OBX|2|NM|8480-6^収縮期血圧^LN||120^80|mm[Hg]^mm[Hg]^UCUM");
    vitals("20240302", "202403020900000", "OBR|1||||||20240302090000",
        "OBX|1|NM|8310-5^体温^LN||37.9|Cel^Cel^UCUM");
    ClinicalSummary s = ClinicalSummary.read(new ChartFiles(dir).storage(), ChartFiles.PATIENT, AS_OF);
    assertThat(s.vitals()).extracting(v -> v.item().display() + " " + v.value() + " " + v.unit())
        .as("newest first; one measurement time in the order sent")
        .containsExactly("体温 37.9 Cel", "体温 36.8 Cel", "収縮期血圧 120^80 mm[Hg]");
    Vital pressure = s.vitals().get(2);
    assertThat(pressure.ambiguity()).isPresent();
    assertThat(pressure.date()).contains(LocalDate.of(2024, 3, 1));
    assertThat(s.vitals().get(0).ambiguity()).isEmpty();
    assertThat(s.vitals().get(0).time()).hasValueSatisfying(t -> assertThat(t.raw()).startsWith("202403020900"));
  }

  @Test
  void aVitalSignsFolderIsInTheChartWindow() throws IOException {
    vitals("20240301", "202403011500321", "OBR|1||||||20240301150000", "OBX|1|NM|8310-5^体温^LN||36.8|Cel");
    vitals("20240302", "202403020900000", "OBR|1||||||20240302090000", "OBX|1|NM|8310-5^体温^LN||37.9|Cel");
    List<dev.ssmix2.core.storage.StorageFile> files;
    try (var st = new ChartFiles(dir).storage().files(ChartFiles.PATIENT)) {
      files = st.toList();
    }
    ChartWindow.Choice<dev.ssmix2.core.storage.StorageFile> one = new ChartWindow(1, 1, 0, 1, 1).select(files, AS_OF);
    assertThat(one.read()).extracting(x -> x.name().date().token()).containsExactly("20240302");
    assertThat(one.notRead()).hasSize(1);
    assertThat(new ChartWindow(1, 1, 0, 1, 0).select(files, AS_OF).read()).isEmpty();
  }

  @Test
  void problemListsSplitOverFilesAreOneListKeyedByTheProblemsInstanceId() {
    ChartFiles f = new ChartFiles(dir)
        .write(PPR_01, "-", "000000000000001", "20240101100000000", "PPR^ZD1^PPR_ZD1",
            "PRB|AD|20240101|20054174^胃炎^MDCDX2|P1|||20240101||20240101|K297^^I10||||N^回復せず^HL70241||20231220")
        // the same problem (PRB-4 P1) restated with another code in a newer file: one entry, the newer one
        .write(PPR_01, "-", "000000000000002", "20240201100000000", "PPR^ZD1^PPR_ZD1",
            "PRB|UP|20240201|20054175^慢性胃炎^MDCDX2|P1|||20240201||20240201|K295^^I10||||C^治癒^HL70241||20231220",
            "PRB|AD|20240201|20061234^２型糖尿病^MDCDX2|P2|||20240201||20240201|E11^^I10||||N^回復せず^HL70241||20230501");
    List<Diagnosis> problems = ClinicalSummary.read(f.storage(), ChartFiles.PATIENT, AS_OF).problems();
    assertThat(problems).extracting(d -> d.name() + " " + d.status().display())
        .containsExactlyInAnyOrder("慢性胃炎 治癒", "２型糖尿病 回復せず");
    assertThat(problems).allSatisfy(d -> assertThat(d.file().name().orderNo()).isEqualTo("000000000000002"));
  }

  /** One ORU^R30 content folder of the extended storage, main document in ISO-2022-JP as the standard says. */
  private void vitals(String day, String timestamp, String... segments) throws IOException {
    String folder = ChartFiles.PATIENT.value() + "_" + day + "_" + VITALS + "_0000000" + day + "_" + timestamp + "_1";
    String id = ChartFiles.PATIENT.value();
    Path path = Files.createDirectories(dir.resolve(id.substring(0, 3) + "/" + id.substring(3, 6) + "/" + id + "/"
        + day + "/" + VITALS + "/" + folder));
    StringBuilder sb = new StringBuilder("MSH|^~\\&|V|F|GW|F|" + timestamp.substring(0, 14)
        + "||ORU^R30^ORU_R30|1|P|2.5||||||~ISO IR87||ISO 2022-1994\r" + ChartFiles.PID + "\r");
    for (String s : segments) {
      sb.append(s).append('\r');
    }
    Files.write(path.resolve("main_document.hl7"), sb.toString().getBytes(Charset.forName("ISO-2022-JP")));
  }
}

package dev.ssmix2.core.summary;

import static dev.ssmix2.core.storage.StandardDataType.ADT_00;
import static dev.ssmix2.core.storage.StandardDataType.ADT_61;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.FileName;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllergySummaryTest {
  private static final String NO = FileName.NO_ORDER;
  private static final LocalDate AS_OF = LocalDate.of(2024, 3, 1);
  private static final String DRUG = "IAM|2|DA^薬剤アレルギー^HL70127|1^ペニシリン^99XYZ|SV^重度^HL70128|発疹|A^追加^HL70323";
  private static final String POLLEN = "IAM|1|LA^花粉アレルギー^HL70127|5A1002216023023^スギ^JC10|MI^軽度^HL70128|目のかゆみ"
      + "|A^追加^HL70323";

  @TempDir Path dir;

  private ClinicalSummary summary(ChartFiles files) {
    return ClinicalSummary.read(files.storage(), ChartFiles.PATIENT, AS_OF);
  }

  @Test
  void iamAllergiesAreRecordedWithDrugAllergiesFirst() {
    ChartFiles f = new ChartFiles(dir).write(ADT_61, "-", NO, "20240101100000000", "ADT^A60^ADT_A60", POLLEN, DRUG);
    Allergies a = summary(f).allergies();
    assertThat(a.state()).isEqualTo(Allergies.State.RECORDED);
    assertThat(a.entries()).extracting(e -> e.allergen().display()).containsExactly("ペニシリン", "スギ");
    AllergyEntry drug = a.entries().get(0);
    assertThat(drug.isDrugAllergy()).isTrue();
    assertThat(drug.severity().display()).isEqualTo("重度");
    assertThat(drug.reaction()).isEqualTo("発疹");
  }

  @Test
  void withdrawnAllergiesAreNotListedButCounted() {
    ChartFiles f = new ChartFiles(dir).write(ADT_61, "-", NO, "20240101100000000", "ADT^A60^ADT_A60", POLLEN,
        DRUG.replace("A^追加^HL70323", "D^削除^HL70323"));
    Allergies a = summary(f).allergies();
    assertThat(a.entries()).extracting(e -> e.allergen().display()).containsExactly("スギ");
    assertThat(a.withdrawn()).isEqualTo(1);
  }

  @Test
  void everyAllergyWithdrawnMeansRecordedAsNone() {
    ChartFiles f = new ChartFiles(dir).write(ADT_61, "-", NO, "20240101100000000", "ADT^A60^ADT_A60",
        DRUG.replace("A^追加^HL70323", "D^削除^HL70323"));
    Allergies a = summary(f).allergies();
    assertThat(a.state()).isEqualTo(Allergies.State.NONE_KNOWN);
    assertThat(a.withdrawn()).isEqualTo(1);
  }

  @Test
  void anAllergyMessageWithoutIamSaysNone() {
    ChartFiles f = new ChartFiles(dir).write(ADT_61, "-", NO, "20240101100000000", "ADT^A60^ADT_A60");
    assertThat(summary(f).allergies().state()).isEqualTo(Allergies.State.NONE_KNOWN);
  }

  @Test
  void anExplicitNoKnownAllergyEntrySaysNoneAndIsNotAnAllergen() {
    ChartFiles f = new ChartFiles(dir).write(ADT_61, "-", NO, "20240101100000000", "ADT^A60^ADT_A60",
        "IAM|1|DA^薬剤アレルギー^HL70127|NKA^なし^99XYZ||||A^追加^HL70323");
    Allergies a = summary(f).allergies();
    assertThat(a.state()).isEqualTo(Allergies.State.NONE_KNOWN);
    assertThat(a.entries()).isEmpty();
  }

  @Test
  void noAllergyRecordMeansNotRecordedEvenWithDemographics() {
    ChartFiles f = new ChartFiles(dir).write(ADT_00, "-", NO, "20240101100000000", "ADT^A08^ADT_A01",
        "PV1|0001|O");
    assertThat(summary(f).allergies()).isEqualTo(new Allergies(Allergies.State.NOT_RECORDED,
        java.util.List.of(), 0));
  }

  @Test
  void drugAllergySentOnlyWithTheDemographicsIsNeverHidden() {
    ChartFiles f = new ChartFiles(dir).write(ADT_00, "-", NO, "20240101100000000", "ADT^A08^ADT_A01",
        "PV1|0001|O", "AL1|1|DA^薬剤アレルギー^HL70127|1^ペニシリン^99XYZ|MO^中等度^HL70128|蕁麻疹|20200401");
    Allergies a = summary(f).allergies();
    assertThat(a.state()).isEqualTo(Allergies.State.RECORDED);
    AllergyEntry e = a.entries().get(0);
    assertThat(e.allergen().display()).isEqualTo("ペニシリン");
    assertThat(e.isDrugAllergy()).isTrue();
    assertThat(e.reaction()).isEqualTo("蕁麻疹");
    assertThat(e.identified()).hasValueSatisfying(t -> assertThat(t.raw()).isEqualTo("20200401"));
    assertThat(e.file().dataType()).isEqualTo(ADT_00);
  }

  @Test
  void theSameAllergenInAl1AndIamIsListedOnce() {
    ChartFiles f = new ChartFiles(dir)
        .write(ADT_00, "-", NO, "20240101100000000", "ADT^A08^ADT_A01", "PV1|0001|O",
            "AL1|1|DA^薬剤アレルギー^HL70127|1^ペニシリン^99XYZ")
        .write(ADT_61, "-", NO, "20240102100000000", "ADT^A60^ADT_A60", DRUG);
    assertThat(summary(f).allergies().entries()).hasSize(1);
  }

  @Test
  void contraindicationsAreListedApartFromAllergies() {
    ChartFiles f = new ChartFiles(dir).write(ADT_61, "-", NO, "20240101100000000", "ADT^A60^ADT_A60",
        "IAM|1|MC^禁忌^HL70127|620004475^ワーファリン錠１ｍｇ^HOT9|||A^追加^HL70323");
    ClinicalSummary s = summary(f);
    assertThat(s.contraindications()).extracting(e -> e.allergen().display()).containsExactly("ワーファリン錠１ｍｇ");
    // a list holding only a contraindication does not claim "no allergies"
    assertThat(s.allergies().state()).isEqualTo(Allergies.State.NOT_RECORDED);
  }

  @Test
  void onlyTheCurrentVersionOfTheAllergyListCounts() {
    ChartFiles f = new ChartFiles(dir)
        .write(ADT_61, "-", NO, "20240101100000000", "ADT^A60^ADT_A60", POLLEN)
        .write(ADT_61, "-", NO, "20240201100000000", "ADT^A60^ADT_A60", DRUG);
    assertThat(summary(f).allergies().entries()).extracting(e -> e.allergen().display())
        .containsExactly("ペニシリン");
  }

  @Test
  void anAllergySegmentWithoutAllergenIsAFindingNotASilentGap() {
    ChartFiles f = new ChartFiles(dir).write(ADT_61, "-", NO, "20240101100000000", "ADT^A60^ADT_A60",
        "IAM|1|DA^薬剤アレルギー^HL70127||||A^追加^HL70323", POLLEN);
    ClinicalSummary s = summary(f);
    assertThat(s.findings()).extracting(SummaryFinding::code).containsExactly(SummaryFinding.Code.ALLERGEN_MISSING);
    assertThat(s.allergies().entries()).hasSize(1);
  }
}

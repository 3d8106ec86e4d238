package dev.ssmix2.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.read.ReadProblem.Code;
import dev.ssmix2.core.record.AdministrationRecord;
import dev.ssmix2.core.record.AllergyRecord;
import dev.ssmix2.core.record.DemographicsRecord;
import dev.ssmix2.core.record.DietRecord;
import dev.ssmix2.core.record.EncounterRecord;
import dev.ssmix2.core.record.ExamRecord;
import dev.ssmix2.core.record.LabRecord;
import dev.ssmix2.core.record.MedicationOrderRecord;
import dev.ssmix2.core.record.ProblemListRecord;
import dev.ssmix2.core.storage.Fixtures;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.version.VersionStatus;
import org.junit.jupiter.api.Test;

class RecordReaderTest {
  private final Storage nho = ReadFixtures.nho();
  private final Storage cases = Fixtures.searchCaseStorage();

  private <T> T record(Storage s, String suffix, Class<T> type) {
    ReadResult r = RecordReader.read(ReadFixtures.file(s, suffix));
    assertThat(r).isInstanceOf(MessageRead.class);
    return type.cast(((MessageRead) r).record());
  }

  @Test
  void everyPlacedFixtureFileReadsWithoutThrowingAndHasASummary() {
    for (Storage s : new Storage[] {nho, cases}) {
      for (StorageFile f : ReadFixtures.files(s)) {
        ReadResult r = RecordReader.read(f);
        if (r instanceof MessageRead ok) {
          assertThat(ok.record().summary()).as(f.relativePath()).isNotBlank().doesNotContain("（内容なし）");
          assertThat(ok.record().file()).isEqualTo(f);
        }
      }
    }
  }

  @Test
  void zeroByteAndTruncatedFilesAreProblemsNotRecords() {
    ReadResult empty = RecordReader.read(ReadFixtures.file(cases, "_000000000000900_20240301100000000_01_1"));
    ReadResult cut = RecordReader.read(ReadFixtures.file(cases, "_000000000000901_20240301100000000_01_1"));
    assertThat(empty).isInstanceOfSatisfying(ReadProblem.class, p -> assertThat(p.code()).isEqualTo(Code.EMPTY_FILE));
    assertThat(cut).isInstanceOfSatisfying(ReadProblem.class, p -> {
      assertThat(p.code()).isEqualTo(Code.TRUNCATED);
      assertThat(p.reason()).contains("15 bytes");
    });
  }

  @Test
  void prescriptionHasOneOrderPerOrcGroup() {
    MedicationOrderRecord rx = record(nho, "OMP-01_000000011000185_20110701224603984_01_1",
        MedicationOrderRecord.class);
    assertThat(rx.kind()).isEqualTo(MedicationOrderRecord.Kind.PRESCRIPTION);
    assertThat(rx.orders()).extracting(o -> o.give().display())
        .containsExactly("ダーゼン錠（５mg)", "パンスポリンＴ錠（１００mg)", "アレピアチン１０倍散");
    MedicationOrderRecord.Order first = rx.orders().get(0);
    assertThat(first.give().code()).isEqualTo("108665201");
    assertThat(first.give().system()).isEqualTo("HOT9");
    assertThat(first.dose()).isEqualTo("1");
    assertThat(first.unit().text()).isEqualTo("錠");
    assertThat(first.days()).contains(5);
    assertThat(first.route().code()).isEqualTo("PO");
    assertThat(first.usage().code()).isEqualTo("1013044400000000");
    assertThat(rx.orders().get(2).groupNo()).isEqualTo("2");
    assertThat(rx.summary()).startsWith("処方: ダーゼン錠（５mg) 3錠 分3 5日分、");
    assertThat(rx.isCancel()).isFalse();
  }

  @Test
  void injectionListsItsRxcComponents() {
    MedicationOrderRecord inj = record(nho, "OMP-02_123456789012345_20110701224603984_01_1",
        MedicationOrderRecord.class);
    assertThat(inj.kind()).isEqualTo(MedicationOrderRecord.Kind.INJECTION);
    assertThat(inj.orders()).hasSize(3);
    assertThat(inj.orders().get(0).components()).extracting(c -> c.kind() + ":" + c.drug().code())
        .containsExactly("B:620007329", "A:620002559");
    assertThat(inj.orders().get(0).route().text()).isEqualTo("静脈内");
    assertThat(inj.summary()).startsWith("注射: ソリタ−Ｔ３号輸液５００ｍＬ 1本 + アドナ注（静脈用）50mg 1アンプル 静脈内");
  }

  @Test
  void administrationsComeFromRxa() {
    AdministrationRecord a = record(nho, "9999013_20110630_OMP-11_123456789012345_20110701113813225_01_1",
        AdministrationRecord.class);
    assertThat(a.administrations()).extracting(x -> x.drug().display() + " " + x.amount())
        .containsExactly("ダーゼン錠（５mg) 1", "パンスポリンＴ錠（１００mg) 2");
    assertThat(a.administrations().get(0).start().orElseThrow().display()).isEqualTo("2011-07-01 08:30");
    assertThat(a.administrations().get(0).completionStatus()).isEqualTo("CP");
  }

  @Test
  void labResultsKeepValueUnitRangeAndTime() {
    LabRecord lab = record(cases, "OML-11_000000000000401_20240311150000000_01_1", LabRecord.class);
    assertThat(lab.isResult()).isTrue();
    LabRecord.Test tp = lab.tests().get(0);
    assertThat(tp.jlac10()).contains("3A010000002327101");
    assertThat(tp.specimen().text()).isEqualTo("血清");
    assertThat(tp.value()).isEqualTo("6.9");
    assertThat(tp.referenceRange()).isEqualTo("6.7-8.3");
    assertThat(tp.observed().orElseThrow().display()).isEqualTo("2024-03-11 09:00");
    assertThat(lab.summary()).isEqualTo("検査: 総蛋白 6.9 g/dl (6.7-8.3)");

    LabRecord nhoLab = record(nho, "OML-11_000000011000354_20111220103059000_01_1", LabRecord.class);
    assertThat(nhoLab.tests()).extracting(LabRecord.Test::value).containsExactly("1.7", "7.2", "4.9");
  }

  @Test
  void labOrdersListTestsPerSpecimen() {
    LabRecord order = record(nho, "OML-01_000000011000354_20111220103059123_15_1", LabRecord.class);
    assertThat(order.isResult()).isFalse();
    assertThat(order.tests()).hasSize(7);
    assertThat(order.tests().get(4).specimen().text()).isEqualTo("血漿");
    assertThat(order.tests().get(4).battery().text()).isEqualTo("血液学的検査");
    assertThat(order.summary()).startsWith("検査オーダ: 総蛋白、総ビリルビン、").endsWith("他2件");
  }

  @Test
  void allergiesProblemsAndDiet() {
    AllergyRecord al = record(nho, "ADT-61_999999999999999_20111014232213000_-_1", AllergyRecord.class);
    assertThat(al.allergies()).extracting(a -> a.allergen().text()).containsExactly("スギ", "ソバ", "ハウスダスト", "アリナミン");
    assertThat(al.allergies().get(3).type().code()).isEqualTo("DA");
    assertThat(al.allergies().get(1).severity().text()).isEqualTo("中等度");
    assertThat(al.allergies().get(0).reaction()).isEqualTo("目のかゆみ");

    ProblemListRecord pl = record(nho, "PPR-01_999999999999999_20111209163030000_01_1", ProblemListRecord.class);
    ProblemListRecord.Problem gastritis = pl.problems().get(0);
    assertThat(gastritis.disease().codeIn("MDCDX2")).contains("20054174");
    assertThat(gastritis.icd10()).contains("K297");
    assertThat(gastritis.onset().orElseThrow().toLocalDate()).hasValueSatisfying(d -> assertThat(d).hasToString("2011-08-31"));
    assertThat(gastritis.suspected()).isFalse();
    assertThat(pl.summary()).isEqualTo("病名: 胃炎");

    DietRecord diet = record(nho, "OMD_123456789012345_20111014232213000_01_1", DietRecord.class);
    assertThat(diet.summary()).isEqualTo("食事: 塩分控えめ");
  }

  @Test
  void encountersReadWardRoomAndTimes() {
    EncounterRecord adm = record(nho, "ADT-22_999999999999999_20111220224447339_01_1", EncounterRecord.class);
    assertThat(adm.kind()).isEqualTo(EncounterRecord.Kind.ADMISSION);
    assertThat(adm.ward()).isEqualTo("32");
    assertThat(adm.room()).isEqualTo("302");
    assertThat(adm.summary()).isEqualTo("入院: 32病棟 302号室 2011-11-20 16:00");

    EncounterRecord transfer = record(nho, "ADT-42_999999999999999_20111220224447339_10_1", EncounterRecord.class);
    assertThat(transfer.priorRoom()).isEqualTo("302");
    assertThat(transfer.room()).isEqualTo("305");

    EncounterRecord dis = record(nho, "ADT-52_999999999999999_20111220224447339_08_1", EncounterRecord.class);
    assertThat(dis.discharged().orElseThrow().display()).isEqualTo("2011-12-20 12:00");
  }

  @Test
  void examsTakeModalityFromTheFolderAndShowChildren() {
    ExamRecord xray = record(nho, "OMG-01_000201101200100_20111220224447339_-_1", ExamRecord.class);
    assertThat(xray.modality()).isEqualTo(ExamRecord.Modality.RADIOLOGY);
    assertThat(xray.mainProcedures()).hasSize(4).allSatisfy(p -> assertThat(p.orderControl()).isEqualTo("CH"));
    assertThat(xray.summary()).startsWith("放射線検査オーダ: 胸部.Ｘ線単純撮影.立位正面(A→P)、");

    ExamRecord ecg = record(nho, "OMG-13_999999999999999_20111220224447339_01_1", ExamRecord.class);
    assertThat(ecg.modality()).isEqualTo(ExamRecord.Modality.PHYSIOLOGY);
    assertThat(ecg.isResult()).isTrue();
    assertThat(ecg.observations()).anySatisfy(o -> {
      assertThat(o.item().text()).isEqualTo("心拍数");
      assertThat(o.value()).isEqualTo("67");
    });
    assertThat(ecg.summary()).isEqualTo("生理検査結果: 標準１２誘導心電図 心筋虚血疑い");

    ExamRecord endo = record(nho, "OMG-12_201112201656100_20111220224447339_01_1", ExamRecord.class);
    assertThat(endo.modality()).isEqualTo(ExamRecord.Modality.ENDOSCOPY);
  }

  @Test
  void statusFollowsTheFlagOrTheGivenHistory() {
    StorageFile superseded = ReadFixtures.file(cases, "_000000000000301_20240310100000000_01_2");
    assertThat(((MessageRead) RecordReader.read(superseded)).record().status()).isEqualTo(VersionStatus.SUPERSEDED);
    StorageFile deleted = ReadFixtures.file(cases, "_000000000000302_20240310100000000_01_0");
    assertThat(((MessageRead) RecordReader.read(deleted)).record().status()).isEqualTo(VersionStatus.DELETED);
    StorageFile current = ReadFixtures.file(cases, "_000000000000301_20240310120000000_01_1");
    assertThat(((MessageRead) RecordReader.read(current, VersionStatus.SUPERSEDED)).record().status())
        .isEqualTo(VersionStatus.SUPERSEDED);
    assertThat(((MessageRead) RecordReader.read(current)).record().summary())
        .isEqualTo("処方: パンスポリンＴ錠（１００mg) 2錠 分3 7日分");
  }

  @Test
  void demographicsRecordWrapsThePatient() {
    DemographicsRecord d = record(nho, "ADT-00_999999999999999_20111220224447339_-_1", DemographicsRecord.class);
    assertThat(d.summary()).isEqualTo("患者基本情報: 患者　太郎 1948-04-05 男");
  }

  @Test
  void nonMessageContentIsAProblem() {
    // The deliberately broken NHO file: 2 bytes of CP932 in a wrongly named file; read as if it were placed.
    var root = new dev.ssmix2.core.storage.StorageRoot(Fixtures.nhoSample());
    String rel = "000/000/0000001/20000401/ADT-31/9999013_20110630_OMP-11_123456789012345_20110701113813225_01_1";
    StorageFile f = new StorageFile(root, rel,
        dev.ssmix2.core.storage.FileName.parse(rel.substring(rel.lastIndexOf('/') + 1)), false);
    assertThat(RecordReader.read(f)).isInstanceOfSatisfying(ReadProblem.class, p -> {
      assertThat(p.code()).isEqualTo(Code.NOT_HL7);
      assertThat(p.reason()).contains("髙").contains("windows-31j");
    });
  }
}

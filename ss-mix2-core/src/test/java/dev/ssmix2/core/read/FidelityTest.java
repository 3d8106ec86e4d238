package dev.ssmix2.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.record.AmbiguousValue;
import dev.ssmix2.core.record.ExamRecord;
import dev.ssmix2.core.record.LabRecord;
import dev.ssmix2.core.storage.MessageFiles;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.validate.Finding;
import dev.ssmix2.core.validate.FindingCode;
import dev.ssmix2.core.validate.Validator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values kept as the sender meant them: ambiguous values, qualifiers, comments, sub-IDs (hand-written messages). */
class FidelityTest {
  static final String HEAD = "MSH|^~\\&|LAB|F|SSMIX2|F|20240301100000||OUL^R22^OUL_R22|1|P|2.5||||||~ISO IR87||ISO 2022-1994\n"
      + "PID|||0000000123^^^^PI||患者^太郎^^^^^L^I~カンジャ^タロウ^^^^^L^P||19600101|M\n"
      + "SPM|1|||023^血清^JC10|||||||||||||20240301090000\n"
      + "OBR|1|||E001^血液学的検査^99O03\n";

  @TempDir Path root;

  private LabRecord lab(String obx) {
    StorageFile f = MessageFiles.write(root, "0000000123", "20240301", "OML-11", "000000000000001", HEAD + obx);
    ReadResult r = RecordReader.read(f);
    assertThat(r).isInstanceOf(MessageRead.class);
    return (LabRecord) ((MessageRead) r).record();
  }

  @Test
  void unescapedCaretInAStringResultIsKeptRawAndMarked() {
    LabRecord lab = lab("OBX|1|ST|2A010000001930901^白血球数^JC10||500×10^4|/μL|3300-8600||||F");
    LabRecord.Test t = lab.tests().get(0);
    assertThat(t.value()).isEqualTo("500×10^4");
    assertThat(t.ambiguity()).hasValueSatisfying(a -> {
      assertThat(a.raw()).isEqualTo("500×10^4");
      assertThat(a.reason()).contains("OBX-5", "ST", "'^'");
    });
    assertThat(t.displayValue()).isEqualTo(AmbiguousValue.MARK + "500×10^4");
    assertThat(lab.summary()).contains("白血球数 ⚠500×10^4 /μL").doesNotContain("白血球数 4 ").doesNotContain("500×10 ");
    assertThat(t.referenceRange()).isEqualTo("3300-8600");
  }

  @Test
  void cleanValuesAreNotMarked() {
    LabRecord.Test t = lab("OBX|1|NM|2A990000001930101^WBC^JC10||5.3|10\\S\\3/μL|3.3-8.6|N|||F").tests().get(0);
    assertThat(t.value()).isEqualTo("5.3");
    assertThat(t.ambiguity()).isEmpty();
    assertThat(t.unit().code()).isEqualTo("10^3/μL");
    assertThat(t.displayValue()).isEqualTo("5.3");
  }

  @Test
  void brokenEscapesMakeAValueAmbiguous() {
    assertThat(lab("OBX|1|ST|X^x||a\\b|").tests().get(0).ambiguity()).hasValueSatisfying(a ->
        assertThat(a.reason()).contains("without its closing"));
    assertThat(lab("OBX|1|ST|X^x||a\\XZZ\\b|").tests().get(0).ambiguity()).hasValueSatisfying(a ->
        assertThat(a.reason()).contains("does not decode"));
    assertThat(lab("OBX|1|NM|X^x||1~2|").tests().get(0).ambiguity()).hasValueSatisfying(a ->
        assertThat(a.reason()).contains("2 repetitions"));
    // Components are legitimate in coded and structured values.
    assertThat(lab("OBX|1|SN|X^x||<^5|").tests().get(0).ambiguity()).isEmpty();
    assertThat(lab("OBX|1|CWE|X^x||01^陰性^JC10|").tests().get(0).ambiguity()).isEmpty();
  }

  @Test
  void hexEscapesDecodeInTheMessagesCharset() {
    // 髙 in UTF-8 is E9 AB 99; in a UTF-8 file \XE9AB99\ is that character.
    StorageFile utf8 = MessageFiles.write(root, "0000000123", "20240301", "OML-11", "000000000000002",
        "20240301100000000", 1, HEAD + "OBX|1|ST|X^x||\\XE9AB99\\|", java.nio.charset.StandardCharsets.UTF_8);
    LabRecord.Test t = ((LabRecord) ((MessageRead) RecordReader.read(utf8)).record()).tests().get(0);
    assertThat(t.value()).isEqualTo("髙");
    assertThat(t.ambiguity()).isEmpty();
    // The same bytes in an ISO-2022-JP file are not JIS: the value is ambiguous, kept raw.
    LabRecord.Test jis = lab("OBX|1|ST|X^x||\\XE9AB99\\|").tests().get(0);
    assertThat(jis.value()).isEqualTo("\\XE9AB99\\");
    assertThat(jis.ambiguity()).hasValueSatisfying(a -> assertThat(a.reason()).contains("ISO-2022-JP"));
  }

  @Test
  void validationReportsTheAmbiguousFieldWithFileSegmentAndLine() {
    lab("OBX|1|ST|2A010000001930901^白血球数^JC10||500×10^4|/μL|||||F");
    List<Finding> findings = Validator.validate(Storage.open(root)).stream()
        .filter(f -> f.code() == FindingCode.AMBIGUOUS_VALUE).toList();
    assertThat(findings).hasSize(1);
    assertThat(findings.get(0).path()).endsWith("OML-11_000000000000001_20240301100000000_01_1");
    assertThat(findings.get(0).message()).contains("OBX-5", "白血球数", "line 5", "500×10^4");
  }

  @Test
  void subIdsCommentsAndQualifiersAreKept() {
    LabRecord lab = lab("OBX|1|CWE|6B010000001960101^菌名^JC10|1|E.coli^大腸菌^99L|\n"
        + "NTE|1||ESBL 産生株~再検予定\n"
        + "OBX|2|ST|6B015000001960101^菌量^JC10|1|3+|\n"
        + "OBX|3|CWE|6B010000001960101^菌名^JC10|2|S.aureus^黄色ブドウ球菌^99L|\n"
        + "OBX|4|NM|58368&7^R 振幅&V5^99L||2.505|mV\n"
        + "OBX|5|NM|59136^QTc 時間&Bazzet^99L||412|ms");
    assertThat(lab.tests()).extracting(LabRecord.Test::subId).containsExactly("1", "1", "2", "", "");
    assertThat(lab.tests().get(0).comments()).containsExactly("ESBL 産生株\n再検予定");
    assertThat(lab.subIdGroups()).extracting(List::size).containsExactly(2, 1, 1, 1);
    assertThat(lab.tests().get(1).comments()).isEmpty();
    LabRecord.Test r = lab.tests().get(3);
    assertThat(r.test().code()).isEqualTo("58368");
    assertThat(r.test().codeQualifiers()).containsExactly("7");
    assertThat(r.test().text()).isEqualTo("R 振幅");
    assertThat(r.test().textQualifiers()).containsExactly("V5");
    assertThat(r.test().display()).isEqualTo("R 振幅 (V5)");
    assertThat(lab.tests().get(4).test().display()).isEqualTo("QTc 時間 (Bazzet)");
    assertThat(lab.summary()).contains("R 振幅 (V5) 2.505 mV");
  }

  @Test
  void allergyOnsetDateAndOnsetTextAndCommentsAreKept() {
    dev.ssmix2.core.record.AllergyRecord nho = (dev.ssmix2.core.record.AllergyRecord) ((MessageRead) RecordReader
        .read(ReadFixtures.file(ReadFixtures.nho(), "ADT-61_999999999999999_20111014232213000_-_1"))).record();
    assertThat(nho.allergies()).extracting(a -> a.onsetDisplay())
        .containsExactly("199601", "小学校低学年の頃", "200302", "2007-07-10");
    assertThat(nho.allergies().get(1).onset()).isEmpty();
    assertThat(nho.allergies().get(1).onsetText()).isEqualTo("小学校低学年の頃");

    StorageFile f = MessageFiles.write(root, "0000000123", "-", "ADT-61", "999999999999999",
        "MSH|^~\\&|HIS|F|GW|F|20240301||ADT^A60^ADT_A60|1|P|2.5\nEVN||20240301\n"
        + "PID|||0000000123^^^^PI||患者^太郎^^^^^L^I||19600101|M\n"
        + "IAM|1|DA^薬剤アレルギー^HL70127|1^ペニシリン^99XYZ|SV^重度^HL70128|発疹|A^追加^HL70323\n"
        + "NTE|1||2010年に入院中に発症\n"
        + "IAM|2|FA^食物アレルギー^HL70127|2^卵^99XYZ|MI^軽度^HL70128||A^追加^HL70323\n");
    var allergy = (dev.ssmix2.core.record.AllergyRecord) ((MessageRead) RecordReader.read(f)).record();
    assertThat(allergy.allergies().get(0).comments()).containsExactly("2010年に入院中に発症");
    assertThat(allergy.allergies().get(1).comments()).isEmpty();
  }

  @Test
  void orderCommentsStayWithTheirOrder() {
    StorageFile f = MessageFiles.write(root, "0000000123", "20240301", "OMP-01", "000000000000009",
        "MSH|^~\\&|HIS|F|GW|F|20240301||RDE^O11^RDE_O11|1|P|2.5\n"
        + "PID|||0000000123^^^^PI||患者^太郎^^^^^L^I||19600101|M\n"
        + "ORC|NW|1|||||||20240301\nRXE||108665201^ダーゼン錠^HOT9|1||TAB^錠^MR9P\nNTE|1||粉砕不可\n"
        + "ORC|NW|2|||||||20240301\nRXE||110626901^パンスポリンT錠^HOT9|1||TAB^錠^MR9P\n");
    var rx = (dev.ssmix2.core.record.MedicationOrderRecord) ((MessageRead) RecordReader.read(f)).record();
    assertThat(rx.orders()).extracting(o -> o.comments()).containsExactly(List.of("粉砕不可"), List.of());
  }

  @Test
  void ecgQualifiersOfTheNhoSampleReachTheRecord() {
    Storage nho = ReadFixtures.nho();
    ExamRecord ecg = (ExamRecord) ((MessageRead) RecordReader.read(ReadFixtures.file(nho,
        "OMG-13_999999999999999_20111220224447339_01_1"))).record();
    assertThat(ecg.observations()).extracting(o -> o.item().display())
        .contains("R 振幅 (V5)", "S 振幅 (V1)", "QTc 時間 (Bazzet)");
    assertThat(ecg.observations()).filteredOn(o -> o.item().code().equals("58368")).singleElement()
        .satisfies(o -> {
          assertThat(o.item().codeQualifiers()).containsExactly("7");
          assertThat(o.subId()).isEqualTo("2");
          assertThat(o.value()).isEqualTo("2.505");
        });
  }
}

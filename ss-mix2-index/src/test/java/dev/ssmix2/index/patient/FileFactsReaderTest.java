package dev.ssmix2.index.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileFactsReaderTest {
  private static FileFacts read(String text) {
    return FileFactsReader.read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void emptyFileIsAProblemNotARecord() {
    FileFacts f = FileFactsReader.read(new byte[0]);
    assertThat(f.isReadable()).isFalse();
    assertThat(f.problem()).hasValue("empty file (0 bytes)");
  }

  @Test
  void truncatedHeaderIsAProblem() {
    assertThat(read("MSH|^~\\&|HIS|HO").problem()).hasValueSatisfying(p -> assertThat(p).startsWith("truncated"));
  }

  @Test
  void notHl7IsAProblem() {
    assertThat(read("メモ").problem()).hasValueSatisfying(p -> assertThat(p).startsWith("not an HL7 message"));
  }

  @Test
  void summaryListsDrugsAndResults() {
    FileFacts f = read("MSH|^~\\&|A|B|C|D|20240101000000||OUL^R22|1|P|2.5\r"
        + "PID|0001||1^^^^PI||小川^健太^^^^^L^I\r"
        + "OBX|1|NM|3A010^総蛋白^JC10||6.9|g/dl^g/dl^99XYZ|6.7-8.3||||F\r"
        + "OBX|2|NM|3A015^アルブミン^JC10||4.1|g/dl||||F\r");
    assertThat(f.summary()).isEqualTo("総蛋白 6.9 g/dl, アルブミン 4.1 g/dl");
    assertThat(f.pid().flatMap(PidFacts::name).map(RegisteredName::display)).hasValue("小川\u3000健太");
  }

  @Test
  void messageWithoutClinicalSegmentsIsSummarisedByItsType() {
    assertThat(read("MSH|^~\\&|A|B|C|D|20240101000000||ADT^A08^ADT_A01|1|P|2.5\rPID|0001||1").summary())
        .isEqualTo("ADT^A08^ADT_A01");
  }
}

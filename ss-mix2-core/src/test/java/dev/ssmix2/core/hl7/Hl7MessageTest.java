package dev.ssmix2.core.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class Hl7MessageTest {
  private static final String ADT =
      "MSH|^~\\&|HIS|SEND|GW|RCV|20240101||ADT^A08^ADT_A01|1|P|2.5||||||~ISO IR87||ISO 2022-1994\r"
          + "EVN||20240101\r"
          + "PID|0001||0000000111^^^^PI||小川^健太^^^^^L^I~オガワ^ケンタ^^^^^L^P||19750312|M\r"
          + "PV1|0001|O";

  @Test
  void segmentsSplitOnCrLfAndCrLf_blankLinesDropped_noFinalTerminatorNeeded() {
    Hl7Message message = Hl7Message.parse("MSH|^~\\&|A\r\nEVN|1\n\n  \rPID|1|2\rPV1|0001|O");
    assertThat(message.segments()).extracting(Segment::id).containsExactly("MSH", "EVN", "PID", "PV1");
    assertThat(message.get("PV1-2")).isEqualTo("O");
  }

  @Test
  void lfOnlyMessage_parsesLikeCr() {
    Hl7Message cr = Hl7Message.parse(ADT);
    Hl7Message lf = Hl7Message.parse(ADT.replace('\r', '\n') + "\n");
    assertThat(lf.segments()).isEqualTo(cr.segments());
  }

  @Test
  void mshNumbering_followsHl7AndTerser() {
    Segment msh = Hl7Message.parse(ADT).header();
    assertThat(msh.field(1).raw()).isEqualTo("|");
    assertThat(msh.field(2).value()).as("MSH-2 is never split or unescaped").isEqualTo("^~\\&");
    assertThat(msh.field(2).repetitionCount()).isEqualTo(1);
    assertThat(msh.field(3).value()).isEqualTo("HIS");
    assertThat(msh.field(9).raw()).isEqualTo("ADT^A08^ADT_A01");
    assertThat(msh.fieldCount()).isEqualTo(20);
  }

  @Test
  void messageTypeAndDeclaredCharset() {
    Hl7Message message = Hl7Message.parse(ADT);
    assertThat(message.messageType()).isEqualTo(new MessageType("ADT", "A08", "ADT_A01"));
    assertThat(message.messageType().event()).isEqualTo("ADT^A08");
    assertThat(message.declaredCharset()).contains("~ISO IR87");
    assertThat(Hl7Message.parse("MSH|^~\\&|A||||||RDE^O11").messageType())
        .isEqualTo(new MessageType("RDE", "O11", ""));
    assertThat(Hl7Message.parse("MSH|^~\\&").declaredCharset()).isEmpty();
  }

  @Test
  void otherDelimiters_comeFromMsh() {
    Hl7Message message = Hl7Message.parse("MSH#$%!*#A\rPID#1##x$y%z*w!v");
    assertThat(message.encodingCharacters()).isEqualTo(new EncodingCharacters('#', '$', '%', '!', '*'));
    Field field = message.segment("PID").orElseThrow().field(3);
    assertThat(field.component(2)).isEqualTo("y");
    assertThat(field.component(1, 1)).isEqualTo("z");
    assertThat(field.subcomponent(1, 1, 2)).isEqualTo("w!v");
    assertThat(field.raw()).isEqualTo("x$y%z*w!v");
  }

  @Test
  void bareMsh_usesDefaultDelimiters() {
    Hl7Message message = Hl7Message.parse("MSH\rPID|1");
    assertThat(message.encodingCharacters()).isEqualTo(EncodingCharacters.DEFAULT);
    assertThat(message.header().fieldCount()).isZero();
    assertThat(message.get("PID-1")).isEqualTo("1");
  }

  @Test
  void noSegment_orNoLeadingMsh_isAFormatError() {
    assertThatThrownBy(() -> Hl7Message.parse(" \r\n"))
        .isInstanceOf(Hl7FormatException.class)
        .hasMessageContaining("No HL7 segment");
    assertThatThrownBy(() -> Hl7Message.parse("髙"))
        .isInstanceOf(Hl7FormatException.class)
        .hasMessageContaining("MSH")
        .hasMessageContaining("髙");
    assertThatThrownBy(() -> Hl7Message.parse("PID|1\rMSH|^~\\&"))
        .isInstanceOf(Hl7FormatException.class);
  }

  @Test
  void duplicateDelimiters_areAFormatError() {
    assertThatThrownBy(() -> Hl7Message.parse("MSH|^^\\&|A")).isInstanceOf(Hl7FormatException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void junkSegments_andTruncatedLastSegment_areKept() {
    Hl7Message message = Hl7Message.parse("MSH|^~\\&\rOBX|1|NM|aaa\rZZ\rPID|1|2^");
    assertThat(message.segments()).extracting(Segment::id).containsExactly("MSH", "OBX", "ZZ", "PID");
    assertThat(message.segments().get(2).hasValidId()).isFalse();
    assertThat(message.segments().get(2).fieldCount()).isZero();
    assertThat(message.segment("PID").orElseThrow().field(2).component(2)).isEmpty();
  }

  @Test
  void truncatedFixture_parsesItsHeaderOnly() {
    Path truncated =
        Fixtures.searchCases()
            .resolve(
                "root-dated/000/000/0000000111/20240301/OMP-01/"
                    + "0000000111_20240301_OMP-01_000000000000901_20240301100000000_01_1");
    Hl7Message message = Hl7Message.parse(Hl7Decoder.decode(Fixtures.bytes(truncated)).text());
    assertThat(message.segments()).hasSize(1);
    assertThat(message.messageType()).isEqualTo(new MessageType("", "", ""));
  }

  @Test
  void segmentLookups() {
    Hl7Message message = Hl7Message.parse("MSH|^~\\&\rOBX|1|a\rNTE|x\rOBX|2|b");
    assertThat(message.segment("OBX").orElseThrow().value(2)).isEqualTo("a");
    assertThat(message.segment("ORC")).isEmpty();
    assertThat(message.segments("OBX")).extracting(s -> s.value(2)).containsExactly("a", "b");
    assertThat(message.segments("ORC")).isEmpty();
  }

  @Test
  void terserLikePaths() {
    Hl7Message message = Hl7Message.parse(ADT + "\rOBX|1|NM|a\rOBX|2|NM|b\rOBX|3|ST|c||x\\T\\y&z");
    assertThat(message.get("PID-5(1)-1")).isEqualTo("オガワ");
    assertThat(message.get("PID-5-2")).isEqualTo("健太");
    assertThat(message.get("PID-3")).isEqualTo("0000000111");
    assertThat(message.get("PID-3-5")).isEqualTo("PI");
    assertThat(message.get("OBX(2)-3")).isEqualTo("c");
    assertThat(message.get("OBX(2)-5")).isEqualTo("x&y");
    assertThat(message.get("OBX(2)-5-1-2")).isEqualTo("z");
    assertThat(message.get("OBX(3)-3")).as("absent occurrence").isEmpty();
    assertThat(message.get("MSH-9-2")).isEqualTo("A08");
    assertThat(message.get("MSH-2")).isEqualTo("^~\\&");
    assertThatThrownBy(() -> message.get("PID5")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PID5");
    assertThatThrownBy(() -> message.get("PID-0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> message.get("PID-5(1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jisBytesThatLookLikeDelimiters_doNotSplitFields() {
    // In OMG-12, 日 is JIS 0x467C ("F|") and 施 is 0x3B5C (";\"): splitting bytes before decoding would break these.
    Path omg12 =
        Fixtures.nho(
            "999/901/9999013/20111220/OMG-12/"
                + "9999013_20111220_OMG-12_201112201656100_20111220224447339_01_1");
    byte[] bytes = Fixtures.bytes(omg12);
    Hl7Message message = Hl7Message.parse(Hl7Decoder.decode(bytes).text());
    assertThat(count(bytes, (byte) '|')).isGreaterThan(count(message.text(), '|'));
    assertThat(message.get("OBX(1)-5")).isEqualTo("12月19日強い上腹部痛を感じた。翌日になっても軽快しなかったため、来院。");
    assertThat(message.get("OBX(4)-3-2")).isEqualTo("正従業員の実施医師");
    assertThat(message.segments()).allMatch(Segment::hasValidId).hasSize(49);
  }

  @Test
  void orderGroups_startAtEachLeader() {
    Hl7Message omp01 =
        parseFixture(
            "999/901/9999013/20110701/OMP-01/9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1");
    List<List<Segment>> orders = omp01.groups("ORC");
    assertThat(orders).hasSize(3);
    assertThat(orders).allSatisfy(group -> assertThat(group.get(0).id()).isEqualTo("ORC"));
    assertThat(orders.get(0)).extracting(Segment::id).contains("RXE", "TQ1", "RXR").doesNotContain("PID", "MSH");

    Hl7Message oml01 =
        parseFixture(
            "999/901/9999013/20111220/OML-01/9999013_20111220_OML-01_000000011000354_20111220103059123_15_1");
    List<List<Segment>> specimens = oml01.groups("SPM");
    assertThat(specimens).hasSize(2);
    assertThat(specimens.get(0)).extracting(Segment::id).startsWith("SPM").contains("ORC", "OBR", "OBX");
    int grouped = specimens.stream().mapToInt(List::size).sum();
    int header = (int) oml01.segments().stream().takeWhile(s -> !s.id().equals("SPM")).count();
    assertThat(grouped + header).as("no segment after the first leader is lost").isEqualTo(oml01.segments().size());

    assertThat(Hl7Message.parse(ADT).groups("ORC")).isEmpty();
    assertThat(Hl7Message.parse("MSH|^~\\&\rPRB|1\rZPR|a\rORC|x\rPRB|2").groups("PRB"))
        .extracting(List::size)
        .containsExactly(3, 1);
  }

  @Test
  void surrogatePairs_surviveTokenizing() {
    Hl7Message message = Hl7Message.parse("MSH|^~\\&\rPID|||1||𠮷野^𠮷^^^^^L^I~ヨシノ^𠮷|||\\X F0A0AEB7\\");
    Field name = message.segment("PID").orElseThrow().field(5);
    assertThat(name.component(1)).isEqualTo("𠮷野").hasSize(3);
    assertThat(name.component(2)).isEqualTo("𠮷");
    assertThat(name.component(1, 2)).isEqualTo("𠮷");
    assertThat(message.get("PID-5(0)-8")).isEqualTo("I");
  }

  private static Hl7Message parseFixture(String relative) {
    return Hl7Message.parse(Hl7Decoder.decode(Fixtures.bytes(Fixtures.nho(relative))).text());
  }

  private static int count(byte[] bytes, byte b) {
    int n = 0;
    for (byte x : bytes) {
      n += x == b ? 1 : 0;
    }
    return n;
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(x -> x == c).count();
  }
}

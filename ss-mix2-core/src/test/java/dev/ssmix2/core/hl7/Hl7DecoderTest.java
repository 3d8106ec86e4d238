package dev.ssmix2.core.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class Hl7DecoderTest {
  private static final byte ESC = 0x1B;

  @Test
  void everyNhoSampleDecodes_andAllButTheCp932OneAreCleanIso2022Jp() {
    List<Path> files = Fixtures.messageFiles(Fixtures.nhoSamples());
    assertThat(files).hasSize(22);
    int iso2022 = 0;
    for (Path file : files) {
      DecodedText decoded = Hl7Decoder.decode(Fixtures.bytes(file));
      assertThat(decoded.isClean()).as(Fixtures.relative(file)).isTrue();
      if (decoded.charset().equals(Hl7Decoder.ISO_2022_JP)) {
        iso2022++;
        assertThat(decoded.isSsMix2Charset()).isTrue();
        assertThat(decoded.hadMllpFraming()).as("TOOL samples end in CR 0x1C: %s", file).isTrue();
        assertThat(decoded.text()).doesNotContain("\u001c", "\u001b").startsWith("MSH|^~\\&|");
      }
    }
    assertThat(iso2022).isEqualTo(21);
  }

  @Test
  void cp932IbmExtendedKanjiFile_isWindows31j() {
    DecodedText decoded =
        Hl7Decoder.decode(
            Fixtures.bytes(
                Fixtures.nho(
                    "000/000/0000001/20000401/ADT-31/"
                        + "9999013_20110630_OMP-11_123456789012345_20110701113813225_01_1")));
    assertThat(decoded.text()).isEqualTo("髙");
    assertThat(decoded.charset()).isEqualTo(Hl7Decoder.WINDOWS_31J);
    assertThat(decoded.isClean()).isTrue();
  }

  @Test
  void necRow13InJis_fallsBackToWindowsIso2022Jp() {
    byte[] bytes = concat(ascii("PID|"), new byte[] {ESC, '$', 'B', 0x2D, 0x21, ESC, '(', 'B'}, ascii("|"));
    DecodedText decoded = Hl7Decoder.decode(bytes);
    assertThat(decoded.text()).isEqualTo("PID|①|");
    assertThat(decoded.charset()).isEqualTo(Hl7Decoder.WINDOWS_ISO_2022_JP);
    assertThat(decoded.isSsMix2Charset()).isFalse();
    assertThat(decoded.isClean()).isTrue();
  }

  @Test
  void waveDash_keepsWhatPlainIso2022JpGives() {
    byte[] bytes = concat(new byte[] {ESC, '$', 'B', 0x21, 0x41, ESC, '(', 'B'});
    assertThat(Hl7Decoder.decode(bytes).text()).isEqualTo("\u301C");
  }

  @Test
  void halfWidthKatakanaShiftedIn_decodes() {
    // ESC ( I selects JIS X 0201 katakana: 0x36 0x5D = ｶﾝ
    byte[] bytes = concat(ascii("A"), new byte[] {ESC, '(', 'I', 0x36, 0x5D, ESC, '(', 'B'}, ascii("|"));
    DecodedText decoded = Hl7Decoder.decode(bytes);
    assertThat(decoded.text()).isEqualTo("Aｶﾝ|");
    assertThat(decoded.isClean()).isTrue();
  }

  @Test
  void utf8FileWithCrLf_fromSearchCases() {
    DecodedText decoded = Hl7Decoder.decode(Fixtures.bytes(Fixtures.adt00(888)));
    assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(decoded.text()).contains("\r\n", "長谷川^修");
    assertThat(decoded.isClean()).isTrue();
  }

  @Test
  void cp932FilesFromSearchCases_includingHalfWidthKana() {
    DecodedText extendedKanji = Hl7Decoder.decode(Fixtures.bytes(Fixtures.adt00(222)));
    assertThat(extendedKanji.charset()).isEqualTo(Hl7Decoder.WINDOWS_31J);
    assertThat(extendedKanji.text()).contains("濵田^隆");

    DecodedText halfWidth = Hl7Decoder.decode(Fixtures.bytes(Fixtures.adt00(555)));
    assertThat(halfWidth.charset()).isEqualTo(Hl7Decoder.WINDOWS_31J);
    assertThat(halfWidth.text()).contains("ｺﾞﾄｳ^ﾕｳｺ");
    assertThat(halfWidth.isClean()).isTrue();
  }

  @Test
  void pureAscii_isUsAscii() {
    DecodedText decoded = Hl7Decoder.decode(ascii("MSH|^~\\&|\nPID|1\n"));
    assertThat(decoded.charset()).isEqualTo(StandardCharsets.US_ASCII);
    assertThat(decoded.isSsMix2Charset()).isTrue();
    assertThat(decoded.text()).isEqualTo("MSH|^~\\&|\nPID|1\n");
    assertThat(decoded.hadMllpFraming()).isFalse();
  }

  @Test
  void mllpBytesAnywhere_areStripped() {
    byte[] bytes = concat(new byte[] {0x0B}, ascii("MSH|^~\\&\r"), new byte[] {0x1C, 0x0D});
    DecodedText decoded = Hl7Decoder.decode(bytes);
    assertThat(decoded.text()).isEqualTo("MSH|^~\\&\r\r");
    assertThat(decoded.hadMllpFraming()).isTrue();
  }

  @Test
  void utf8Bom_isStripped() {
    byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "MSH|𠮷".getBytes(StandardCharsets.UTF_8));
    DecodedText decoded = Hl7Decoder.decode(bytes);
    assertThat(decoded.text()).isEqualTo("MSH|𠮷");
    assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void brokenShiftJisByte_isRecordedNotFatal() {
    // 0x81 0x7F is not a CP932 character (0x7F is never a trail byte); あ = 82 A0 follows.
    byte[] bytes = concat(new byte[] {0x0B}, ascii("PID|"), new byte[] {(byte) 0x81, 0x7F, (byte) 0x82, (byte) 0xA0});
    DecodedText decoded = Hl7Decoder.decode(bytes);
    assertThat(decoded.charset()).isEqualTo(Hl7Decoder.WINDOWS_31J);
    assertThat(decoded.isClean()).isFalse();
    assertThat(decoded.text()).startsWith("PID|\uFFFD").endsWith("あ");
    assertThat(decoded.replacements()).hasSize(1);
    DecodedText.Replacement replacement = decoded.replacements().get(0);
    assertThat(replacement.offset()).as("offset in the original file, MLLP byte included").isEqualTo(5);
    assertThat(replacement.hexBytes()).startsWith("81");
    assertThat(replacement.reason()).contains("windows-31j");
  }

  @Test
  void brokenJisPair_isRecorded_andTheKanjiAfterItStillDecode() {
    // 0x2F21 is an unassigned JIS X 0208 row in both charsets; 0x3435 = 患, 0x3C54 = 者.
    byte[] bytes =
        concat(ascii("PID|"), new byte[] {ESC, '$', 'B', 0x2F, 0x21, 0x34, 0x35, 0x3C, 0x54, ESC, '(', 'B'}, ascii("|x"));
    DecodedText decoded = Hl7Decoder.decode(bytes);
    assertThat(decoded.charset()).isEqualTo(Hl7Decoder.WINDOWS_ISO_2022_JP);
    assertThat(decoded.text()).isEqualTo("PID|\uFFFD患者|x");
    assertThat(decoded.replacements())
        .singleElement()
        .satisfies(r -> assertThat(r.offset()).isEqualTo(7))
        .satisfies(r -> assertThat(r.hexBytes()).isEqualTo("2F 21"));
  }

  @Test
  void emptyFile_decodesToEmptyText() {
    DecodedText decoded = Hl7Decoder.decode(new byte[0]);
    assertThat(decoded.text()).isEmpty();
    assertThat(decoded.isClean()).isTrue();
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}

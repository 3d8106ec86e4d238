package dev.ssmix2.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.record.PersonName;
import org.junit.jupiter.api.Test;

class PidNamesTest {
  private static PidNames names(String pid5) {
    Hl7Message m = Hl7Message.parse("MSH|^~\\&|A|B|C|D|20240101||ADT^A08|1|P|2.5\rPID|0001||1^^^^PI||" + pid5);
    return PidNames.of(m.segment("PID").orElseThrow().field(5));
  }

  @Test
  void picksRepetitionsByRepresentationCodeNotPosition() {
    PidNames n = names("カンジャ^タロウ^^^^^L^P~患者^太郎^^^^^L^I~KANJA^TARO^^^^^L^A");
    assertThat(n.kanji).contains(new PersonName("患者", "太郎"));
    assertThat(n.kana).contains(new PersonName("カンジャ", "タロウ"));
    assertThat(n.romaji).contains(new PersonName("KANJA", "TARO"));
  }

  @Test
  void understandsLAndIOneCaretShort() {
    PidNames n = names("患者^太郎^^^^L^I~カンジャ^タロウ^^^^L^P");
    assertThat(n.kanji).contains(new PersonName("患者", "太郎"));
    assertThat(n.kana).contains(new PersonName("カンジャ", "タロウ"));
  }

  @Test
  void fallsBackToPosition() {
    PidNames n = names("患者^太郎~カンジャ^タロウ");
    assertThat(n.kanji).contains(new PersonName("患者", "太郎"));
    assertThat(n.kana).contains(new PersonName("カンジャ", "タロウ"));
  }

  @Test
  void kanaInTheKanjiFieldAlsoServesAsKana() {
    PidNames n = names("ｶﾝｼﾞｬ^ﾀﾛｳ^^^^^L^I");
    assertThat(n.kanji).contains(new PersonName("ｶﾝｼﾞｬ", "ﾀﾛｳ"));
    assertThat(n.kana).contains(new PersonName("ｶﾝｼﾞｬ", "ﾀﾛｳ"));
  }

  @Test
  void surrogatePairsAreKept() {
    assertThat(names("\uD842\uDFB7田^太郎^^^^^L^I").kanji).contains(new PersonName("𠮷田", "太郎"));
  }
}

package dev.ssmix2.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KanaTest {
  @Test
  void halfWidthSplitsVoicedSoundsIntoTwoCharacters() {
    assertThat(Kana.halfWidth("ゴトウ")).isEqualTo("ｺﾞﾄｳ");
    assertThat(Kana.halfWidth("ジュンペイ")).isEqualTo("ｼﾞｭﾝﾍﾟｲ");
    assertThat(Kana.halfWidth("ハットリ")).isEqualTo("ﾊｯﾄﾘ");
  }

  @Test
  void splitDakutenUsesSpacingMarks() {
    assertThat(Kana.splitDakuten("ガクト")).isEqualTo("カ゛クト");
    assertThat(Kana.splitDakuten("ポチ")).isEqualTo("ホ゜チ");
    assertThat(Kana.hasVoicedSound("サトウ")).isFalse();
    assertThat(Kana.hasVoicedSound("スズキ")).isTrue();
  }
}

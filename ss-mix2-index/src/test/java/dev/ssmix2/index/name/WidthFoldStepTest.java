package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WidthFoldStepTest {
  private final NameStep step = new WidthFoldStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "ｻｲﾄｳ | サイトウ",
    "ﾔﾏﾀﾞ | ヤマダ",
    "ﾊﾟｰﾙ | パール",
    "ＹＡＭＡＤＡ | YAMADA",
    "０１２３ | 0123",
    "𠮷田 | 𠮷田",
    "\uF9DC | \uF9DC",
    "⼈ | 人"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

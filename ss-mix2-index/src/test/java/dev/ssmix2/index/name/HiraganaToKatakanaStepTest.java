package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HiraganaToKatakanaStepTest {
  private final NameStep step = new HiraganaToKatakanaStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "やまだ | ヤマダ",
    "ゔぁ | ヴァ",
    "ゝゞ | ヽヾ",
    "ヤマダ | ヤマダ",
    "𠮷だ | 𠮷ダ",
    "ーabc | ーabc"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

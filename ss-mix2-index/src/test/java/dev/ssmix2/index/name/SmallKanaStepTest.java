package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmallKanaStepTest {
  private final NameStep step = new SmallKanaStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "キョウコ | キヨウコ",
    "ファ | フア",
    "ニッタ | ニツタ",
    "ヶ | ケ",
    "ヮ | ワ",
    "キヨコ | キヨコ"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

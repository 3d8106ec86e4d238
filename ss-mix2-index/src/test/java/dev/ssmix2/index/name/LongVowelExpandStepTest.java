package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LongVowelExpandStepTest {
  private final NameStep step = new LongVowelExpandStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "サトー | サトオ",
    "キョー | キョオ",
    "ユーコ | ユウコ",
    "ーア | ア",
    "ケー | ケエ",
    "マー | マア"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

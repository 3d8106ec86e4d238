package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LongVowelCollapseStepTest {
  private final NameStep step = new LongVowelCollapseStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "サトウ | サト",
    "サトオ | サト",
    "オオノ | オノ",
    "ユウコ | ユコ",
    "ケイコ | ケコ",
    "ケエコ | ケコ",
    "シイナ | シナ",
    "マアヤ | マヤ",
    "ケイイチ | ケイチ",
    "キョウコ | キョコ",
    "オノ | オノ",
    "シンイチ | シンイチ"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

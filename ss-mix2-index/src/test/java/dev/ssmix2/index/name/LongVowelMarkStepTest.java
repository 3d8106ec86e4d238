package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LongVowelMarkStepTest {
  private final NameStep step = new LongVowelMarkStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "サト－ | サトー",
    "サト‐ | サトー",
    "サト- | サトー",
    "サトｰ | サトー",
    "サト~ | サトー",
    "サト〜 | サトー",
    "サト～ | サトー",
    "サトウ | サトウ"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariationSelectorStepTest {
  private final NameStep step = new VariationSelectorStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "葛\uDB40\uDD00城 | 葛城",
    "辻\uFE00 | 辻",
    "𠮷\uDB40\uDD01田 | 𠮷田",
    "ヤマダ | ヤマダ"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

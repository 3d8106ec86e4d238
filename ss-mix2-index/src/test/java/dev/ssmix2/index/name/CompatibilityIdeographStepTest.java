package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompatibilityIdeographStepTest {
  private final NameStep step = new CompatibilityIdeographStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "\uF9DC | 隆",
    "\uFA1E | 羽",
    "\uFA26 | 都",
    "\uFA19 | 神",
    "\uFA11 | \uFA11",
    "\uFA14 | \uFA14",
    "𠮷 | 𠮷"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

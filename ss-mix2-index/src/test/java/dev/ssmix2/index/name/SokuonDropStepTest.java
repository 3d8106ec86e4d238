package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SokuonDropStepTest {
  private final NameStep step = new SokuonDropStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "ハットリ | ハトリ",
    "イッセイ | イセイ",
    "ハトリ | ハトリ"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

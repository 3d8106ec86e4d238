package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchaicKanaStepTest {
  private final NameStep step = new ArchaicKanaStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "チヅル | チズル",
    "ハナヂ | ハナジ",
    "ヲノ | オノ",
    "ヰヱ | イエ",
    "ヵヶヮ | カケワ"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

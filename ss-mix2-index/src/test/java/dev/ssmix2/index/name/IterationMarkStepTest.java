package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IterationMarkStepTest {
  private final NameStep step = new IterationMarkStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "佐々木 | 佐佐木",
    "野々村 | 野野村",
    "𠮷々 | 𠮷𠮷",
    "いすゞ | いすず",
    "みすゞ | みすず",
    "ハヽ | ハハ",
    "カヾ | カガ",
    "ここゝ | こここ",
    "々木 | 々木",
    "代〻 | 代代"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

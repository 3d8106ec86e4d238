package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DakutenJoinStepTest {
  private final NameStep step = new DakutenJoinStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "カ゛ | ガ",
    "ハ゜ | パ",
    "ｶﾞ | ガ",
    "ﾊﾟ | パ",
    "か\u3099 | が",
    "ウ゛ | ヴ",
    "ヤマタ゛ | ヤマダ",
    "ア゛ | ア゛",
    "𠮷田 | 𠮷田"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

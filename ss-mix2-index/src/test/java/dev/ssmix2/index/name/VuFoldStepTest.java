package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VuFoldStepTest {
  private final NameStep step = new VuFoldStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "ヴィクトリア | ビクトリア",
    "ヴァイオリン | バイオリン",
    "ヴ | ブ",
    "ヴェ | ベ",
    "ヴォ | ボ",
    "ヴュ | ビュ",
    "ビクトリア | ビクトリア"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeparatorStepTest {
  private final NameStep step = new SeparatorStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "スミス・ヴィクトリア | スミスヴィクトリア",
    "スミス＝ヴィクトリア | スミスヴィクトリア",
    "スミス=ヴィクトリア | スミスヴィクトリア",
    "山田\u3000太郎 | 山田太郎",
    "山田 太郎 | 山田太郎",
    "ｽﾐｽ･ｼﾞｮﾝ | ｽﾐｽｼﾞｮﾝ"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }
}

package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NameStepsTest {
  @Test
  void everyListedNameResolvesToAStepOfThatName() {
    assertThat(NameSteps.names()).hasSize(20);
    for (String name : NameSteps.names()) {
      assertThat(NameSteps.forName(name).name()).isEqualTo(name);
    }
  }

  @Test
  void chainsApplyLeftToRight() {
    NameStep kana = NameSteps.chain("joinDakuten", "widthFold", "hiraganaToKatakana");
    assertThat(kana.apply("ﾔﾏﾀﾞ")).isEqualTo("ヤマダ");
    assertThat(kana.apply("やまだ")).isEqualTo("ヤマダ");
    assertThat(kana.name()).isEqualTo("joinDakuten>widthFold>hiraganaToKatakana");
  }

  @Test
  void unknownNameSaysWhatExists() {
    assertThatThrownBy(() -> NameSteps.forName("toRomaji"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("toRomaji")
        .hasMessageContaining("hiraganaToKatakana");
  }
}

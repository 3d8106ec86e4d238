package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvisionalMarkStepTest {
  private final NameStep step = new ProvisionalMarkStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "(仮)山田 | 山田",
    "（仮）山田 | 山田",
    "(仮）山田 | 山田",
    "仮)山田 | 山田",
    "仮）山田 | 山田",
    "ｶ)ﾔﾏﾀﾞ | ﾔﾏﾀﾞ",
    "カ)ヤマダ | ヤマダ",
    "(カ)ヤマダ | ヤマダ",
    "【仮】救急 | 救急",
    "(仮) 山田 | 山田",
    "(仮)　山田　太郎 | 山田　太郎",
    "やまだ (仮)たろう | やまだ たろう",
    "(仮) | ''",
    "(仮登録)山田 | 山田",
    "(ｶﾘ)ﾔﾏﾀﾞ | ﾔﾏﾀﾞ",
    "カリ)ヤマダ | ヤマダ",
  })
  void removesTheMark(String input, String expected) {
    assertThat(step.apply(input)).isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest(name = "{0} stays")
  @CsvSource(delimiter = '|', value = {"仮屋", "カトウ", "仮谷 一郎", "ｶﾄｳ", "山田(仮)", "(山田)", "かりや", "カ", "カリヤ", "仮登録"})
  void leavesNamesThatOnlyBeginWithTheSameCharacter(String name) {
    assertThat(step.apply(name)).isEqualTo(name);
    assertThat(ProvisionalMarkStep.hasMark(name)).isFalse();
  }

  @Test
  void textWithoutAClosingBracketIsNeverChanged() {
    SplittableRandom random = new SplittableRandom(14);
    String alphabet = "仮カｶか(（[【 　山田ヤマダやまだ・=";
    for (int i = 0; i < 2_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(8);
      for (int k = 0; k < n; k++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = b.toString();
      assertThat(step.apply(text)).as(text).isEqualTo(text);
    }
  }

  @Test
  void appliedTwiceIsAppliedOnce() {
    for (String s : new String[] {"(仮)(仮)山田", "(仮)仮)山田", "ｶ)(仮)ﾔﾏﾀﾞ"}) {
      String once = step.apply(s);
      assertThat(step.apply(once)).as(s).isEqualTo(once);
    }
  }
}

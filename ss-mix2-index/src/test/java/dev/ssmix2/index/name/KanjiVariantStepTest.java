package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KanjiVariantStepTest {
  private final NameStep strict = KanjiVariantStep.strict();
  private final NameStep loose = KanjiVariantStep.loose();

  @ParameterizedTest(name = "{0} -> strict {1}, loose {2}")
  @CsvSource(delimiter = '|', value = {
    "髙橋 | 高橋 | 高橋",
    "山﨑 | 山崎 | 山崎",
    "山嵜 | 山崎 | 山崎",
    "山埼 | 山埼 | 山埼",
    "齋藤 | 斎藤 | 斎藤",
    "齊藤 | 斉藤 | 斎藤",
    "斉藤 | 斉藤 | 斎藤",
    "斎藤 | 斎藤 | 斎藤",
    "渡邊 | 渡辺 | 渡辺",
    "渡邉 | 渡辺 | 渡辺",
    "濵田 | 浜田 | 浜田",
    "濱田 | 浜田 | 浜田",
    "澤田 | 沢田 | 沢田",
    "廣田 | 広田 | 広田",
    "櫻井 | 桜井 | 桜井",
    "國分 | 国分 | 国分",
    "龍造寺 | 竜造寺 | 竜造寺",
    "嶋田 | 島田 | 島田",
    "嶌田 | 島田 | 島田",
    "冨田 | 富田 | 富田",
    "埜村 | 野村 | 野村",
    "曾根 | 曽根 | 曽根",
    "惠子 | 恵子 | 恵子",
    "德川 | 徳川 | 徳川",
    "𠮷田 | 吉田 | 吉田",
    "栁田 | 柳田 | 柳田",
    "\uFA14 | 欅 | 欅",
    "\uF9DC | 隆 | 隆",
    "關口 | 関口 | 関口",
    "淺野 | 浅野 | 浅野",
    "豐田 | 豊田 | 豊田",
    "龜井 | 亀井 | 亀井",
    "髙槗 | 高橋 | 高橋",
    "佐籐 | 佐籐 | 佐藤",
    "中邨 | 中邨 | 中村",
  })
  void foldsVariants(String input, String strictExpected, String looseExpected) {
    assertThat(strict.apply(input)).isEqualTo(strictExpected);
    assertThat(loose.apply(input)).isEqualTo(looseExpected);
  }

  @Test
  void tablesHoldTheUnihanPairsAndTheSupplement() {
    assertThat(KanjiVariantStep.strict().size()).isGreaterThan(230);
    assertThat(KanjiVariantStep.loose().size()).isGreaterThan(KanjiVariantStep.strict().size());
  }

  @Test
  void surrogatePairsSurvive() {
    assertThat(strict.apply("𠮷田𡈽")).isEqualTo("吉田𡈽");
  }
}

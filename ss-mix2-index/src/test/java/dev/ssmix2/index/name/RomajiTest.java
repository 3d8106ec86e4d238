package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RomajiTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "サトウ | sato", "サトー | sato", "キョウコ | kyoko", "オオノ | ono", "オノ | ono", "シンイチ | shinichi",
    "ユウコ | yuko", "ハットリ | hattori", "ハトリ | hatori", "マッチャ | matcha", "コッチ | kotchi", "ホンマ | honma",
    "ナンバ | nanba", "チヅル | chizuru", "ヴィクトリア | bikutoria", "ジュンイチ | junichi", "ツトム | tsutomu",
    "フジ | fuji", "ファン | fan", "ティム | thimu",
  })
  void kanaKeyIsHepburnWithLongVowelsCollapsed(String kana, String key) {
    assertThat(Romaji.keyOfKana(kana)).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "sato | サト", "satou | サトウ", "satoh | サトウ", "kyouko | キョウコ", "shinichi | シニチ", "shin'ichi | シンイチ",
    "sinniti | シンニチ", "si | シ", "ti | チ", "tu | ツ", "hu | フ", "zi | ジ", "sya | シャ", "zyu | ジュ",
    "tya | チャ", "xtu | ッ", "ltu | ッ", "homma | ホンマ", "namba | ナンバ", "hattori | ハットリ",
    "matcha | マッチャ", "kotchi | コッチ", "sātō | サアトウ", "ôno | オウノ", "YAMADA | ヤマダ", "ono | オノ",
    "smith | スミス", "victoria | ヴィクトリア", "anna | アンナ", "tomoko- | トモコー",
  })
  void romajiParsesToKanaBestFirst(String romaji, String kana) {
    assertThat(Romaji.toKanaCandidates(romaji)).first().isEqualTo(kana);
  }

  @Test
  void ambiguousSpellingsGiveSeveralCandidates() {
    assertThat(Romaji.toKanaCandidates("ohno")).containsExactly("オウノ", "オオノ");
    assertThat(Romaji.toKanaCandidates("victoria")).containsExactly("ヴィクトリア", "ビクトリア");
    assertThat(Romaji.toKanaCandidates("sinniti")).contains("シンイチ");
  }

  @Test
  void macronIsALongVowel() {
    assertThat(Romaji.keyOfKana(Romaji.toKanaCandidates("Ōno").get(0))).isEqualTo("ono");
  }
}

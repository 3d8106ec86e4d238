package dev.ssmix2.benchmarks;

/** The kinds of query a reception desk types, each made from a sampled patient's registered demographics. */
public enum QueryShape {
  /** The zero-padded patient ID, e.g. {@code 0000123456}. */
  ID,
  /** The whole reading in hiragana, family and given: {@code やまだ たろう}. */
  KANA_FULL,
  /** The family reading and the first kana of the given one, as while typing: {@code やまだ た}. */
  KANA_PREFIX,
  /** Hepburn romaji of the reading: {@code yamada tarou}. */
  ROMAJI,
  /** The kanji name as registered: {@code 山田 太郎}. */
  KANJI,
  /** The kanji name with one character swapped for its variant (高↔髙, 崎↔﨑, 沢↔澤 …). */
  VARIANT_KANJI,
  /** Undelimited kanji name and birth date: {@code 山田太郎 1948/4/5}. */
  NAME_BIRTH,
  /** The kana reading with one kana of the given name left out (an edit-distance-1 typo). */
  FUZZY
}

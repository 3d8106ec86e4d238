package dev.ssmix2.index.internal.search;

import dev.ssmix2.index.search.MatchTag;

/**
 * The scoring tiers: every clause is a constant score with one of these boosts, so the order of tiers never depends on
 * term statistics. Declared in the order their tags are preferred when a token matches several (strongest first; only
 * {@link #KANJI_PLACEHOLDER} scores above its place).
 */
enum Tier {
  ID(1000, MatchTag.ID),
  KANJI_EXACT(100, MatchTag.EXACT),
  KANJI_STRICT(90, MatchTag.VARIANT),
  READING_EXACT(85, MatchTag.READING),
  KANJI_LOOSE(70, MatchTag.VARIANT),
  /**
   * The typed reading equals the registered one once small kana are written large (はっとり for ハツトリ), as systems
   * without small kana stored it: more specific than the other loose folds.
   */
  READING_LARGE(68, MatchTag.READING_LOOSE),
  READING_LOOSE(65, MatchTag.READING_LOOSE),
  /**
   * A typed reading is another reading a dictionary gives the patient's registered kanji surname (かわの for 河野
   * registered コウノ): below every registered reading, so registered カワノ patients come first.
   */
  READING_CANDIDATE(55, MatchTag.READING_CANDIDATE),
  PREFIX(50, MatchTag.PREFIX),
  NGRAM(40, MatchTag.PARTIAL),
  /** The kuromoji reading of a typed kanji name equals the registered reading: the reading matched, not a guess. */
  QUERY_READING(30, MatchTag.READING),
  /** A typed name matches a reading guessed for a patient registered without one. */
  GUESSED(30, MatchTag.GUESSED_READING),
  /**
   * Typed kanji match a name whose source lost one or two characters to a placeholder (髙橋 for ■橋): every known
   * character agrees and the length is the same, which says more than a partial (n-gram) match, so it scores above
   * one. Its tag yields to any reading match of the same token, though: a registered reading that agrees tells the
   * nurse more than "the other characters agree".
   */
  KANJI_PLACEHOLDER(45, MatchTag.PLACEHOLDER),
  /** A typed reading matches one composed per kanji for a patient whose name no dictionary knows (翔真 → ショウマ). */
  COMPOSED(20, MatchTag.GUESSED_READING),
  FUZZY(15, MatchTag.FUZZY),
  BIRTH_DATE(10, MatchTag.BIRTH_DATE);

  final float boost;
  final MatchTag tag;

  Tier(float boost, MatchTag tag) {
    this.boost = boost;
    this.tag = tag;
  }
}

package dev.ssmix2.core.synth;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Per-patient probabilities of the deliberate defects of a non-clean storage. {@link #none()} is what {@code --clean}
 * uses.
 *
 * @param variantKanji a variant kanji (髙, 﨑, 濵 …) in the family name; those outside JIS X 0208 force a CP932 file.
 *     Applies only to names with a character that has a common variant (高, 崎, 浜, 斎, 斉, 辺, 沢: about one in ten)
 * @param gaiji that variant kanji written as ■ (same condition as {@code variantKanji})
 * @param halfWidthKana the reading in half-width katakana
 * @param missingKana no kana repetition in PID-5
 * @param splitDakuten dakuten written as a separate ゛
 * @param utf8 the patient's files in UTF-8
 * @param cp932 the patient's files in CP932 even without a variant kanji
 * @param crlf CRLF segment ends
 * @param lf LF segment ends
 * @param junk a junk, empty or truncated file in the patient's folders
 */
public record QuirkRates(double variantKanji, double gaiji, double halfWidthKana, double missingKana,
    double splitDakuten, double utf8, double cp932, double crlf, double lf, double junk) {

  public QuirkRates {
    for (double r : new double[] {variantKanji, gaiji, halfWidthKana, missingKana, splitDakuten, utf8, cp932, crlf,
        lf, junk}) {
      checkArgument(r >= 0 && r <= 1, "quirk rate %s is not a probability between 0 and 1", r);
    }
  }

  /** Rates that give a storage of a few percent messy patients, like a real one. */
  public static QuirkRates defaults() {
    return new QuirkRates(0.15, 0.05, 0.01, 0.01, 0.005, 0.003, 0.003, 0.005, 0.005, 0.005);
  }

  /** No deliberate defects. */
  public static QuirkRates none() {
    return new QuirkRates(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** Whether every rate is zero. */
  public boolean isClean() {
    return equals(none());
  }
}

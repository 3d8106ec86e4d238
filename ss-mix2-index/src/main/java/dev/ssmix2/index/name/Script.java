package dev.ssmix2.index.name;

/** Which writing a name field is in, to catch kana typed into the kanji field and similar mix-ups. */
enum Script {
  /** Holds at least one ideograph (kanji, possibly mixed with kana: ひろ子). */
  KANJI,
  /** Kana only (hiragana, katakana, half-width, marks). */
  KANA,
  /** Latin letters and no kana or kanji. */
  LATIN,
  /** Nothing that names anything: empty, spaces, punctuation, placeholders only. */
  NONE;

  static Script of(String text) {
    boolean kana = false;
    boolean latin = false;
    boolean placeholder = false;
    for (int cp : text.codePoints().toArray()) {
      if (CodePoints.isIdeograph(cp)) {
        return KANJI;
      }
      if (PlaceholderStep.isPlaceholder(cp)) {
        placeholder = true;
      } else if (CodePoints.isKana(cp)) {
        kana = true;
      } else if (CodePoints.isLatinLetter(cp)) {
        latin = true;
      }
    }
    if (kana) {
      return KANA;
    }
    if (latin) {
      return LATIN;
    }
    return placeholder ? KANJI : NONE;
  }
}

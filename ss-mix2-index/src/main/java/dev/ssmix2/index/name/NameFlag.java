package dev.ssmix2.index.name;

/** What {@link NameKeys} noticed about a registered name; stored in the index so searches and the UI can explain. */
public enum NameFlag {
  /** A part with a kanji name has no reading (kana); the caller may add {@link ReadingGuesser} guesses (読み推定). */
  NO_KANA,
  /** The kanji name contained a placeholder for an unstorable character (外字: ■ ● 〓 ＊ ? or private use). */
  KANJI_PLACEHOLDER,
  /** The kana name contained a placeholder character. */
  KANA_PLACEHOLDER,
  /** The source used half-width katakana (ｻｲﾄｳ). */
  HALFWIDTH_SOURCE,
  /** The kanji field held only kana (ORCA fallback, foreign names in katakana); it was also used as the reading. */
  KANA_IN_KANJI_FIELD,
  /** The kana field held kanji; it was used as the kanji name when that was missing, never as a reading. */
  KANJI_IN_KANA_FIELD,
  /** Some field held Latin letters; they were read as romaji. */
  LATIN_NAME,
  /** The reading was derived from a romaji name because no kana was given. */
  KANA_FROM_ROMAJI,
  /**
   * Some field held markup (HTML tags such as {@code <b>}, character references such as {@code &lt;} or {@code
   * &#x9AD9;}); the keys were built from the text without it, the displayed name stays as registered.
   */
  MARKUP,
  /**
   * A field began with a provisional-registration mark ({@code (仮)}, {@code ｶ)}); the keys were built without it, the
   * displayed name stays as registered.
   */
  PROVISIONAL,
  /**
   * The whole name was written in one component (family field only: {@code 森本　トメ}, {@code マリア・サントス},
   * {@code NGUYEN THI HOA}); the keys split it at its spaces or ・/＝ into family and given name.
   */
  ONE_COMPONENT
}

package dev.ssmix2.index.search;

/**
 * Why a patient was found, shown next to each hit so a nurse can judge it (読み一致 is safer than あいまい一致).
 * Declared in display order; name tiers from strongest to weakest. {@link #GUESSED_READING} (読み推定) means the
 * patient has no registered reading and matched through one the index guessed; a typed kanji name whose reading
 * equals the registered one is {@link #READING}.
 */
public enum MatchTag {
  ID("ID一致"),
  EXACT("完全一致"),
  VARIANT("異体字一致"),
  READING("読み一致"),
  READING_LOOSE("読みゆらぎ一致"),
  /** The typed reading is another common reading of the registered kanji surname, not the registered one. */
  READING_CANDIDATE("読み候補一致"),
  PREFIX("前方一致"),
  PARTIAL("部分一致"),
  GUESSED_READING("読み推定"),
  /** The typed kanji match a registered name where the source wrote a placeholder (■ 〓) for a character. */
  PLACEHOLDER("外字一致"),
  FUZZY("あいまい一致"),
  BIRTH_DATE("生年月日一致");

  private final String label;

  MatchTag(String label) {
    this.label = label;
  }

  /** The Japanese label, e.g. 読み一致. */
  public String label() {
    return label;
  }
}

package dev.ssmix2.index.name;

/** Hiragana → katakana (やまだ → ヤマダ, ゝゞ → ヽヾ); katakana is the canonical reading space. */
final class HiraganaToKatakanaStep implements NameStep {
  static final String NAME = "hiraganaToKatakana";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    return CodePoints.map(
        text, cp -> (cp >= 0x3041 && cp <= 0x3096) || cp == 0x309D || cp == 0x309E ? cp + 0x60 : cp);
  }
}

package dev.ssmix2.index.name;

/**
 * Unifies characters typed for the long-vowel mark to ー U+30FC: － ‐ - ｰ ~ 〜 ～ and the other dashes (サト－ → サトー).
 * Meant for kana text; it would also rewrite hyphens in other text.
 */
final class LongVowelMarkStep implements NameStep {
  static final String NAME = "unifyLongVowelMark";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    return CodePoints.map(text, cp -> isLongVowelLike(cp) ? 0x30FC : cp);
  }

  static boolean isLongVowelLike(int cp) {
    return switch (cp) {
      case '-', '~', 0xFF0D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFF70, 0x301C, 0xFF5E, 0x30FC,
          0x2500, 0x2501 -> true;
      default -> false;
    };
  }
}

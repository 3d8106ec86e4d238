package dev.ssmix2.index.name;

/**
 * Loose: collapses long vowels, so spellings of one pronunciation meet: オウ/オオ→オ, ウウ→ウ, エイ/エエ→エ, イイ→イ, アア→ア
 * (サトウ = サトオ = サト, オオノ = オノ). One vowel is absorbed per syllable (ケイイチ → ケイチ, not ケチ). Run {@link
 * LongVowelExpandStep} first so ー takes part.
 */
final class LongVowelCollapseStep implements NameStep {
  static final String NAME = "collapseLongVowels";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    StringBuilder out = new StringBuilder(text.length());
    char vowel = 0;
    for (int cp : text.codePoints().toArray()) {
      if (vowel != 0 && lengthens(vowel, cp)) {
        vowel = 0; // absorbed; the next vowel starts a new syllable
        continue;
      }
      out.appendCodePoint(cp);
      vowel = KanaVowels.vowelOf(cp);
    }
    return out.toString();
  }

  private static boolean lengthens(char vowel, int cp) {
    return switch (vowel) {
      case 'o' -> cp == 'ウ' || cp == 'オ';
      case 'u' -> cp == 'ウ';
      case 'e' -> cp == 'イ' || cp == 'エ';
      case 'i' -> cp == 'イ';
      case 'a' -> cp == 'ア';
      default -> false;
    };
  }
}

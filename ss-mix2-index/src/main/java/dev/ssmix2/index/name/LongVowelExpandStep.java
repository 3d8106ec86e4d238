package dev.ssmix2.index.name;

/** Loose: ー → the vowel of the preceding kana (サトー → サトオ, キョー → キョオ); a leading ー is dropped. */
final class LongVowelExpandStep implements NameStep {
  static final String NAME = "expandLongVowelMark";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    StringBuilder out = new StringBuilder(text.length());
    char vowel = 0;
    for (int cp : text.codePoints().toArray()) {
      if (cp == 'ー') {
        if (vowel != 0) {
          out.appendCodePoint(KanaVowels.vowelKana(vowel));
        }
        continue;
      }
      out.appendCodePoint(cp);
      vowel = KanaVowels.vowelOf(cp);
    }
    return out.toString();
  }
}

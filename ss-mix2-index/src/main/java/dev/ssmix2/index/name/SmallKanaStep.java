package dev.ssmix2.index.name;

/**
 * Loose: small katakana → normal size (キョウコ → キヨウコ, ァ → ア), matching legacy systems that had no small kana.
 * Run {@link SokuonDropStep} first if ッ should vanish rather than become ツ.
 */
final class SmallKanaStep implements NameStep {
  static final String NAME = "smallToNormalKana";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    return CodePoints.map(
        text,
        cp -> switch (cp) {
          case 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ッ', 'ャ', 'ュ', 'ョ', 'ヮ' -> cp + 1;
          case 'ヵ' -> 'カ';
          case 'ヶ' -> 'ケ';
          default -> cp;
        });
  }
}

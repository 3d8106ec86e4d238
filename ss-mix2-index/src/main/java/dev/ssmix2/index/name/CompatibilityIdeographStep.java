package dev.ssmix2.index.name;

import java.text.Normalizer;

/**
 * Folds CJK compatibility ideographs to their unified form by their canonical mapping (隆 U+F9DC → 隆 U+9686, 羽
 * U+FA1E → 羽). The 12 "unified" ideographs of the block that have no mapping (﨑 U+FA11, 﨔 U+FA14 …) are left
 * alone; the variant table handles them.
 */
final class CompatibilityIdeographStep implements NameStep {
  static final String NAME = "foldCompatibilityIdeographs";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    return CodePoints.map(
        text,
        cp -> {
          if (!CodePoints.isCompatibilityIdeograph(cp)) {
            return cp;
          }
          String folded = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFC);
          return folded.codePointCount(0, folded.length()) == 1 ? folded.codePointAt(0) : cp;
        });
  }
}

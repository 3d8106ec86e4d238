package dev.ssmix2.index.name;

/**
 * Removes variation selectors: SVS U+FE00–FE0F and IVS U+E0100–E01EF (葛 + U+E0100 → 葛). The glyph choice they carry
 * is kept in the raw display value only; NFKC alone would keep them.
 */
final class VariationSelectorStep implements NameStep {
  static final String NAME = "stripVariationSelectors";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    return CodePoints.map(text, cp -> isVariationSelector(cp) ? -1 : cp);
  }

  static boolean isVariationSelector(int cp) {
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
  }
}

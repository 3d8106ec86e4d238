package dev.ssmix2.index.name;

/**
 * Removes — or, as {@value #MASK_NAME}, masks — placeholders for characters the source system could not store (外字):
 * ■ □ ● 〓 ＊ * ? ？ U+FFFD and the private-use area U+E000–F8FF. They are unknown characters, not text: 〓田 must
 * contribute only 田 to the exact keys. Callers use {@link #containsPlaceholder(String)} to flag the record
 * (KANJI_PLACEHOLDER).
 *
 * <p>The masking form replaces each placeholder by one {@link #MASK} (■橋 → 〓橋, ●田 → 〓田) and keeps its position:
 * the planner matches a typed 髙橋 against 〓橋 and 高〓, so the patient whose 髙 the source lost is found by the real
 * kanji.
 */
final class PlaceholderStep implements NameStep {
  static final String NAME = "removePlaceholders";
  static final String MASK_NAME = "maskPlaceholders";
  /** What every placeholder becomes in a masked key. */
  static final int MASK = 0x3013;

  private final boolean mask;

  private PlaceholderStep(boolean mask) {
    this.mask = mask;
  }

  static PlaceholderStep remove() {
    return new PlaceholderStep(false);
  }

  static PlaceholderStep mask() {
    return new PlaceholderStep(true);
  }

  @Override
  public String name() {
    return mask ? MASK_NAME : NAME;
  }

  @Override
  public String apply(String text) {
    return CodePoints.map(text, cp -> isPlaceholder(cp) ? (mask ? MASK : -1) : cp);
  }

  static boolean containsPlaceholder(String text) {
    return text.codePoints().anyMatch(PlaceholderStep::isPlaceholder);
  }

  static boolean isPlaceholder(int cp) {
    return switch (cp) {
      case 0x25A0, 0x25A1, 0x25CF, 0x3013, 0xFF0A, '*', '?', 0xFF1F, 0xFFFD -> true;
      default -> cp >= 0xE000 && cp <= 0xF8FF;
    };
  }
}

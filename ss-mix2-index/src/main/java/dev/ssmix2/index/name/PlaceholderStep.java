package dev.ssmix2.index.name;

/**
 * Removes placeholders for characters the source system could not store (外字): ■ □ ● 〓 ＊ * ? ？ U+FFFD and the
 * private-use area U+E000–F8FF. They are unknown characters, not text: 〓田 must contribute only 田 to the keys. Callers
 * use {@link #containsPlaceholder(String)} to flag the record (KANJI_PLACEHOLDER).
 */
final class PlaceholderStep implements NameStep {
  static final String NAME = "removePlaceholders";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    return CodePoints.map(text, cp -> isPlaceholder(cp) ? -1 : cp);
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

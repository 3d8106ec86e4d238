package dev.ssmix2.index.name;

/**
 * Expands iteration marks to the repeated character: 佐々木 → 佐佐木, 〻 likewise; ゝ/ヽ repeat the previous kana,
 * ゞ/ヾ repeat it voiced (いすゞ → いすず). Needed so 佐々木 and 佐佐木 give one key and kanji n-grams see real
 * characters. A mark with nothing before it is kept.
 */
final class IterationMarkStep implements NameStep {
  static final String NAME = "expandIterationMarks";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int previous = -1;
    for (int cp : text.codePoints().toArray()) {
      int expanded = cp;
      if (previous >= 0) {
        switch (cp) {
          case 0x3005, 0x303B -> expanded = previous; // 々 〻
          case 0x309D, 0x30FD -> expanded = unvoiced(previous); // ゝ ヽ
          case 0x309E, 0x30FE -> expanded = voiced(previous); // ゞ ヾ
          default -> { }
        }
      }
      out.appendCodePoint(expanded);
      previous = expanded;
    }
    return out.toString();
  }

  private static int unvoiced(int kana) {
    String decomposed = java.text.Normalizer.normalize(Character.toString(kana), java.text.Normalizer.Form.NFD);
    return decomposed.codePointAt(0);
  }

  private static int voiced(int kana) {
    String composed =
        java.text.Normalizer.normalize(
            Character.toString(unvoiced(kana)) + '\u3099', java.text.Normalizer.Form.NFC);
    return composed.codePointCount(0, composed.length()) == 1 ? composed.codePointAt(0) : kana;
  }
}

package dev.ssmix2.index.name;

import java.text.Normalizer;

/**
 * Joins split voicing marks onto the preceding kana: カ + ゛/ﾞ/U+3099 → ガ, ハ + ゜/ﾟ/U+309A → パ, ｶ + ﾞ → ガ, ウ + ゛ →
 * ヴ. Legacy systems store names with separate marks; without this ガ and カ゛ would be different keys. A mark that
 * cannot combine (ア + ゛) is left in place.
 */
final class DakutenJoinStep implements NameStep {
  static final String NAME = "joinDakuten";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int[] cps = text.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      int combining = i + 1 < cps.length ? combiningMark(cps[i + 1]) : -1;
      if (combining > 0 && CodePoints.isKana(cp)) {
        int base = CodePoints.isHalfwidthKatakana(cp) ? fullWidth(cp) : cp;
        String joined = Normalizer.normalize(new String(new int[] {base, combining}, 0, 2), Normalizer.Form.NFC);
        if (joined.codePointCount(0, joined.length()) == 1) {
          out.append(joined);
          i++;
          continue;
        }
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  /** U+3099 for any voiced-sound mark, U+309A for any semi-voiced one, else -1. */
  private static int combiningMark(int cp) {
    return switch (cp) {
      case 0x309B, 0xFF9E, 0x3099 -> 0x3099;
      case 0x309C, 0xFF9F, 0x309A -> 0x309A;
      default -> -1;
    };
  }

  private static int fullWidth(int halfwidth) {
    return Normalizer.normalize(Character.toString(halfwidth), Normalizer.Form.NFKC).codePointAt(0);
  }
}

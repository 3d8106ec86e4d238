package dev.ssmix2.index.name;

import java.util.function.IntUnaryOperator;

/** Code-point helpers, so no step ever splits a surrogate pair. */
final class CodePoints {
  private CodePoints() {}

  /** Maps each code point; a result of -1 drops the code point. */
  static String map(String text, IntUnaryOperator mapping) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              int mapped = mapping.applyAsInt(cp);
              if (mapped >= 0) {
                out.appendCodePoint(mapped);
              }
            });
    return out.toString();
  }

  static boolean isKatakana(int cp) {
    return (cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC || cp == 0x30FD || cp == 0x30FE;
  }

  static boolean isHiragana(int cp) {
    return (cp >= 0x3041 && cp <= 0x3096) || cp == 0x309D || cp == 0x309E;
  }

  static boolean isHalfwidthKatakana(int cp) {
    return cp >= 0xFF65 && cp <= 0xFF9F;
  }

  static boolean isKana(int cp) {
    return isKatakana(cp) || isHiragana(cp) || isHalfwidthKatakana(cp) || cp == 0x309B || cp == 0x309C
        || cp == 0x3099 || cp == 0x309A;
  }

  /** CJK ideographs (unified, extensions, compatibility) and the iteration marks 々 〻. */
  static boolean isIdeograph(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || cp == 0x3005 || cp == 0x303B;
  }

  /** The CJK compatibility ideograph blocks, which NFKC rewrites to unified ideographs (神 U+FA19 → 神). */
  static boolean isCompatibilityIdeograph(int cp) {
    return (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }

  static boolean isLatinLetter(int cp) {
    return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
  }
}

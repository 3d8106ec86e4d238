package dev.ssmix2.index.query;

/** Character classes for query tokens (code points, after NFKC). */
final class Chars {
  private Chars() {}

  static boolean isIdeograph(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp == 0x3005 || cp == 0x303B;
  }

  static boolean isKana(int cp) {
    return (cp >= 0x3041 && cp <= 0x309F) || (cp >= 0x30A0 && cp <= 0x30FF && cp != 0x30FB)
        || (cp >= 0xFF66 && cp <= 0xFF9F);
  }

  static boolean isLatinLetter(int cp) {
    return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
  }
}

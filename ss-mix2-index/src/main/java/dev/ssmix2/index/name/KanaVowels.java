package dev.ssmix2.index.name;

/** The vowel each katakana ends in, for ー expansion and long-vowel collapsing. */
final class KanaVowels {
  private KanaVowels() {}

  private static final String A = "アァカガサザタダナハバパマヤャラワヮヵヷ";
  private static final String I = "イィキギシジチヂニヒビピミリヰヸ";
  private static final String U = "ウゥクグスズツヅヌフブプムユュルヴ";
  private static final String E = "エェケゲセゼテデネヘベペメレヱヶヹ";
  private static final String O = "オォコゴソゾトドノホボポモヨョロヲヺ";

  /** 'a' 'i' 'u' 'e' 'o', or 0 for ン ッ ー and anything that is not katakana. */
  static char vowelOf(int cp) {
    if (A.indexOf(cp) >= 0) {
      return 'a';
    }
    if (I.indexOf(cp) >= 0) {
      return 'i';
    }
    if (U.indexOf(cp) >= 0) {
      return 'u';
    }
    if (E.indexOf(cp) >= 0) {
      return 'e';
    }
    if (O.indexOf(cp) >= 0) {
      return 'o';
    }
    return 0;
  }

  /** The plain vowel kana ア イ ウ エ オ for a vowel letter. */
  static int vowelKana(char vowel) {
    return switch (vowel) {
      case 'a' -> 'ア';
      case 'i' -> 'イ';
      case 'u' -> 'ウ';
      case 'e' -> 'エ';
      case 'o' -> 'オ';
      default -> throw new IllegalArgumentException("not a vowel: '" + vowel + "', expected one of a i u e o");
    };
  }
}

package dev.ssmix2.core.record;

/** Reads the number of doses a day from a usage text such as {@code 内服・経口・１日３回朝昼夕食後}. */
final class UsageText {
  private UsageText() {}

  /**
   * {@code 分3} for a text saying "1日3回" (half- or full-width digits), else the text itself, so that nothing the
   * prescriber wrote is lost from the summary.
   */
  static String dosesPerDay(String usage) {
    String ascii = toAsciiDigits(usage);
    int day = ascii.indexOf("1日");
    if (day >= 0) {
      int i = day + 2;
      int j = i;
      while (j < ascii.length() && Character.isDigit(ascii.charAt(j)) && ascii.charAt(j) < 128) {
        j++;
      }
      if (j > i && j < ascii.length() && ascii.charAt(j) == '回') {
        return "分" + ascii.substring(i, j);
      }
    }
    return usage;
  }

  private static String toAsciiDigits(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.appendCodePoint(cp >= '０' && cp <= '９' ? cp - '０' + '0' : cp));
    return sb.toString();
  }
}

package dev.ssmix2.examples.cli;

/**
 * Makes text from a storage safe to print on a terminal: file names and names may hold newlines (which would forge
 * report lines), escape sequences (which terminals interpret) or bidirectional overrides (which reorder what is
 * shown). Each such character is printed as a visible escape ({@code \n}, {@code \x1B}, {@code \u202E}); everything
 * else, Japanese included, is printed as is.
 */
final class Terminal {
  private Terminal() {}

  static String safe(Object value) {
    String s = String.valueOf(value);
    int i = 0;
    while (i < s.length() && !needsEscape(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!needsEscape(c)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x100) {
        sb.append(String.format("\\x%02X", (int) c));
      } else {
        sb.append(String.format("\\u%04X", (int) c));
      }
    }
    return sb.toString();
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
  }
}

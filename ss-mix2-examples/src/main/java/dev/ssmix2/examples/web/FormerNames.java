package dev.ssmix2.examples.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which former names (旧姓など) to show beside a hit: those a typed name token is found in while the current name and
 * reading do not contain it, so that "鈴木" finding 佐藤 花子 says it found her as 鈴木 花子. Display only: the index
 * decides what matches.
 */
final class FormerNames {
  private FormerNames() {}

  static List<String> matchedThrough(String query, String name, String kana, List<String> formerNames) {
    List<String> shown = new ArrayList<>();
    if (formerNames.isEmpty()) {
      return shown;
    }
    String current = fold(name) + "\n" + fold(kana);
    for (String token : query.strip().split("[\\s\\u3000]+")) {
      String t = fold(token);
      if (t.isEmpty() || t.chars().anyMatch(Character::isDigit) || current.contains(t)) {
        continue; // IDs and dates are not names; a token the current name has explains the hit itself
      }
      for (String former : formerNames) {
        if (fold(former).contains(t) && !shown.contains(former)) {
          shown.add(former);
        }
      }
    }
    return shown;
  }

  /** Width-folded, katakana, without spaces, upper case: how a typed token and a stored name are compared. */
  static String fold(String s) {
    String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
    StringBuilder sb = new StringBuilder(n.length());
    n.codePoints().forEach(c -> sb.appendCodePoint(c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c));
    return sb.toString().toUpperCase(Locale.ROOT);
  }
}

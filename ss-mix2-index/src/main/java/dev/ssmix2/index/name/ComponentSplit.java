package dev.ssmix2.index.name;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ways one representation (kanji, kana or romaji) of a registered name can be read as family + given name when
 * the registering system did not split it.
 *
 * <ul>
 *   <li>The whole name in the family field ({@code 森本　トメ}, {@code モリモト トメ}): family name first, split at the
 *       first space — Japanese order.
 *   <li>A foreign name in one field with ・ or ＝ ({@code マリア・サントス}) or in Latin letters ({@code NGUYEN THI HOA},
 *       {@code JOHN SMITH}): the order is unknown (Western or family first), so both readings are offered.
 *   <li>Several given names ({@code THI HOA}, {@code マリア・ルイサ}): each one alone too, since a clerk types the name
 *       the patient goes by ({@code nguyen hoa}).
 * </ul>
 *
 * <p>Each reading has a kind ({@code ""} as registered, {@code ff} family first, {@code w} Western, {@code …:i} with
 * only the i-th given word), so the kanji, kana and romaji representations of one name can be paired kind by kind.
 */
final class ComponentSplit {
  /** Names with more words than this are not split: they are notes or junk, not a name. */
  private static final int MAX_WORDS = 5;

  private ComponentSplit() {}

  /** The readings of (family, given) by kind, the primary one first; never empty. */
  static Map<String, String[]> layouts(String family, String given) {
    Map<String, String[]> out = new LinkedHashMap<>();
    List<String> familyWords = words(family);
    List<String> givenWords = words(given);
    if (given.isBlank() && familyWords.size() >= 2 && familyWords.size() <= MAX_WORDS) {
      int n = familyWords.size() - 1;
      out.put("ff", new String[] {familyWords.get(0), join(familyWords.subList(1, n + 1))});
      if (n >= 2) {
        for (int i = 1; i <= n; i++) {
          out.put("ff:" + i, new String[] {familyWords.get(0), familyWords.get(i)});
        }
      }
      if (foreign(family)) {
        out.put("w", new String[] {familyWords.get(n), join(familyWords.subList(0, n))});
        if (n >= 2) {
          for (int i = 0; i < n; i++) {
            out.put("w:" + i, new String[] {familyWords.get(n), familyWords.get(i)});
          }
        }
      }
      return out;
    }
    out.put("", new String[] {family, given});
    if (givenWords.size() >= 2 && givenWords.size() <= MAX_WORDS) {
      for (int i = 0; i < givenWords.size(); i++) {
        out.put("g:" + i, new String[] {family, givenWords.get(i)});
      }
    }
    return out;
  }

  /** Whether the name is written like a foreign one: with ・/＝ between its words, or in Latin letters. */
  private static boolean foreign(String text) {
    return Script.of(text) == Script.LATIN
        || text.codePoints().anyMatch(cp -> SeparatorStep.isSeparator(cp) && !Character.isWhitespace(cp)
            && !Character.isSpaceChar(cp));
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints().forEach(cp -> {
      if (SeparatorStep.isSeparator(cp)) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.appendCodePoint(cp);
      }
    });
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static String join(List<String> words) {
    return String.join(" ", words);
  }
}

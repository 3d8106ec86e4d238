package dev.ssmix2.index.name;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Romaji ↔ katakana with the bundled {@code romaji.tsv}: typed romaji in any common system → katakana candidates, and
 * katakana → canonical Hepburn. The romaji <em>key</em> is where spelling systems meet: シンイチ, "shinichi",
 * "sinniti" and "shin'ichi" all give {@code shinichi}; サトウ, サトー, "satoh" give {@code sato}.
 */
final class Romaji {
  private Romaji() {}

  private static final int MAX_CANDIDATES = 8;
  private static final ImmutableMap<String, String> TO_KANA;
  private static final ImmutableMap<String, String> TO_ROMAJI;
  private static final int MAX_ROMAJI_LENGTH;

  static {
    Map<String, String> toKana = new HashMap<>();
    Map<String, String> toRomaji = new HashMap<>();
    int line = 0;
    int longest = 1;
    for (String[] row : Tables.rows(Tables.ROMAJI)) {
      line++;
      if (row.length < 2 || row[0].isEmpty() || row[1].isEmpty()) {
        throw new NameTableException(Tables.ROMAJI, "data row " + line + " must be romaji TAB katakana [TAB H]");
      }
      if (toKana.put(row[0], row[1]) != null) {
        throw new NameTableException(Tables.ROMAJI, "romaji '" + row[0] + "' is listed twice (data row " + line + ")");
      }
      longest = Math.max(longest, row[0].length());
      if (row.length > 2 && row[2].equals("H") && toRomaji.put(row[1], row[0]) != null) {
        throw new NameTableException(Tables.ROMAJI, "kana '" + row[1] + "' has two H rows (data row " + line + ")");
      }
    }
    TO_KANA = ImmutableMap.copyOf(toKana);
    TO_ROMAJI = ImmutableMap.copyOf(toRomaji);
    MAX_ROMAJI_LENGTH = longest;
  }

  private static final NameStep KEY_FOLDS =
      NameSteps.chain(
          new VuFoldStep(), new ArchaicKanaStep(), new LongVowelExpandStep(), new LongVowelCollapseStep());

  /** Romaji key of an exact katakana string: ヴ/ヂ/ヅ folded, long vowels collapsed, Hepburn, "nn" → "n". */
  static String keyOfKana(String katakana) {
    return romanize(KEY_FOLDS.apply(katakana)).replace("nn", "n");
  }

  /** Hepburn romanisation (ン → n always, ッ doubles the next consonant, ッチ → tchi); non-kana passes through. */
  static String romanize(String katakana) {
    StringBuilder out = new StringBuilder();
    int[] cps = katakana.codePoints().toArray();
    boolean sokuon = false;
    for (int i = 0; i < cps.length; ) {
      if (cps[i] == 'ッ') {
        sokuon = true;
        i++;
        continue;
      }
      String syllable = null;
      int used = 0;
      if (i + 1 < cps.length) {
        syllable = TO_ROMAJI.get(new String(cps, i, 2));
        used = 2;
      }
      if (syllable == null) {
        syllable = TO_ROMAJI.get(new String(cps, i, 1));
        used = 1;
      }
      if (syllable == null) {
        syllable = cps[i] == 'ー' ? "" : new String(cps, i, 1).toLowerCase(Locale.ROOT);
      }
      if (sokuon && !syllable.isEmpty() && isConsonant(syllable.charAt(0))) {
        out.append(syllable.startsWith("ch") ? 't' : syllable.charAt(0));
      }
      sokuon = false;
      out.append(syllable);
      i += used;
    }
    return out.toString();
  }

  /**
   * Katakana readings for typed romaji, best first (at most 8). Accepts Hepburn, Kunrei/Nihon-shiki, wāpuro (xtu, nn,
   * n'), passport forms (oh, m before b/p/m), macrons, doubled consonants and tch. Ambiguous spellings yield several
   * candidates: "ohno" → オウノ, オオノ; "victoria" → ヴィクトリア, ビクトリア.
   */
  static List<String> toKanaCandidates(String romaji) {
    String text = expandMacrons(romaji.toLowerCase(Locale.ROOT));
    List<String> parses = new ArrayList<>();
    parse(text, 0, new StringBuilder(), parses);
    Set<String> candidates = new LinkedHashSet<>(parses);
    VuFoldStep vu = new VuFoldStep();
    for (String parse : parses) {
      if (parse.indexOf('ヴ') >= 0) {
        candidates.add(vu.apply(parse));
      }
    }
    candidates.remove("");
    return ImmutableList.copyOf(candidates).subList(0, Math.min(MAX_CANDIDATES, candidates.size()));
  }

  private record Option(String kana, int advance) {}

  private static void parse(String s, int i, StringBuilder built, List<String> out) {
    if (out.size() >= MAX_CANDIDATES) {
      return;
    }
    if (i >= s.length()) {
      out.add(built.toString());
      return;
    }
    for (Option option : options(s, i)) {
      int mark = built.length();
      built.append(option.kana());
      parse(s, i + option.advance(), built, out);
      built.setLength(mark);
    }
  }

  private static List<Option> options(String s, int i) {
    char c = s.charAt(i);
    char next = at(s, i + 1);
    if (c == '-') {
      return List.of(new Option("ー", 1));
    }
    if (c < 'a' || c > 'z') {
      return List.of(new Option("", 1)); // apostrophes, dots: separators only
    }
    if (c == 'n') {
      if (next == '\'') {
        return List.of(new Option("ン", 2));
      }
      if (next == 'n') {
        // wāpuro "nn" is ン, but Hepburn "anna" is アンナ: offer both when a vowel follows.
        return startsSyllable(at(s, i + 2))
            ? List.of(new Option("ン", 1), new Option("ン", 2))
            : List.of(new Option("ン", 2));
      }
      if (!startsSyllable(next)) {
        return List.of(new Option("ン", 1));
      }
    }
    if (c == 'm' && (next == 'b' || next == 'p' || next == 'm')) {
      return List.of(new Option("ン", 1)); // passport Hepburn: homma, namba
    }
    if (c == 'h' && i > 0 && s.charAt(i - 1) == 'o' && !startsSyllable(next)) {
      return List.of(new Option("ウ", 1), new Option("オ", 1)); // passport "oh": ohno, satoh
    }
    if (isConsonant(c) && c != 'n' && (next == c || (c == 't' && next == 'c' && at(s, i + 2) == 'h'))) {
      return List.of(new Option("ッ", 1));
    }
    for (int length = Math.min(MAX_ROMAJI_LENGTH, s.length() - i); length >= 1; length--) {
      String kana = TO_KANA.get(s.substring(i, i + length));
      if (kana != null) {
        return List.of(new Option(kana, length));
      }
    }
    return List.of(loneConsonant(s, i));
  }

  /** A consonant with no vowel after it, as in foreign names written in romaji (smith → スミス, victor → ヴィクトル). */
  private static Option loneConsonant(String s, int i) {
    String two = s.substring(i, Math.min(s.length(), i + 2));
    switch (two) {
      case "th": return new Option("ス", 2);
      case "sh": return new Option("シュ", 2);
      case "ch": return new Option("チ", 2);
      case "ts": return new Option("ツ", 2);
      case "ck": return new Option("ク", 2);
      default: break;
    }
    String kana = switch (s.charAt(i)) {
      case 'b' -> "ブ";
      case 'c', 'k', 'q' -> "ク";
      case 'd' -> "ド";
      case 'f' -> "フ";
      case 'g' -> "グ";
      case 'j' -> "ジ";
      case 'l', 'r' -> "ル";
      case 'm' -> "ム";
      case 'p' -> "プ";
      case 's' -> "ス";
      case 't' -> "ト";
      case 'v' -> "ヴ";
      case 'w' -> "ウ";
      case 'x' -> "クス";
      case 'y' -> "イ";
      case 'z' -> "ズ";
      default -> ""; // h and anything else: silent
    };
    return new Option(kana, 1);
  }

  private static String expandMacrons(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case 'ā', 'â' -> out.append("aa");
        case 'ī', 'î' -> out.append("ii");
        case 'ū', 'û' -> out.append("uu");
        case 'ē', 'ê' -> out.append("ee");
        case 'ō', 'ô' -> out.append("ou");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static char at(String s, int i) {
    return i < s.length() ? s.charAt(i) : 0;
  }

  private static boolean startsSyllable(char c) {
    return c == 'a' || c == 'i' || c == 'u' || c == 'e' || c == 'o' || c == 'y';
  }

  private static boolean isConsonant(char c) {
    return c >= 'a' && c <= 'z' && !startsSyllable(c) || c == 'y';
  }
}

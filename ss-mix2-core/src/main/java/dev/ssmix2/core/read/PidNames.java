package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.record.PersonName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the kanji, kana and romaji repetitions of PID-5 (XPN).
 *
 * <p>Each repetition is classified by XPN.8 ({@code I} ideographic, {@code P} phonetic, {@code A} alphabetic). A
 * writer that puts {@code L^I} one caret short (XPN.6/XPN.7) is understood. Repetitions with no usable code are
 * placed by position (first kanji, second kana). A kanji slot that holds only kana, with no kana repetition, also
 * serves as the kana name. Text is kept exactly as stored (half-width kana, ■ placeholders).
 */
final class PidNames {
  Optional<PersonName> kanji = Optional.empty();
  Optional<PersonName> kana = Optional.empty();
  Optional<PersonName> romaji = Optional.empty();

  private PidNames() {}

  static PidNames of(Field pid5) {
    PidNames names = new PidNames();
    List<PersonName> unplaced = new ArrayList<>();
    for (int rep = 0; rep < pid5.repetitionCount(); rep++) {
      PersonName name = new PersonName(pid5.component(rep, 1).strip(), pid5.component(rep, 2).strip());
      if (name.isEmpty()) {
        continue;
      }
      switch (representation(pid5, rep)) {
        case "I" -> names.kanji = names.kanji.or(() -> Optional.of(name));
        case "P" -> names.kana = names.kana.or(() -> Optional.of(name));
        case "A" -> names.romaji = names.romaji.or(() -> Optional.of(name));
        default -> unplaced.add(name);
      }
    }
    for (PersonName name : unplaced) {
      if (names.kanji.isEmpty()) {
        names.kanji = Optional.of(name);
      } else if (names.kana.isEmpty()) {
        names.kana = Optional.of(name);
      }
    }
    if (names.kana.isEmpty() && names.kanji.isPresent() && isKanaOnly(names.kanji.get())) {
      names.kana = names.kanji;
    }
    return names;
  }

  /** XPN.8, or XPN.7 when the writer left out one caret ({@code ^^^^^L^I}); "" when neither is I, P or A. */
  private static String representation(Field pid5, int rep) {
    String xpn8 = pid5.component(rep, 8).strip().toUpperCase(java.util.Locale.ROOT);
    if (isCode(xpn8)) {
      return xpn8;
    }
    String xpn7 = pid5.component(rep, 7).strip().toUpperCase(java.util.Locale.ROOT);
    return xpn8.isEmpty() && isCode(xpn7) ? xpn7 : "";
  }

  private static boolean isCode(String s) {
    return s.equals("I") || s.equals("P") || s.equals("A");
  }

  /** Whether every letter is kana (full- or half-width katakana, hiragana, prolonged sound mark). */
  static boolean isKanaOnly(PersonName name) {
    String s = name.family() + name.given();
    boolean any = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || cp == '\u3000') {
        continue;
      }
      Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
      boolean kana = b == Character.UnicodeBlock.KATAKANA || b == Character.UnicodeBlock.HIRAGANA
          || (cp >= 0xFF66 && cp <= 0xFF9F);
      if (!kana) {
        return false;
      }
      any = true;
    }
    return any;
  }
}

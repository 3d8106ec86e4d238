package dev.ssmix2.index.internal.patient;

import com.google.common.base.Preconditions;
import dev.ssmix2.core.record.Patient;
import dev.ssmix2.core.record.PersonName;
import dev.ssmix2.index.name.NameKeys;
import java.util.List;
import java.util.Optional;

/**
 * One person name as registered in PID-5 (患者氏名), after the repetitions were sorted into kanji (XPN.8 = I), reading
 * (P) and romaji (A). Missing parts are "" so callers never see null.
 *
 * <pre>{@code
 * RegisteredName n = new RegisteredName("山田", "太郎", "ヤマダ", "タロウ", "", "");
 * n.display();     // "山田　太郎"
 * n.keys();        // every search key, see NameKeys
 * }</pre>
 */
public record RegisteredName(
    String kanjiFamily, String kanjiGiven, String kanaFamily, String kanaGiven, String romajiFamily,
    String romajiGiven) {

  public RegisteredName {
    Preconditions.checkNotNull(kanjiFamily, "kanjiFamily must not be null (use \"\")");
    Preconditions.checkNotNull(kanjiGiven, "kanjiGiven must not be null (use \"\")");
    Preconditions.checkNotNull(kanaFamily, "kanaFamily must not be null (use \"\")");
    Preconditions.checkNotNull(kanaGiven, "kanaGiven must not be null (use \"\")");
    Preconditions.checkNotNull(romajiFamily, "romajiFamily must not be null (use \"\")");
    Preconditions.checkNotNull(romajiGiven, "romajiGiven must not be null (use \"\")");
  }

  /**
   * The longest name part kept, in code points. Real names stay far below it; a damaged or hostile PID-5 (a 40,000
   * character name, a huge {@code \X…\} escape) is cut here, so that every key and term derived from it stays small.
   */
  public static final int MAX_PART_CODE_POINTS = 100;

  /**
   * The name of a patient read by the core reader (which sorted the PID-5 repetitions by XPN.8); empty when PID-5
   * held no name at all. Parts longer than {@link #MAX_PART_CODE_POINTS} are cut to that length.
   */
  public static Optional<RegisteredName> of(Patient patient) {
    Preconditions.checkNotNull(patient, "patient must not be null");
    PersonName none = new PersonName("", "");
    PersonName kanji = patient.kanji().orElse(none);
    PersonName kana = patient.kana().orElse(none);
    PersonName romaji = patient.romaji().orElse(none);
    RegisteredName n = new RegisteredName(cut(kanji.family()), cut(kanji.given()), cut(kana.family()),
        cut(kana.given()), cut(romaji.family()), cut(romaji.given()));
    return n.isEmpty() ? Optional.empty() : Optional.of(n);
  }

  /** The length in code points of the longest name part of {@code patient}, when it exceeds the limit. */
  public static Optional<Integer> overLongPart(Patient patient) {
    Preconditions.checkNotNull(patient, "patient must not be null");
    int longest = 0;
    for (Optional<PersonName> name : List.of(patient.kanji(), patient.kana(), patient.romaji())) {
      if (name.isPresent()) {
        longest = Math.max(longest, Math.max(codePoints(name.get().family()), codePoints(name.get().given())));
      }
    }
    return longest > MAX_PART_CODE_POINTS ? Optional.of(longest) : Optional.empty();
  }

  private static int codePoints(String s) {
    return s.codePointCount(0, s.length());
  }

  private static String cut(String s) {
    if (s.length() <= MAX_PART_CODE_POINTS || codePoints(s) <= MAX_PART_CODE_POINTS) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, MAX_PART_CODE_POINTS));
  }

  /** Whether nothing at all was registered. */
  public boolean isEmpty() {
    return (kanjiFamily + kanjiGiven + kanaFamily + kanaGiven + romajiFamily + romajiGiven).isBlank();
  }

  /** Whether a reading (カナ氏名) was registered. */
  public boolean hasKana() {
    return !(kanaFamily + kanaGiven).isBlank();
  }

  /** The name to show: kanji when registered, else the reading, else the romaji; parts joined by a full-width space. */
  public String display() {
    if (!(kanjiFamily + kanjiGiven).isBlank()) {
      return join(kanjiFamily, kanjiGiven);
    }
    if (hasKana()) {
      return kanaDisplay();
    }
    return join(romajiFamily, romajiGiven);
  }

  /** The registered reading joined by a full-width space, or "" when there is none. */
  public String kanaDisplay() {
    return join(kanaFamily, kanaGiven);
  }

  /** Every normalised search key of this name. */
  public NameKeys keys() {
    return NameKeys.builder()
        .kanji(kanjiFamily, kanjiGiven)
        .kana(kanaFamily, kanaGiven)
        .romaji(romajiFamily, romajiGiven)
        .build();
  }

  /**
   * The keys of every way to read this name as family + given, primary first: more than one when it was registered in
   * one component or with several given names (see {@link NameKeys.Builder#buildAll()}).
   */
  public java.util.List<NameKeys> allKeys() {
    return NameKeys.builder()
        .kanji(kanjiFamily, kanjiGiven)
        .kana(kanaFamily, kanaGiven)
        .romaji(romajiFamily, romajiGiven)
        .buildAll();
  }

  private static String join(String family, String given) {
    String f = family.strip();
    String g = given.strip();
    if (g.isEmpty()) {
      return f;
    }
    return f.isEmpty() ? g : f + "\u3000" + g;
  }
}

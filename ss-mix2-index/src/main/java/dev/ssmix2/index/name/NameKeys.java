package dev.ssmix2.index.name;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Sets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every search key of one person name (氏名), computed in the library so all engines index identical values.
 *
 * <p>Built from the kanji name (漢字氏名), the reading (カナ氏名) and optionally a romaji name, each split into family and
 * given part; any of them may be empty. Keys per {@link Part}: family, given and full (family + given, no separator).
 * Markup in a field ({@code <b>田中</b>}, {@code &#x9AD9;木}) is removed first and flagged {@link NameFlag#MARKUP}.
 *
 * <pre>{@code
 * NameKeys keys = NameKeys.builder().kanji("髙橋", "一生").kana("ﾀｶﾊｼ", "ｲｯｾｲ").build();
 * keys.family().kanjiExact();   // "髙橋"
 * keys.family().kanjiStrict();  // "高橋"
 * keys.family().kanaExact();    // "タカハシ"
 * keys.given().kanaLoose();     // "イセ"
 * keys.full().romajiKey();      // "takahashiisse"
 * keys.flags();                 // [HALFWIDTH_SOURCE]
 * }</pre>
 *
 * <p>The static helpers apply the same chains to query text, so index and query keys always agree. Keys depend on the
 * bundled tables; store {@link #TABLE_VERSION} with an index and rebuild it when the value differs.
 *
 * @param family keys of the family name (姓)
 * @param given keys of the given name (名)
 * @param full keys of family + given written together (山田太郎), for undelimited queries
 * @param flags what was noticed in the source
 */
public record NameKeys(Part family, Part given, Part full, Set<NameFlag> flags) {

  /** Changes whenever a bundled table or a key rule changes; an index built with another value must be rebuilt. */
  public static final String TABLE_VERSION = Tables.fingerprint("keys-r4");

  private static final NameStep MARKUP = NameSteps.forName("removeMarkup");
  private static final NameStep PROVISIONAL = NameSteps.forName("removeProvisionalMark");

  private static final NameStep KANJI_EXACT =
      NameSteps.chain(
          "stripVariationSelectors", "joinDakuten", "widthFold", "removeSeparators", "expandIterationMarks",
          "removePlaceholders");
  private static final NameStep KANJI_STRICT =
      KANJI_EXACT.then(NameSteps.chain("foldCompatibilityIdeographs", "kanjiStrict"));
  private static final NameStep KANJI_LOOSE = KANJI_STRICT.then(NameSteps.forName("kanjiLoose"));
  private static final NameStep KANJI_MASKED =
      NameSteps.chain(
          "stripVariationSelectors", "joinDakuten", "widthFold", "removeSeparators", "expandIterationMarks",
          "maskPlaceholders", "foldCompatibilityIdeographs", "kanjiStrict");
  private static final NameStep KANA_EXACT =
      NameSteps.chain(
          "stripVariationSelectors", "joinDakuten", "widthFold", "hiraganaToKatakana", "expandIterationMarks",
          "unifyLongVowelMark", "removeSeparators", "removePlaceholders");
  private static final NameStep KANA_LARGE = KANA_EXACT.then(NameSteps.forName("smallToNormalKana"));
  private static final NameStep KANA_LOOSE_FOLDS =
      NameSteps.chain(
          "foldVu", "foldArchaicKana", "dropSokuon", "smallToNormalKana", "expandLongVowelMark",
          "collapseLongVowels");

  public NameKeys {
    Preconditions.checkNotNull(family, "family part must not be null");
    Preconditions.checkNotNull(given, "given part must not be null");
    Preconditions.checkNotNull(full, "full part must not be null");
    flags = flags.isEmpty() ? Set.of() : Sets.immutableEnumSet(flags);
  }

  /**
   * Keys of one name part. Absent values are empty strings (never null), so a consumer writes {@code if
   * (!part.kanaExact().isEmpty())}.
   *
   * @param kanjiRaw the kanji name as registered, markup removed (may hold IVS and placeholders)
   * @param kanjiExact width-folded, IVS stripped, iteration marks expanded, placeholders removed; compatibility
   *     ideographs kept as registered
   * @param kanjiStrict {@code kanjiExact} with unambiguous glyph variants folded (髙→高, 﨑→崎)
   * @param kanjiLoose {@code kanjiStrict} with confusable characters merged (斉→斎)
   * @param kanjiHasPlaceholder whether the kanji name had an unknown-character placeholder (〓田)
   * @param kanaExact katakana reading: width-folded, hiragana→katakana, ー unified, separators removed
   * @param kanaLoose phonetic key: ヴ→バ行, ヂ/ヅ, small kana, ッ dropped, long vowels collapsed
   * @param romajiKeys distinct romaji keys (Hepburn, long vowels collapsed, "nn"→"n"): from the reading first, then from
   *     a romaji name
   */
  public record Part(
      String kanjiRaw,
      String kanjiExact,
      String kanjiStrict,
      String kanjiLoose,
      boolean kanjiHasPlaceholder,
      String kanaExact,
      String kanaLoose,
      List<String> romajiKeys) {

    public Part {
      Preconditions.checkNotNull(kanjiRaw, "kanjiRaw must not be null (use \"\")");
      Preconditions.checkNotNull(kanjiExact, "kanjiExact must not be null (use \"\")");
      Preconditions.checkNotNull(kanjiStrict, "kanjiStrict must not be null (use \"\")");
      Preconditions.checkNotNull(kanjiLoose, "kanjiLoose must not be null (use \"\")");
      Preconditions.checkNotNull(kanaExact, "kanaExact must not be null (use \"\")");
      Preconditions.checkNotNull(kanaLoose, "kanaLoose must not be null (use \"\")");
      romajiKeys = ImmutableList.copyOf(romajiKeys);
    }

    /** The first romaji key, or "" when there is none. */
    public String romajiKey() {
      return romajiKeys.isEmpty() ? "" : romajiKeys.get(0);
    }

    public boolean hasKanji() {
      return !kanjiExact.isEmpty();
    }

    public boolean hasKana() {
      return !kanaExact.isEmpty();
    }

    public boolean isEmpty() {
      return !hasKanji() && !hasKana() && romajiKeys.isEmpty();
    }
  }

  /** Keys from kanji and kana names; pass "" for a missing part. */
  public static NameKeys of(String kanjiFamily, String kanjiGiven, String kanaFamily, String kanaGiven) {
    return builder().kanji(kanjiFamily, kanjiGiven).kana(kanaFamily, kanaGiven).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the raw name fields; every field defaults to "" (missing). */
  public static final class Builder {
    private String kanjiFamily = "";
    private String kanjiGiven = "";
    private String kanaFamily = "";
    private String kanaGiven = "";
    private String romajiFamily = "";
    private String romajiGiven = "";

    private Builder() {}

    /** The kanji (漢字) name, XPN.8 = I. */
    public Builder kanji(String family, String given) {
      this.kanjiFamily = checkField(family, "kanji family");
      this.kanjiGiven = checkField(given, "kanji given");
      return this;
    }

    /** The reading (カナ), XPN.8 = P; hiragana, katakana and half-width are all accepted. */
    public Builder kana(String family, String given) {
      this.kanaFamily = checkField(family, "kana family");
      this.kanaGiven = checkField(given, "kana given");
      return this;
    }

    /** A romaji (alphabetic) name, XPN.8 = A. */
    public Builder romaji(String family, String given) {
      this.romajiFamily = checkField(family, "romaji family");
      this.romajiGiven = checkField(given, "romaji given");
      return this;
    }

    public NameKeys build() {
      return buildAll().get(0);
    }

    /**
     * The keys of every way to read this name, the primary one first. Usually one; more when a representation was
     * registered in one component ({@code マリア・サントス} gives family-first and Western readings, {@code NGUYEN THI
     * HOA} also family + each given word) or holds several given names, see {@link NameFlag#ONE_COMPONENT}. A search
     * index adds the keys of all of them to the patient.
     */
    public List<NameKeys> buildAll() {
      Set<NameFlag> flags = EnumSet.noneOf(NameFlag.class);
      Map<String, String[]> kanji = ComponentSplit.layouts(clean(kanjiFamily, flags), clean(kanjiGiven, flags));
      Map<String, String[]> kana = ComponentSplit.layouts(clean(kanaFamily, flags), clean(kanaGiven, flags));
      Map<String, String[]> romaji = ComponentSplit.layouts(clean(romajiFamily, flags), clean(romajiGiven, flags));
      Set<String> kinds = new LinkedHashSet<>();
      for (Map<String, String[]> layouts : List.of(kanji, kana, romaji)) {
        kinds.add(layouts.keySet().iterator().next()); // primaries first
      }
      for (Map<String, String[]> layouts : List.of(kanji, kana, romaji)) {
        kinds.addAll(layouts.keySet());
      }
      if (kinds.contains("ff")) {
        // a representation written in one component: the others pair with its split through their own primary
        flags.add(NameFlag.ONE_COMPONENT);
        kinds.remove("");
      }
      List<Set<NameFlag>> perLayout = new ArrayList<>();
      List<Part[]> parts = new ArrayList<>();
      Set<List<Part>> seen = new HashSet<>();
      for (String kind : kinds) {
        Set<NameFlag> f = EnumSet.copyOf(flags);
        String[] k = layout(kanji, kind);
        String[] r = layout(kana, kind);
        String[] a = layout(romaji, kind);
        Sources family = Sources.sort(k[0], r[0], a[0], f);
        Sources given = Sources.sort(k[1], r[1], a[1], f);
        Part familyPart = part(family, f);
        Part givenPart = part(given, f);
        Part fullPart = part(family.concat(given), EnumSet.noneOf(NameFlag.class));
        if ((familyPart.hasKanji() && !familyPart.hasKana()) || (givenPart.hasKanji() && !givenPart.hasKana())) {
          f.add(NameFlag.NO_KANA);
        }
        if (seen.add(List.of(familyPart, givenPart, fullPart))) {
          perLayout.add(f);
          parts.add(new Part[] {familyPart, givenPart, fullPart});
        }
      }
      Set<NameFlag> all = EnumSet.noneOf(NameFlag.class);
      perLayout.forEach(all::addAll);
      List<NameKeys> out = new ArrayList<>(parts.size());
      for (Part[] p : parts) {
        out.add(new NameKeys(p[0], p[1], p[2], all));
      }
      return List.copyOf(out);
    }

    /** The reading of one representation for {@code kind}, or its primary reading when it has no such kind. */
    private static String[] layout(Map<String, String[]> layouts, String kind) {
      String[] l = layouts.get(kind);
      return l != null ? l : layouts.values().iterator().next();
    }

    /**
     * Markup is removed before anything else looks at a field: {@code <script>x</script>} is no romaji name "x"; then
     * a provisional-registration mark ({@code (仮)}), which is no part of the name either.
     */
    private static String clean(String field, Set<NameFlag> flags) {
      String text = MARKUP.apply(field);
      if (!text.equals(field)) {
        flags.add(NameFlag.MARKUP);
      }
      String unmarked = PROVISIONAL.apply(text);
      if (!unmarked.equals(text)) {
        flags.add(NameFlag.PROVISIONAL);
      }
      return unmarked;
    }

    private static String checkField(String value, String what) {
      return Preconditions.checkNotNull(value, "%s name must not be null; use \"\" when it is missing", what);
    }
  }

  /** The raw text of one part after deciding which field really holds kanji, kana and romaji. */
  private record Sources(String kanji, String kana, String romaji, boolean complete) {

    static Sources sort(String kanjiField, String kanaField, String romajiField, Set<NameFlag> flags) {
      String kanji = "";
      String kana = "";
      String romaji = romajiField.strip();
      if (hasHalfwidthKana(kanjiField) || hasHalfwidthKana(kanaField)) {
        flags.add(NameFlag.HALFWIDTH_SOURCE);
      }
      if (!romaji.isEmpty()) {
        flags.add(NameFlag.LATIN_NAME);
      }
      switch (Script.of(kanaField)) {
        case KANA -> kana = kanaField;
        case KANJI -> {
          flags.add(NameFlag.KANJI_IN_KANA_FIELD);
          kanji = kanaField;
        }
        case LATIN -> {
          flags.add(NameFlag.LATIN_NAME);
          romaji = romaji.isEmpty() ? kanaField.strip() : romaji;
        }
        case NONE -> { }
      }
      switch (Script.of(kanjiField)) {
        case KANJI -> kanji = kanjiField;
        case KANA -> {
          flags.add(NameFlag.KANA_IN_KANJI_FIELD);
          kanji = kanjiField; // still what was registered; kanji clauses may match it exactly
          kana = kana.isEmpty() ? kanjiField : kana;
        }
        case LATIN -> {
          flags.add(NameFlag.LATIN_NAME);
          romaji = romaji.isEmpty() ? kanjiField.strip() : romaji;
        }
        case NONE -> { }
      }
      if (kana.isEmpty() && !romaji.isEmpty()) {
        flags.add(NameFlag.KANA_FROM_ROMAJI);
        List<String> candidates = Romaji.toKanaCandidates(romaji);
        kana = candidates.isEmpty() ? "" : candidates.get(0);
      }
      boolean complete = kanji.isEmpty() || !kana.isEmpty();
      return new Sources(kanji, kana, romaji, complete);
    }

    /** Family + given; a reading only when every present part has one, so a full key is never half a name. */
    Sources concat(Sources given) {
      boolean bothRead = complete && given.complete;
      return new Sources(
          kanji + given.kanji,
          bothRead ? kana + given.kana : "",
          !romaji.isEmpty() && !given.romaji.isEmpty() ? romaji + given.romaji : "",
          bothRead);
    }
  }

  private static Part part(Sources sources, Set<NameFlag> flags) {
    boolean kanjiPlaceholder = PlaceholderStep.containsPlaceholder(sources.kanji());
    if (kanjiPlaceholder) {
      flags.add(NameFlag.KANJI_PLACEHOLDER);
    }
    if (PlaceholderStep.containsPlaceholder(sources.kana())) {
      flags.add(NameFlag.KANA_PLACEHOLDER);
    }
    String kanaExact = kanaExact(sources.kana());
    Set<String> romajiKeys = new LinkedHashSet<>();
    if (!kanaExact.isEmpty()) {
      romajiKeys.add(romajiKey(kanaExact));
    }
    if (!sources.romaji().isEmpty()) {
      romajiKeys.add(romajiKey(sources.romaji()));
    }
    romajiKeys.remove("");
    return new Part(
        sources.kanji(),
        kanjiExact(sources.kanji()),
        kanjiStrict(sources.kanji()),
        kanjiLoose(sources.kanji()),
        kanjiPlaceholder,
        kanaExact,
        kanaLoose(sources.kana()),
        new ArrayList<>(romajiKeys));
  }

  // ---- query-side helpers: the same chains as the index side ----

  /** Exact kanji key: 葛+IVS → 葛, 佐々木 → 佐佐木, 〓田 → 田, ＡＢ → AB; compatibility ideographs kept. */
  public static String kanjiExact(String text) {
    return KANJI_EXACT.apply(text);
  }

  /** Strict variant-folded kanji key: 髙橋 → 高橋, 山﨑 → 山崎, 𠮷田 → 吉田, 齋藤 → 斎藤 (山埼 stays). */
  public static String kanjiStrict(String text) {
    return KANJI_STRICT.apply(text);
  }

  /** Loose variant-folded kanji key: additionally 斉藤 → 斎藤. */
  public static String kanjiLoose(String text) {
    return KANJI_LOOSE.apply(text);
  }

  /** Exact katakana key of kana text: ｻｲﾄｳ → サイトウ, やまだ → ヤマダ, サト－ → サトー. */
  public static String kanaExact(String kana) {
    return KANA_EXACT.apply(kana);
  }

  /** Loose phonetic key of kana text: サトー/サトウ/さとう → サト, ヴィクトリア → ビクトリア, ハットリ → ハトリ. */
  public static String kanaLoose(String kana) {
    return KANA_LOOSE_FOLDS.apply(KANA_EXACT.apply(kana));
  }

  /**
   * Romaji key of kana or romaji text: サトウ, サトー, "satoh", "SATOU", "sato" → {@code sato}; シンイチ, "sinniti",
   * "shin'ichi" → {@code shinichi}. Text with neither kana nor Latin letters gives "".
   */
  public static String romajiKey(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
    if (Script.of(folded) == Script.LATIN) {
      List<String> kana = Romaji.toKanaCandidates(folded);
      return kana.isEmpty() ? "" : onlyLetters(Romaji.keyOfKana(kana.get(0)));
    }
    return onlyLetters(Romaji.keyOfKana(kanaExact(text)));
  }

  /** Katakana readings for typed romaji, best first: "ohno" → [オウノ, オオノ], "victoria" → [ヴィクトリア, ビクトリア]. */
  public static List<String> romajiToKanaCandidates(String romaji) {
    return Romaji.toKanaCandidates(Normalizer.normalize(romaji, Normalizer.Form.NFKC));
  }

  /**
   * Strict kanji key with every placeholder kept as one 〓 (■橋 → 〓橋, ●田 → 〓田, 〓〓子 → 〓〓子), or "" when the
   * text holds no placeholder: indexed for names whose source lost a character, so {@link #kanjiMasks(String)} of the
   * real kanji can find them.
   */
  public static String kanjiMasked(String text) {
    return PlaceholderStep.containsPlaceholder(text) ? KANJI_MASKED.apply(text) : "";
  }

  /**
   * The strict kanji key of typed kanji with one, or two, of its characters replaced by 〓 — what the name looks like
   * in a source that could not store those characters: 髙橋 → [〓橋, 高〓], 長谷川 → [〓谷川, 長〓川, 長谷〓, 〓〓川, …].
   * At least one character stays unmasked; at most {@value #MAX_MASKED_LENGTH}
   * characters are masked this way; longer text gives none, as does text that holds a placeholder itself.
   */
  public static List<String> kanjiMasks(String text) {
    if (PlaceholderStep.containsPlaceholder(text)) {
      return List.of();
    }
    int[] cps = kanjiStrict(text).codePoints().toArray();
    if (cps.length == 0 || cps.length > MAX_MASKED_LENGTH) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    if (cps.length < 2) {
      return List.of(); // a lone 〓 says nothing about which character it was
    }
    for (int i = 0; i < cps.length; i++) {
      int[] one = cps.clone();
      one[i] = PlaceholderStep.MASK;
      out.add(new String(one, 0, one.length));
    }
    for (int i = 0; i < cps.length; i++) {
      for (int j = i + 1; j < cps.length && cps.length >= 3; j++) {
        int[] two = cps.clone();
        two[i] = PlaceholderStep.MASK;
        two[j] = PlaceholderStep.MASK;
        out.add(new String(two, 0, two.length));
      }
    }
    return List.copyOf(out);
  }

  /** Longest typed kanji {@link #kanjiMasks(String)} masks: a name part, or a short full name (4 × 3 / 2 terms). */
  public static final int MAX_MASKED_LENGTH = 4;

  /**
   * The exact kana key with small kana written large, as systems without small kana stored them: はっとり → ハツトリ,
   * しょうじ → シヨウジ, ジュンイチ → ジユンイチ. Equal to {@link #kanaExact(String)} when nothing was small.
   */
  public static String kanaLarge(String kana) {
    return KANA_LARGE.apply(kana);
  }

  /** Whether text holds a placeholder for an unknown character (■ ● 〓 ＊ ? or private use). */
  public static boolean hasPlaceholder(String text) {
    return PlaceholderStep.containsPlaceholder(text);
  }

  private static String onlyLetters(String key) {
    return CodePoints.map(key, cp -> cp >= 'a' && cp <= 'z' ? cp : -1);
  }

  private static boolean hasHalfwidthKana(String text) {
    return text.codePoints().anyMatch(CodePoints::isHalfwidthKatakana);
  }
}

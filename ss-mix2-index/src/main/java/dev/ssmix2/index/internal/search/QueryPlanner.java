package dev.ssmix2.index.internal.search;

import static dev.ssmix2.index.internal.patient.PatientFields.*;

import dev.ssmix2.index.internal.patient.NamePart;
import dev.ssmix2.index.name.NameKeys;
import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.query.BirthDateRange;
import dev.ssmix2.index.query.IdToken;
import dev.ssmix2.index.query.NameToken;
import dev.ssmix2.index.query.ParsedQuery;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link ParsedQuery} into one Lucene query of constant-score tiers (docs/index-design.md, "Tiers").
 *
 * <p>Each name token becomes, per name part (姓, 名, 姓名), a disjunction of tagged clauses: kanji exact, strict- and
 * loose-folded, reading exact and loose (also as stored with large kana: ハツトリ), other dictionary readings of a
 * registered kanji surname (読み候補), romaji, prefix, kanji n-grams, kanji against names whose source lost a
 * character (〓橋) and guessed readings (kuromoji reading of a kanji query, or guessed readings of patients registered
 * without kana; readings composed per kanji rank lowest). Two tokens are tried as family + given, as
 * given + family (lower), and written together (lower still). Every typed name token must match somehow. IDs match
 * {@code pid} or {@code pid_norm}; a birth date filters; sex filters. Fuzzy clauses are only added on request, which the
 * searcher does when the plan without them found nothing.
 *
 * <p>Each name alternative (a token against one part, or two tokens against family and given name) is one
 * {@link TierQuery}: the same scores as its Lucene form (a conjunction of disjunction-max slots), with the pruning a
 * top-10 search needs. {@link XmlQueries} writes the Lucene form, so a remote engine runs the same query.
 */
final class QueryPlanner {
  private static final float TIE = 0.01f;
  private static final float GIVEN_ONLY = 0.95f;
  private static final float SWAPPED = 0.9f;
  /**
   * Two typed tokens matching one registered part (森本 トメ for 森本トメ in one component) matched both tokens: worth
   * nearly two tokens' tiers, so an exact joined name outranks another patient's family match plus a given prefix,
   * and still ranks under the same tiers reached token by token.
   */
  private static final float JOINED = 1.9f;

  private final ReadingGuesser guesser;

  QueryPlanner(ReadingGuesser guesser) {
    this.guesser = guesser;
  }

  QueryPlan plan(ParsedQuery q, boolean fuzzy) {
    return plan(q, fuzzy, UnaryOperator.identity());
  }

  /**
   * As {@link #plan(ParsedQuery, boolean)}, with every fuzzy clause passed through {@code expandFuzzy} once. The searcher
   * gives its rewrite, so the Levenshtein automata — most of a fuzzy search's cost — are built once per plan and not
   * again when the hits are tagged.
   */
  QueryPlan plan(ParsedQuery q, boolean fuzzy, UnaryOperator<Query> expandFuzzy) {
    Build b = new Build(fuzzy, expandFuzzy);
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    Optional<Query> ids = q.ids().isEmpty() ? Optional.empty() : Optional.of(b.ids(q.ids()));
    Optional<TaggedClause> birth = q.birthDate().map(QueryPlanner::birth);
    birth.ifPresent(b.clauses::add);
    if (!q.names().isEmpty()) {
      top.add(b.names(q.names()), Occur.MUST);
      ids.ifPresent(idq -> top.add(idq, Occur.SHOULD));
      birth.ifPresent(c -> top.add(c.match(), Occur.FILTER));
      // no kind filter: every name field is on patient documents only (records share `pid`, not a name), so the
      // required names already leave only patients. The filter's postings (every patient) were advanced to each
      // candidate: 5 % of the samples of the slow name shapes at 1M (benchmarks/README.md, "Search at 1M, session 8")
    } else if (ids.isPresent()) {
      top.add(new TermQuery(new Term(KIND, KIND_PATIENT)), Occur.FILTER); // record documents carry `pid` too
      if (birth.isPresent()) {
        // 19480405 may be an ID or a birth date: either may match
        top.add(new BooleanQuery.Builder()
            .add(ids.get(), Occur.SHOULD)
            .add(birth.get().scored(), Occur.SHOULD)
            .build(), Occur.MUST);
      } else {
        top.add(ids.get(), Occur.MUST);
      }
    } else if (birth.isPresent()) {
      top.add(new TermQuery(new Term(KIND, KIND_PATIENT)), Occur.FILTER);
      top.add(birth.get().scored(), Occur.MUST);
    } else {
      return QueryPlan.nothing();
    }
    q.sex().ifPresent(s -> top.add(new TermQuery(new Term(SEX, s.code())), Occur.FILTER));
    return new QueryPlan(Optional.of(top.build()), new ArrayList<>(b.clauses), !q.names().isEmpty(), fuzzy);
  }

  private static TaggedClause birth(BirthDateRange r) {
    return new TaggedClause(IntPoint.newRangeQuery(BIRTH, r.fromYyyymmdd(), r.toYyyymmdd()), Tier.BIRTH_DATE);
  }

  /**
   * State of one planning run: the tagged clauses collected so far, and memos — a two-token query puts each token in
   * several slots (family, given, swapped, joined), and each slot asks for the same keys and readings.
   */
  private final class Build {
    final boolean fuzzy;
    final UnaryOperator<Query> expandFuzzy;
    final Set<TaggedClause> clauses = new LinkedHashSet<>();
    final Map<String, List<String>> readings = new HashMap<>();
    final Map<Key, Map<String, String>> keys = new EnumMap<>(Key.class);
    final Map<String, List<String>> romajiKana = new HashMap<>();
    final Map<String, List<String>> masks = new HashMap<>();
    final Map<Query, Query> expanded = new HashMap<>();
    /** The typed name token whose clauses are being built, for {@link TaggedClause#token()}. */
    int token = TaggedClause.NOT_A_NAME;

    Build(boolean fuzzy, UnaryOperator<Query> expandFuzzy) {
      this.fuzzy = fuzzy;
      this.expandFuzzy = expandFuzzy;
    }

    String key(Key kind, String text) {
      return keys.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(text, kind.function);
    }

    Query ids(List<IdToken> ids) {
      token = TaggedClause.NOT_A_NAME;
      List<Query> alternatives = new ArrayList<>();
      for (IdToken id : ids) {
        alternatives.add(leaf(new TermQuery(new Term(PID, id.text())), Tier.ID).scored());
        alternatives.add(leaf(new TermQuery(new Term(PID_NORM, id.unpadded())), Tier.ID).scored());
      }
      return new DisjunctionMaxQuery(alternatives, 0f);
    }

    Query names(List<NameToken> tokens) {
      if (tokens.size() == 1) {
        NameToken t = tokens.get(0);
        List<Query> alternatives = new ArrayList<>(List.of(anyPart(t, 0)));
        t.kanjiThenKana().ifPresent(pieces -> alternatives.add(pair(
            new NameToken(pieces.get(0), NameToken.Kind.KANJI), new NameToken(pieces.get(1), NameToken.Kind.KANA),
            0, 0)));
        return new DisjunctionMaxQuery(alternatives, 0f);
      }
      if (tokens.size() == 2) {
        NameToken a = tokens.get(0);
        NameToken b = tokens.get(1);
        List<Query> alternatives = new ArrayList<>();
        alternatives.add(pair(a, b, 0, 1));
        alternatives.add(new BoostQuery(pair(b, a, 1, 0), SWAPPED));
        joinedKind(a, b).ifPresent(kind -> alternatives.add(new BoostQuery(
            // written apart but registered as one part (森本トメ): the joined text stands for the first token
            tiers(slot(new NameToken(a.text() + b.text(), kind), NamePart.FULL, 0)), JOINED)));
        return new DisjunctionMaxQuery(alternatives, 0f);
      }
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      for (int i = 0; i < tokens.size(); i++) {
        all.add(anyPart(tokens.get(i), i), Occur.MUST);
      }
      return all.build();
    }

    /**
     * How two tokens read written together: as their common kind, or as kanji when kanji meets kana (森本 + トメ is
     * the kanji name 森本トメ); romaji does not join with Japanese script.
     */
    private Optional<NameToken.Kind> joinedKind(NameToken a, NameToken b) {
      if (a.kind() == b.kind()) {
        return Optional.of(a.kind());
      }
      boolean japanese = a.kind() != NameToken.Kind.LATIN && b.kind() != NameToken.Kind.LATIN;
      return japanese ? Optional.of(NameToken.Kind.KANJI) : Optional.empty();
    }

    private Query anyPart(NameToken t, int token) {
      return new DisjunctionMaxQuery(List.of(
          tiers(slot(t, NamePart.FAMILY, token)),
          new BoostQuery(tiers(slot(t, NamePart.GIVEN, token)), GIVEN_ONLY),
          tiers(slot(t, NamePart.FULL, token))), 0f);
    }

    private Query pair(NameToken family, NameToken given, int familyToken, int givenToken) {
      List<TierQuery.Leaf> f = slot(family, NamePart.FAMILY, familyToken);
      return new TierQuery(List.of(f, slot(given, NamePart.GIVEN, givenToken)), TIE);
    }

    private Query tiers(List<TierQuery.Leaf> slot) {
      return new TierQuery(List.of(slot), TIE);
    }

    /**
     * Every way one token can match one name part: the tiers of a disjunction-max (none when nothing can be looked up,
     * e.g. only a placeholder was typed: a slot that matches nothing).
     */
    private List<TierQuery.Leaf> slot(NameToken t, NamePart p, int token) {
      this.token = token;
      List<TierQuery.Leaf> tiers = new ArrayList<>();
      switch (t.kind()) {
        case KANJI -> kanji(t.text(), p, tiers);
        case KANA -> kana(t.text(), p, tiers);
        case LATIN -> latin(t.text(), p, tiers);
      }
      return tiers;
    }

    private void kanji(String text, NamePart p, List<TierQuery.Leaf> out) {
      String exact = key(Key.KANJI_EXACT, text);
      String strict = key(Key.KANJI_STRICT, text);
      term(out, kanjiExact(p), exact, Tier.KANJI_EXACT);
      term(out, kanjiStrict(p), strict, Tier.KANJI_STRICT);
      term(out, kanjiLoose(p), key(Key.KANJI_LOOSE, text), Tier.KANJI_LOOSE);
      if (p != NamePart.FULL) {
        grams(strict).ifPresent(q -> out.add(leaf(q, Tier.NGRAM)));
      }
      for (String mask : masks.computeIfAbsent(text, NameKeys::kanjiMasks)) {
        term(out, kanjiMasked(p), mask, Tier.KANJI_PLACEHOLDER);
      }
      for (String reading : readings(text)) {
        term(out, kanaExact(p), key(Key.KANA_EXACT, reading), Tier.QUERY_READING);
        term(out, kanaLoose(p), key(Key.KANA_LOOSE, reading), Tier.QUERY_READING);
        term(out, guessExact(p), key(Key.KANA_EXACT, reading), Tier.GUESSED);
        term(out, guessLoose(p), key(Key.KANA_LOOSE, reading), Tier.GUESSED);
        if (fuzzy) {
          fuzzyKana(out, p, key(Key.KANA_LOOSE, reading));
        }
      }
    }

    private void kana(String text, NamePart p, List<TierQuery.Leaf> out) {
      String exact = key(Key.KANA_EXACT, text);
      String loose = key(Key.KANA_LOOSE, text);
      term(out, kanjiExact(p), key(Key.KANJI_EXACT, text), Tier.KANJI_EXACT); // names registered in kana (さくら)
      term(out, kanaExact(p), exact, Tier.READING_EXACT);
      term(out, kanaLoose(p), loose, Tier.READING_LOOSE);
      otherSpellings(out, p, text);
      prefix(out, kanaPrefix(p), loose);
      prefix(out, kanaPrefix(p), exact);
      term(out, guessExact(p), exact, Tier.GUESSED);
      term(out, guessLoose(p), loose, Tier.GUESSED);
      term(out, guessComposed(p), loose, Tier.COMPOSED);
      if (fuzzy) {
        fuzzyKana(out, p, loose);
      }
    }

    private void latin(String text, NamePart p, List<TierQuery.Leaf> out) {
      String key = key(Key.ROMAJI, text);
      for (String kana : romajiKana.computeIfAbsent(text, NameKeys::romajiToKanaCandidates)) {
        term(out, kanaExact(p), key(Key.KANA_EXACT, kana), Tier.READING_EXACT);
        term(out, kanaLoose(p), key(Key.KANA_LOOSE, kana), Tier.READING_LOOSE);
        otherSpellings(out, p, kana);
        prefix(out, kanaPrefix(p), key(Key.KANA_LOOSE, kana));
        term(out, guessExact(p), key(Key.KANA_EXACT, kana), Tier.GUESSED);
        term(out, guessComposed(p), key(Key.KANA_LOOSE, kana), Tier.COMPOSED);
      }
      term(out, romaji(p), key, Tier.READING_LOOSE);
      prefix(out, romajiPrefix(p), key);
      term(out, guessRomaji(p), key, Tier.GUESSED);
      if (fuzzy && key.length() >= 4 && key.length() <= MAX_FUZZY_LENGTH) {
        fuzzy(out, new FuzzyQuery(new Term(romaji(p), key), key.length() >= 8 ? 2 : 1, 1));
      }
    }

    /**
     * A typed reading against the readings it may be stored or registered under other than as typed: written with
     * large kana by a system that had no small ones (はっとり → ハツトリ), and — for a family name — as another common
     * reading of the registered kanji surname (かわの → 河野 registered コウノ).
     */
    private void otherSpellings(List<TierQuery.Leaf> out, NamePart p, String kana) {
      String exact = key(Key.KANA_EXACT, kana);
      String large = key(Key.KANA_LARGE, kana);
      if (!large.equals(exact)) {
        term(out, kanaExact(p), large, Tier.READING_LARGE);
      }
      if (p == NamePart.FAMILY) {
        term(out, KANA_FAMILY_CANDIDATE, key(Key.KANA_LOOSE, kana), Tier.READING_CANDIDATE);
      }
    }

    private void fuzzyKana(List<TierQuery.Leaf> out, NamePart p, String loose) {
      int n = loose.codePointCount(0, loose.length());
      if (n >= 2 && n <= MAX_FUZZY_LENGTH) {
        fuzzy(out, new FuzzyQuery(new Term(kanaLoose(p), loose), n >= 6 ? 2 : 1, 1));
      }
    }

    /**
     * Tokens longer than this get no fuzzy clause: no name is that long, and the edit-distance automaton of a long
     * term costs seconds to build before Lucene gives up on it as too complex.
     */
    private static final int MAX_FUZZY_LENGTH = 32;

    /** Adds the fuzzy clause, or nothing when its automaton is too complex (a very long token): never an error. */
    private void fuzzy(List<TierQuery.Leaf> out, FuzzyQuery query) {
      Query q;
      try {
        q = expanded.computeIfAbsent(query, expandFuzzy);
      } catch (FuzzyTermsEnum.FuzzyTermsException e) {
        return;
      }
      out.add(leaf(q, Tier.FUZZY));
    }

    private void term(List<TierQuery.Leaf> out, String field, String value, Tier tier) {
      if (!value.isEmpty()) {
        out.add(leaf(new TermQuery(new Term(field, value)), tier));
      }
    }

    private void prefix(List<TierQuery.Leaf> out, String field, String value) {
      int n = value.codePointCount(0, value.length());
      if (n > 0 && n <= maxPrefixLength()) {
        out.add(leaf(new TermQuery(new Term(field, value)), Tier.PREFIX));
      }
    }

    private TierQuery.Leaf leaf(Query match, Tier tier) {
      clauses.add(new TaggedClause(match, tier, token));
      return new TierQuery.Leaf(match, tier.boost);
    }

    private List<String> readings(String kanji) {
      return readings.computeIfAbsent(kanji, guesser::guess);
    }
  }

  /** The {@link NameKeys} a plan asks for, so that {@link Build} can remember each one per text. */
  private enum Key {
    KANJI_EXACT(NameKeys::kanjiExact),
    KANJI_STRICT(NameKeys::kanjiStrict),
    KANJI_LOOSE(NameKeys::kanjiLoose),
    KANA_EXACT(NameKeys::kanaExact),
    KANA_LOOSE(NameKeys::kanaLoose),
    KANA_LARGE(NameKeys::kanaLarge),
    ROMAJI(NameKeys::romajiKey);

    final Function<String, String> function;

    Key(Function<String, String> function) {
      this.function = function;
    }
  }

  /** Kanji 1-gram for one character, else all 2-grams required (the index holds 1- and 2-grams). */
  static Optional<Query> grams(String strict) {
    int[] cps = strict.codePoints().toArray();
    if (cps.length == 0) {
      return Optional.empty();
    }
    if (cps.length == 1) {
      return Optional.of(new TermQuery(new Term(KANJI_GRAM, strict)));
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (int i = 0; i + 1 < cps.length; i++) {
      all.add(new TermQuery(new Term(KANJI_GRAM, new String(cps, i, 2))), Occur.FILTER);
    }
    return Optional.of(all.build());
  }
}

package dev.ssmix2.index.internal.search;

import static dev.ssmix2.index.internal.patient.PatientFields.LAST_SEEN;

import com.google.common.base.Preconditions;
import dev.ssmix2.index.internal.patient.HitFields;
import dev.ssmix2.index.internal.patient.PatientDocument;
import dev.ssmix2.index.internal.patient.PatientFields;
import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.query.ParsedQuery;
import dev.ssmix2.index.search.MatchTag;
import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.search.SearchResult;
import dev.ssmix2.index.store.IndexedPatient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Runs free-text patient searches against one searcher: plans the query, runs it, retries with fuzzy clauses only
 * when nothing matched, and tags each hit with the tiers it matched. Ties are broken by the newest 診療日, then by
 * patient ID, so equal hits come in a stable order. Thread-safe.
 */
public final class PatientSearch {
  static final Sort ORDER = new Sort(
      SortField.FIELD_SCORE,
      new SortField(LAST_SEEN, SortField.Type.INT, true),
      new SortField(PatientDocument.PID_SORT, SortField.Type.STRING),
      new SortField(PatientFields.FACILITY_SORT, SortField.Type.STRING));

  private final Planning planner;
  private final IntUnaryOperator hitsToCount;
  /** Whether the best hits are found in two passes, the first over the strong tiers only ({@link #seeded}). */
  private final boolean seeded;

  public PatientSearch(ReadingGuesser guesser) {
    // Lucene counts 1,000 hits before it tells the scorers which score still competes; the hit count is never shown,
    // so it may do so as soon as the top `limit` are full, and the tiers that cannot reach them stop being walked
    this(new QueryPlanner(Preconditions.checkNotNull(guesser, "guesser must not be null"))::plan, limit -> limit, true);
  }

  /**
   * A search planned by {@code planner} that counts {@code hitsToCount.applyAsInt(limit)} hits before skipping
   * non-competitive ones; a seam for tests that compare the planner with the plan it replaced.
   */
  PatientSearch(Planning planner, IntUnaryOperator hitsToCount) {
    this(planner, hitsToCount, false);
  }

  private PatientSearch(Planning planner, IntUnaryOperator hitsToCount, boolean seeded) {
    this.planner = planner;
    this.hitsToCount = hitsToCount;
    this.seeded = seeded;
  }

  /** How a query is planned: {@link QueryPlanner#plan(ParsedQuery, boolean, UnaryOperator)}. */
  interface Planning {
    QueryPlan plan(ParsedQuery q, boolean fuzzy, UnaryOperator<Query> expandFuzzy);
  }

  /**
   * The best {@code limit} hits of {@code query}; {@code twoPass} when a first pass over the strong tiers may fill the
   * page ({@link #seeded}): not for IDs alone, nor with a birth date, whose filter leaves few candidates to walk anyway.
   */
  private TopFieldDocs top(IndexSearcher searcher, Query query, int limit, boolean twoPass) throws IOException {
    int n = Math.min(limit, Math.max(1, searcher.getIndexReader().maxDoc()));
    // doDocScores=false: the score is the first sort value already; asking Lucene for it again re-runs every scorer
    Supplier<TopFieldCollectorManager> manager =
        () -> new TopFieldCollectorManager(ORDER, n, null, hitsToCount.applyAsInt(limit), false);
    if (!seeded || !twoPass) {
      return searcher.search(query, manager.get());
    }
    return seeded(searcher, query, manager, n);
  }

  /**
   * Part of the best possible score a first pass asks of its hits (see {@link #seeded}). Tier scores are far apart
   * (exact 100, strict 90, reading 85…) and a two-part name sums two slots, so 0.95 of the best leaves only the
   * strongest tier of each slot leading: the exact homonyms of a common name. On the 1M names-only benchmark's kanji
   * queries that page was full and final for 145 of 200 (0.7 of the best: 154, but walking much more each time).
   */
  static final float FIRST_PASS = 0.95f;

  /**
   * The top hits found in up to two passes over one weight (its terms looked up once). Lucene names a competitive score
   * only after the page is full in document order, so a name with few strong hits walks every weak posting of its
   * slots. The first pass tells the scorers at once that only hits scoring at least {@link #FIRST_PASS} of the best
   * possible score compete, so they walk the strong tiers only; every hit it collects is scored in full. When its page
   * is full with scores at or above that bar, no hit outside it can rank higher: that page is the answer. Otherwise its
   * last score, when the page is full, is a score ten real hits reach, so the second pass starts from it.
   */
  private static TopFieldDocs seeded(
      IndexSearcher searcher, Query query, Supplier<TopFieldCollectorManager> manager, int n) throws IOException {
    Query rewritten = searcher.rewrite(query);
    TopFieldCollector first = manager.get().newCollector();
    if (first.scoreMode() != ScoreMode.TOP_SCORES) {
      return searcher.search(rewritten, manager.get());
    }
    Weight weight = searcher.createWeight(rewritten, ScoreMode.TOP_SCORES, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    float bar = Float.NaN;
    for (LeafReaderContext leaf : leaves) {
      Scorer s = weight.scorer(leaf);
      if (s != null) {
        if (Float.isNaN(bar)) {
          bar = s.getMaxScore(DocIdSetIterator.NO_MORE_DOCS) * FIRST_PASS;
        }
        collect(leaf, s, first.getLeafCollector(leaf), bar);
      }
    }
    TopFieldDocs found = first.topDocs();
    if (Float.isNaN(bar)) {
      return found; // no leaf can match
    }
    boolean full = found.scoreDocs.length == n;
    float last = full ? (Float) ((FieldDoc) found.scoreDocs[n - 1]).fields[0] : 0f;
    if (full && last >= bar) {
      return found;
    }
    TopFieldCollector second = manager.get().newCollector();
    float floor = full ? last : 0f;
    for (LeafReaderContext leaf : leaves) {
      Scorer s = weight.scorer(leaf);
      if (s != null) {
        collect(leaf, s, second.getLeafCollector(leaf), floor);
      }
    }
    return second.topDocs();
  }

  /** Collects what {@code scorer} finds in {@code leaf}, telling it from the start that scores under {@code floor} lose. */
  private static void collect(LeafReaderContext leaf, Scorer scorer, LeafCollector collector, float floor)
      throws IOException {
    Scorable seeded = new Scorable() {
      @Override
      public float score() throws IOException {
        return scorer.score();
      }

      @Override
      public int docID() {
        return scorer.docID();
      }

      @Override
      public void setMinCompetitiveScore(float minScore) throws IOException {
        scorer.setMinCompetitiveScore(Math.max(minScore, floor));
      }
    };
    collector.setScorer(seeded);
    if (floor > 0) {
      scorer.setMinCompetitiveScore(floor);
    }
    Bits live = leaf.reader().getLiveDocs();
    TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
    DocIdSetIterator it = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
    for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
      if ((live == null || live.get(doc)) && (twoPhase == null || twoPhase.matches())) {
        collector.collect(doc);
      }
    }
    collector.finish();
  }

  /** The best {@code limit} patients for {@code text}; empty when nothing searchable was typed. */
  public List<PatientHit> search(IndexSearcher searcher, String text, int limit) throws IOException {
    return searchResult(searcher, text, limit).hits();
  }

  /**
   * The best {@code limit} patients for {@code text}, with the count of exact homonyms tied at the top when no birth
   * date was typed (see {@link SearchResult#hint()}).
   */
  public SearchResult searchResult(IndexSearcher searcher, String text, int limit) throws IOException {
    return searchResult(searcher, text, Optional.empty(), limit);
  }

  /**
   * As {@link #searchResult(IndexSearcher, String, int)}, only among the patients of {@code facility} (a facility
   * code) when given: the plan's query is wrapped in a filter clause, which leaves every score as it is.
   */
  public SearchResult searchResult(IndexSearcher searcher, String text, Optional<String> facility, int limit)
      throws IOException {
    Preconditions.checkNotNull(searcher, "searcher must not be null");
    Preconditions.checkNotNull(text, "query text must not be null (use \"\")");
    Preconditions.checkNotNull(facility, "facility must not be null; use Optional.empty()");
    Preconditions.checkArgument(limit > 0, "limit must be positive, got %s", limit);
    ParsedQuery parsed = ParsedQuery.parse(text);
    QueryPlan plan = planner.plan(parsed, false, UnaryOperator.identity());
    if (plan.query().isEmpty()) {
      return new SearchResult(List.of(), 0, false);
    }
    boolean twoPass = plan.hasNames() && parsed.birthDate().isEmpty();
    TopFieldDocs top = top(searcher, filtered(plan.query().get(), facility), limit, twoPass);
    if (top.scoreDocs.length == 0 && plan.hasNames()) {
      try {
        // the same terms as the fuzzy query, found without building its automata (FuzzyTermsQuery)
        plan = planner.plan(parsed, true,
            q -> rewrite(searcher, q instanceof FuzzyQuery f ? new FuzzyTermsQuery(f) : q));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      top = top(searcher, filtered(plan.query().get(), facility), limit, twoPass);
    }
    // ascending, as both the tagging scorers and the doc-values iterators can only move forward
    int[] docs = Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).sorted().toArray();
    Map<Integer, Set<MatchTag>> tags = tags(searcher, plan.clauses(), docs);
    Optional<Map<Integer, HitFields.Summary>> summaries = HitFields.read(searcher.getIndexReader(), docs);
    var stored = searcher.storedFields();
    List<PatientHit> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      HitFields.Summary p = summaries.isPresent() ? summaries.get().get(sd.doc) : fromStored(stored.document(sd.doc));
      float score = (Float) ((FieldDoc) sd).fields[0];
      hits.add(new PatientHit(p.facility(), p.id(), p.name(), p.kana(), p.birthDate(), p.sex(), score,
          List.copyOf(tags.getOrDefault(sd.doc, EnumSet.noneOf(MatchTag.class)))));
    }
    int sameName = parsed.birthDate().isEmpty() && plan.hasNames() ? sameName(hits) : 0;
    return new SearchResult(hits, sameName, sameName > 0 && sameName == hits.size() && hits.size() == limit);
  }

  /**
   * A search engine outside this JVM (SolrCloud) that runs a plan: the same Lucene query, written in a form the
   * engine parses back into the same query ({@link XmlQueries}).
   */
  public interface Engine {
    /**
     * The best {@code limit} patient documents for {@code query}, ordered by score, then newest 診療日, then patient
     * ID, each saying which of {@code clauses} it matches (bit {@code i} for {@code clauses.get(i)}).
     */
    List<EngineHit> run(Query query, List<Query> clauses, int limit) throws IOException;
  }

  /** One document an {@link Engine} found: what the hit shows, its score, and the clauses it matches. */
  public record EngineHit(HitFields.Summary summary, float score, BitSet matches) {}

  /**
   * As {@link #searchResult(IndexSearcher, String, int)} on a remote engine: the same plan, the same fuzzy retry when
   * nothing matched, the same tags and homonym count.
   */
  public SearchResult searchResult(Engine engine, String text, int limit) throws IOException {
    return searchResult(engine, text, Optional.empty(), limit);
  }

  /** As {@link #searchResult(Engine, String, int)}, only among the patients of {@code facility} when given. */
  public SearchResult searchResult(Engine engine, String text, Optional<String> facility, int limit)
      throws IOException {
    Preconditions.checkNotNull(engine, "engine must not be null");
    Preconditions.checkNotNull(text, "query text must not be null (use \"\")");
    Preconditions.checkNotNull(facility, "facility must not be null; use Optional.empty()");
    Preconditions.checkArgument(limit > 0, "limit must be positive, got %s", limit);
    ParsedQuery parsed = ParsedQuery.parse(text);
    QueryPlan plan = planner.plan(parsed, false, UnaryOperator.identity());
    if (plan.query().isEmpty()) {
      return new SearchResult(List.of(), 0, false);
    }
    List<Query> clauses = distinctMatches(plan);
    List<EngineHit> top = engine.run(filtered(plan.query().get(), facility), clauses, limit);
    if (top.isEmpty() && plan.hasNames()) {
      plan = planner.plan(parsed, true, UnaryOperator.identity());
      clauses = distinctMatches(plan);
      top = engine.run(filtered(plan.query().get(), facility), clauses, limit);
    }
    int[] docs = new int[top.size()];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = i;
    }
    Map<Query, Integer> index = new HashMap<>();
    for (int i = 0; i < clauses.size(); i++) {
      index.put(clauses.get(i), i);
    }
    List<EngineHit> found = top;
    Map<Integer, Set<MatchTag>> tags = tags(plan.clauses(), docs, (c, open) -> {
      int bit = index.get(c.match());
      return open.stream().filter(d -> found.get(d).matches().get(bit)).toList();
    });
    List<PatientHit> hits = new ArrayList<>(top.size());
    for (int i = 0; i < top.size(); i++) {
      HitFields.Summary p = top.get(i).summary();
      hits.add(new PatientHit(p.facility(), p.id(), p.name(), p.kana(), p.birthDate(), p.sex(), top.get(i).score(),
          List.copyOf(tags.getOrDefault(i, EnumSet.noneOf(MatchTag.class)))));
    }
    int sameName = parsed.birthDate().isEmpty() && plan.hasNames() ? sameName(hits) : 0;
    return new SearchResult(hits, sameName, sameName > 0 && sameName == hits.size() && hits.size() == limit);
  }

  /**
   * The plan's query restricted to one facility's patients: a filter clause around it, so scores, tiers and tags stay
   * those of the plan (docs/index-design.md, "Facilities").
   */
  static Query filtered(Query query, Optional<String> facility) {
    if (facility.isEmpty()) {
      return query;
    }
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(PatientFields.FACILITY, facility.get())), BooleanClause.Occur.FILTER)
        .build();
  }

  private static List<Query> distinctMatches(QueryPlan plan) {
    return plan.clauses().stream().map(TaggedClause::match).distinct().toList();
  }

  /** Name tags that say the typed name is this patient's name, as written or as registered to be read. */
  private static final Set<MatchTag> EXACT_NAME = EnumSet.of(MatchTag.EXACT, MatchTag.VARIANT, MatchTag.READING);

  /**
   * How many hits tie with the first one as exact homonyms: the same score, and every tag an exact name match (or the
   * birth date); 0 when fewer than two.
   */
  private static int sameName(List<PatientHit> hits) {
    int n = 0;
    for (PatientHit h : hits) {
      boolean exact = h.matched().stream().anyMatch(EXACT_NAME::contains)
          && h.matched().stream().allMatch(t -> EXACT_NAME.contains(t) || t == MatchTag.BIRTH_DATE);
      if (h.score() != hits.get(0).score() || !exact) {
        break;
      }
      n++;
    }
    return n >= 2 ? n : 0;
  }

  /** For indexes written before {@link HitFields} existed. */
  private static HitFields.Summary fromStored(Document doc) {
    IndexedPatient p = PatientDocument.read(doc);
    return new HitFields.Summary(p.facility(), p.id(), p.name(), p.kana(), p.birthDate(), p.sex());
  }

  /**
   * How each hit matched, as a nurse needs it: for every typed name token the strongest tier it matched (so a
   * registered reading reached through the query's reading is 読み一致, and 読み推定 only appears when a token matched
   * nothing better than a guessed reading of a patient without one), plus ID一致 and 生年月日一致; strongest first.
   * Clauses are tried strongest first per token, and a hit stops being checked once its token is settled.
   */
  private static Map<Integer, Set<MatchTag>> tags(IndexSearcher searcher, List<TaggedClause> clauses, int[] docs)
      throws IOException {
    return tags(clauses, docs, (c, open) -> matching(searcher, c, open));
  }

  /** Which of {@code docs} (ascending) a clause matches: a searcher's scorers, or what a remote engine reported. */
  private interface ClauseMatcher {
    List<Integer> matching(TaggedClause clause, SortedSet<Integer> docs) throws IOException;
  }

  private static Map<Integer, Set<MatchTag>> tags(List<TaggedClause> clauses, int[] docs, ClauseMatcher matcher)
      throws IOException {
    Map<Integer, Set<MatchTag>> out = new HashMap<>();
    if (docs.length == 0) {
      return out;
    }
    for (int d : docs) {
      out.put(d, EnumSet.noneOf(MatchTag.class));
    }
    Map<Integer, List<TaggedClause>> byToken = new TreeMap<>();
    clauses.forEach(c -> byToken.computeIfAbsent(c.token(), k -> new ArrayList<>()).add(c));
    Map<Integer, Integer> exactTokens = new HashMap<>();
    long nameTokens = byToken.keySet().stream().filter(t -> t != TaggedClause.NOT_A_NAME).count();
    for (Map.Entry<Integer, List<TaggedClause>> group : byToken.entrySet()) {
      boolean name = group.getKey() != TaggedClause.NOT_A_NAME;
      List<TaggedClause> strongestFirst = group.getValue().stream()
          .sorted(Comparator.comparing(TaggedClause::tier)).toList();
      SortedSet<Integer> open = new TreeSet<>(Arrays.stream(docs).boxed().toList());
      for (TaggedClause c : strongestFirst) {
        if (open.isEmpty()) {
          break;
        }
        for (int doc : matcher.matching(c, open)) {
          out.get(doc).add(c.tier().tag);
          if (name) {
            open.remove(doc);
            if (c.tier().tag == MatchTag.EXACT) {
              exactTokens.merge(doc, 1, Integer::sum);
            }
          }
        }
      }
    }
    // 完全一致 is read as "this is the name I typed": claim it only when every typed name token matched as written,
    // so 浜田 健 does not call 原田 健 (健 as written, 田 alone) a complete match.
    exactTokens.forEach((doc, n) -> {
      if (n < nameTokens) {
        out.get(doc).remove(MatchTag.EXACT);
      }
    });
    return out;
  }

  private static Query rewrite(IndexSearcher searcher, Query query) {
    try {
      return searcher.rewrite(query);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Which of {@code docs} (ascending) the clause matches. */
  private static List<Integer> matching(IndexSearcher searcher, TaggedClause c, SortedSet<Integer> docs)
      throws IOException {
    Weight w = searcher.createWeight(searcher.rewrite(c.match()), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<Integer> out = new ArrayList<>();
    int leafIndex = -1;
    DocIdSetIterator it = null;
    for (int doc : docs) {
      int li = ReaderUtil.subIndex(doc, leaves);
      LeafReaderContext leaf = leaves.get(li);
      if (li != leafIndex) {
        leafIndex = li;
        Scorer s = w.scorer(leaf);
        it = s == null ? null : s.iterator();
      }
      if (it == null) {
        continue;
      }
      int target = doc - leaf.docBase;
      int at = it.docID() >= target ? it.docID() : it.advance(target);
      if (at == target) {
        out.add(doc);
      }
    }
    return out;
  }
}

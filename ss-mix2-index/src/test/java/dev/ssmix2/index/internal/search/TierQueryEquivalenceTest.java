package dev.ssmix2.index.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.name.NameKeys;
import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.population.ReceptionPopulation;
import dev.ssmix2.index.population.ReceptionPopulation.Person;
import dev.ssmix2.index.query.ParsedQuery;
import dev.ssmix2.index.search.MatchTag;
import dev.ssmix2.index.search.SearchResult;
import dev.ssmix2.index.store.PatientIndex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.xml.CoreParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.similarities.BooleanSimilarity;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pruning planner ({@link TierQuery} name alternatives, competitive scores told to the scorers after the first
 * {@code limit} hits, and the search's first pass over the strong tiers whose page seeds or replaces the full walk) against the planner it replaced ({@link ReferencePlanner}, searched the way it was: Lucene's
 * default of counting 1,000 hits first), on a generated reception population of 5,000 patients with homonyms and
 * every reception-desk quirk, and thousands of queries of every shape a desk types (kanji, kana, swapped, joined,
 * prefixes while typing, romaji, one part, typos that need the fuzzy retry, birth dates, sex, IDs): the same plan
 * clauses and the same Lucene form for remote engines, and the same results — patients, order, scores, match tags
 * and homonym count.
 */
class TierQueryEquivalenceTest {
  static final int PATIENTS = 5_000;

  @TempDir static Path work;
  static ReceptionPopulation population;
  static DirectoryReader reader;
  static IndexSearcher searcher;
  static QueryPlanner planner;
  static ReferencePlanner reference;
  static PatientSearch current;
  static PatientSearch before;
  static List<String> queries;

  @BeforeAll
  static void build() throws IOException {
    population = ReceptionPopulation.generate(PATIENTS, 91L);
    Path root = population.writeStorage(work.resolve("storage"));
    PatientIndex index = PatientIndex.open(work.resolve("index"));
    try {
      index.update(Storage.open(root), ProgressListener.none());
    } finally {
      index.close();
    }
    reader = DirectoryReader.open(FSDirectory.open(work.resolve("index")));
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BooleanSimilarity()); // as PatientIndex searches
    ReadingGuesser guesser = ReadingGuesser.create();
    planner = new QueryPlanner(guesser);
    reference = new ReferencePlanner(guesser);
    current = new PatientSearch(guesser);
    before = new PatientSearch(reference::plan, limit -> 1000);
    queries = queries(population);
  }

  @AfterAll
  static void close() throws IOException {
    reader.directory().close();
    reader.close();
  }

  /** Every 10th patient typed ten ways, and the population's own reception-desk queries. */
  static List<String> queries(ReceptionPopulation population) {
    Set<String> out = new LinkedHashSet<>();
    population.queries().forEach(q -> out.add(q.text()));
    List<Person> people = population.people();
    for (int i = 0; i < people.size(); i += 10) {
      Person p = people.get(i);
      String f = p.kanjiFamily();
      String g = p.kanjiGiven();
      String rf = hiragana(p.readingFamily());
      String rg = hiragana(p.readingGiven());
      String birth = p.birth().substring(0, 4) + "/" + Integer.parseInt(p.birth().substring(4, 6)) + "/"
          + Integer.parseInt(p.birth().substring(6, 8));
      out.add(p.id());
      if (!f.isEmpty()) {
        out.add(f + " " + g);
        out.add(f);
        out.add(f + g);
        out.add(f + " " + g + " " + birth);
      }
      if (!rf.isEmpty()) {
        out.add(rf + " " + rg);
        out.add(rg + " " + rf);
        out.add(rf + " " + firstChar(rg));
        out.add(firstChars(rf, 2));
        out.add(f + " " + rg);
        out.add(rf + " " + rg + " " + (p.sex().equals("F") ? "F" : "M"));
        out.add(NameKeys.romajiKey(p.readingFamily()).toLowerCase(Locale.ROOT) + " "
            + NameKeys.romajiKey(p.readingGiven()).toLowerCase(Locale.ROOT));
        out.add(rf + " " + typo(rg)); // usually nothing exact: the fuzzy retry
      }
      if (!p.latin().isEmpty()) {
        out.add(p.latin().toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(out);
  }

  private static String hiragana(String katakana) {
    StringBuilder b = new StringBuilder(katakana.length());
    katakana.codePoints().forEach(c -> b.appendCodePoint(c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c));
    return b.toString();
  }

  private static String firstChar(String s) {
    return s.isEmpty() ? "" : new String(Character.toChars(s.codePointAt(0)));
  }

  private static String firstChars(String s, int n) {
    return s.codePoints().limit(n).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  /** The last kana replaced by another: a clerk's typo. */
  private static String typo(String kana) {
    int[] cps = kana.codePoints().toArray();
    if (cps.length < 2) {
      return kana + "ぬ";
    }
    cps[cps.length - 1] = cps[cps.length - 1] == 'ぬ' ? 'ね' : 'ぬ';
    return new String(cps, 0, cps.length);
  }

  @Test
  void thereAreThousandsOfQueriesOfEveryShape() {
    assertThat(queries).hasSizeGreaterThan(4_000);
  }

  @Test
  void thePlanHasTheSameClausesAndTheSameLuceneFormForRemoteEngines() throws Exception {
    for (String text : queries) {
      ParsedQuery parsed = ParsedQuery.parse(text);
      for (boolean fuzzy : new boolean[] {false, true}) {
        QueryPlan now = planner.plan(parsed, fuzzy);
        QueryPlan then = reference.plan(parsed, fuzzy);
        assertThat(now.clauses()).as(text).isEqualTo(then.clauses());
        assertThat(now.query().isPresent()).as(text).isEqualTo(then.query().isPresent());
        if (now.query().isPresent()) {
          // what Solr's xmlparser makes of each (disjuncts of a disjunction-max are a set: their order may differ)
          assertThat(parse(XmlQueries.xml(now.query().get()))).as(text)
              .isEqualTo(parse(XmlQueries.xml(then.query().get())));
        }
      }
    }
  }

  private static Query parse(String xml) throws Exception {
    return new CoreParser("pid", new KeywordAnalyzer())
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theResultsAreTheSameToTheLastTag() throws IOException {
    List<String> differ = new ArrayList<>();
    int hits = 0;
    int fuzzy = 0;
    for (int i = 0; i < queries.size(); i++) {
      String text = queries.get(i);
      // pages of 1, 3 and 40 too: the first pass over the strong tiers fills a small page more often, a large one less
      for (int limit : i % 5 == 0 ? new int[] {10, 3} : i % 5 == 1 ? new int[] {10, 1, 40} : new int[] {10}) {
        SearchResult now = current.searchResult(searcher, text, limit);
        SearchResult then = before.searchResult(searcher, text, limit);
        hits += now.hits().size();
        if (!now.hits().isEmpty() && now.hits().get(0).matched().contains(MatchTag.FUZZY)) {
          fuzzy++;
        }
        if (!now.equals(then)) {
          differ.add(text + " (top " + limit + "): " + then + " became " + now);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d queries, %d hits compared, %d fuzzy retries, %d differ%n", queries.size(),
        hits, fuzzy, differ.size());
    assertThat(hits).as("hits compared").isGreaterThan(queries.size() * 2);
    assertThat(fuzzy).as("queries that went through the fuzzy retry").isGreaterThan(100);
    assertThat(differ).isEmpty();
  }

  @Test
  void withoutPruningTheTierQueriesScoreEveryHitAsTheirLuceneForm() throws IOException {
    // Lucene's default search (1,000 hits counted before any pruning, scores recomputed per hit) of both plans
    int compared = 0;
    for (String text : queries.subList(0, Math.min(1_500, queries.size()))) {
      ParsedQuery parsed = ParsedQuery.parse(text);
      QueryPlan plan = planner.plan(parsed, false, UnaryOperator.identity());
      if (plan.query().isEmpty()) {
        continue;
      }
      TopFieldDocs now = searcher.search(plan.query().get(), 10, PatientSearch.ORDER, true);
      TopFieldDocs then = searcher.search(reference.plan(parsed, false).query().orElseThrow(), 10,
          PatientSearch.ORDER, true);
      assertThat(now.scoreDocs.length).as(text).isEqualTo(then.scoreDocs.length);
      for (int i = 0; i < now.scoreDocs.length; i++) {
        assertThat(now.scoreDocs[i].doc).as(text).isEqualTo(then.scoreDocs[i].doc);
        assertThat(now.scoreDocs[i].score).as(text).isEqualTo(then.scoreDocs[i].score);
      }
      compared++;
    }
    assertThat(compared).isGreaterThan(1_000);
  }
}

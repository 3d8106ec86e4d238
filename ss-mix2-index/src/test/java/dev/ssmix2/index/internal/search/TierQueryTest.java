package dev.ssmix2.index.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TierQuery} against its Lucene form on random postings: dense and sparse terms, tiers far apart and equal,
 * clauses planned twice, several segments, one and two slots under outer boosts, and the competitive score told to
 * the scorer as early as possible — the same documents, order and float scores.
 */
class TierQueryTest {
  static final float[] TIERS = {100, 90, 85, 70, 68, 65, 55, 50, 45, 40, 30, 20, 15};
  static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField("rank", SortField.Type.LONG, true));
  static Directory dir;
  static DirectoryReader reader;
  static IndexSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    dir = new ByteBuffersDirectory();
    SplittableRandom rng = new SplittableRandom(5);
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer()).setMaxBufferedDocs(4_000))) {
      for (int i = 0; i < 20_000; i++) {
        Document d = new Document();
        for (int f = 0; f < 4; f++) {
          // term t0 in half the documents, t1 in a quarter, … t9 in about one in a thousand
          for (int t = 0; t < 10; t++) {
            if (rng.nextInt(1 << (t + 1)) == 0) {
              d.add(new StringField("f" + f, "t" + t, Field.Store.NO));
            }
          }
        }
        d.add(new NumericDocValuesField("rank", rng.nextInt(50))); // ties on score broken by a value with ties too
        w.addDocument(d);
      }
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  static List<TierQuery.Leaf> slot(SplittableRandom rng) {
    List<TierQuery.Leaf> leaves = new ArrayList<>();
    int n = 1 + rng.nextInt(8);
    for (int i = 0; i < n; i++) {
      TierQuery.Leaf leaf = new TierQuery.Leaf(new TermQuery(new Term("f" + rng.nextInt(4), "t" + rng.nextInt(10))),
          TIERS[rng.nextInt(TIERS.length)]);
      leaves.add(leaf);
      if (rng.nextInt(5) == 0) {
        leaves.add(leaf); // planned twice: counts twice
      }
    }
    return leaves;
  }

  @Test
  void scoresAndOrderEqualTheLuceneFormWithEarlyPruning() throws IOException {
    SplittableRandom rng = new SplittableRandom(11);
    int pruned = 0;
    for (int round = 0; round < 400; round++) {
      List<List<TierQuery.Leaf>> slots = new ArrayList<>();
      int n = 1 + rng.nextInt(2);
      for (int s = 0; s < n; s++) {
        slots.add(slot(rng));
      }
      TierQuery tiers = new TierQuery(slots, 0.01f);
      float boost = List.of(1f, 0.9f, 1.9f, 0.95f).get(rng.nextInt(4));
      // as the planner nests them: alternatives under a disjunction-max without tie breaker
      Query other = new TierQuery(List.of(slot(rng)), 0.01f);
      Query now = new DisjunctionMaxQuery(List.of(new BoostQuery(tiers, boost), other), 0f);
      Query then = new DisjunctionMaxQuery(List.of(new BoostQuery(tiers.standard(), boost),
          ((TierQuery) other).standard()), 0f);
      int k = 1 + rng.nextInt(20);
      TopFieldDocs a = searcher.search(now, new TopFieldCollectorManager(ORDER, k, null, k, false));
      TopFieldDocs b = searcher.search(then, new TopFieldCollectorManager(ORDER, k, null, Integer.MAX_VALUE, false));
      assertThat(a.scoreDocs.length).isEqualTo(b.scoreDocs.length);
      for (int i = 0; i < a.scoreDocs.length; i++) {
        assertThat(a.scoreDocs[i].doc).as("round %s hit %s of %s", round, i, now).isEqualTo(b.scoreDocs[i].doc);
        assertThat(((Float) ((org.apache.lucene.search.FieldDoc) a.scoreDocs[i]).fields[0]))
            .isEqualTo((Float) ((org.apache.lucene.search.FieldDoc) b.scoreDocs[i]).fields[0]);
      }
      if (a.totalHits.value < b.totalHits.value) {
        pruned++;
      }
    }
    assertThat(pruned).as("searches where the competitive score skipped documents").isGreaterThan(100);
  }

  @Test
  void theLuceneFormIsAConjunctionOfDisjunctionMaxSlots() {
    TierQuery.Leaf a = new TierQuery.Leaf(new TermQuery(new Term("f0", "t1")), 85);
    TierQuery.Leaf b = new TierQuery.Leaf(new TermQuery(new Term("f1", "t1")), 50);
    assertThat(new TierQuery(List.of(List.of(a, b)), 0.01f).standard())
        .isEqualTo(new DisjunctionMaxQuery(List.of(a.scored(), b.scored()), 0.01f));
    assertThat(new TierQuery(List.of(List.of(a), List.of()), 0.01f).standard())
        .isEqualTo(new BooleanQuery.Builder()
            .add(new DisjunctionMaxQuery(List.of(a.scored()), 0.01f), Occur.MUST)
            .add(new BooleanQuery.Builder().build(), Occur.MUST).build());
    assertThat(new TierQuery(List.of(List.of(a, b)), 0.01f)).isEqualTo(new TierQuery(List.of(List.of(a, b)), 0.01f))
        .isNotEqualTo(new TierQuery(List.of(List.of(b, a)), 0.01f));
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> new TierQuery(List.of(), 0.01f)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one slot");
    assertThatThrownBy(() -> new TierQuery.Leaf(new TermQuery(new Term("f", "t")), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }
}

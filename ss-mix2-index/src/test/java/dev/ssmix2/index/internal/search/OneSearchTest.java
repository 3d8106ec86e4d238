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
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BooleanSimilarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link OneSearch}: a clause asked for twice without scores gets the weight built the first time, and searches of
 * random plans (alternatives sharing clauses, as the planner builds them) find the same hits with the same scores as
 * on the searcher it wraps, also when the same searcher then asks every clause which hits it matches.
 */
class OneSearchTest {
  static final float[] TIERS = {100, 90, 85, 70, 65, 55, 50, 40, 30, 20};
  static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField("rank", SortField.Type.LONG, true));
  static Directory dir;
  static DirectoryReader reader;
  static IndexSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    dir = new ByteBuffersDirectory();
    SplittableRandom rng = new SplittableRandom(3);
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer()).setMaxBufferedDocs(3_000))) {
      for (int i = 0; i < 10_000; i++) {
        Document d = new Document();
        for (int f = 0; f < 3; f++) {
          for (int t = 0; t < 8; t++) {
            if (rng.nextInt(1 << (t + 1)) == 0) {
              d.add(new StringField("f" + f, "t" + t, Field.Store.NO));
            }
          }
        }
        d.add(new NumericDocValuesField("rank", rng.nextInt(40)));
        w.addDocument(d);
      }
    }
    reader = DirectoryReader.open(dir);
    assertThat(reader.leaves()).as("several segments").hasSizeGreaterThan(1);
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BooleanSimilarity());
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  @Test
  void aClauseAskedForAgainWithoutScoresGetsTheSameWeight() throws IOException {
    OneSearch one = new OneSearch(searcher);
    Query a = new TermQuery(new Term("f0", "t1"));
    Weight first = one.createWeight(a, ScoreMode.COMPLETE_NO_SCORES, 1f);
    assertThat(one.createWeight(new TermQuery(new Term("f0", "t1")), ScoreMode.COMPLETE_NO_SCORES, 1f))
        .isSameAs(first);
    assertThat(one.createWeight(a, ScoreMode.COMPLETE, 1f)).isNotSameAs(first);
    assertThat(one.createWeight(a, ScoreMode.COMPLETE_NO_SCORES, 2f)).isNotSameAs(first);
    assertThat(one.createWeight(new TermQuery(new Term("f1", "t1")), ScoreMode.COMPLETE_NO_SCORES, 1f))
        .isNotSameAs(first);
    assertThat(one.sharedWeights()).isEqualTo(2);
    // a shared weight gives a fresh scorer each time it is asked, for the search and again for the tags
    for (LeafReaderContext leaf : reader.leaves()) {
      Scorer s1 = first.scorer(leaf);
      Scorer s2 = first.scorer(leaf);
      assertThat(s1).isNotNull();
      assertThat(s1.iterator().nextDoc()).isEqualTo(s2.iterator().nextDoc());
    }
    assertThat(one.getSimilarity()).isSameAs(searcher.getSimilarity());
    assertThat(one.getQueryCache()).isSameAs(searcher.getQueryCache());
    assertThat(one.getIndexReader()).isSameAs(reader);
  }

  @Test
  void nullIsRefused() {
    assertThatThrownBy(() -> new OneSearch(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("searcher");
  }

  private static List<TierQuery.Leaf> slot(SplittableRandom rng) {
    List<TierQuery.Leaf> leaves = new ArrayList<>();
    int n = 1 + rng.nextInt(6);
    for (int i = 0; i < n; i++) {
      leaves.add(new TierQuery.Leaf(new TermQuery(new Term("f" + rng.nextInt(3), "t" + rng.nextInt(9))),
          TIERS[rng.nextInt(TIERS.length)]));
    }
    return leaves;
  }

  @Test
  void randomPlansFindTheSameHitsAndTheSameClausesMatchThem() throws IOException {
    SplittableRandom rng = new SplittableRandom(17);
    for (int round = 0; round < 300; round++) {
      // two alternatives that share a slot, as a two-token plan's family + given and given + family do
      List<TierQuery.Leaf> a = slot(rng);
      List<TierQuery.Leaf> b = slot(rng);
      List<TierQuery.Leaf> c = slot(rng);
      Query plan = new BooleanQuery.Builder()
          .add(new DisjunctionMaxQuery(List.of(
              new TierQuery(List.of(a, b), 0.01f),
              new BoostQuery(new TierQuery(List.of(b, c), 0.01f), 0.9f),
              new TierQuery(List.of(a), 0.01f)), 0f), Occur.MUST)
          .add(new TermQuery(new Term("f2", "t0")), rng.nextBoolean() ? Occur.FILTER : Occur.SHOULD)
          .build();
      int k = 1 + rng.nextInt(15);
      OneSearch one = new OneSearch(searcher);
      TopFieldDocs got = one.search(plan, new TopFieldCollectorManager(ORDER, k, null, k, false));
      TopFieldDocs want = searcher.search(plan, new TopFieldCollectorManager(ORDER, k, null, k, false));
      assertThat(got.scoreDocs.length).isEqualTo(want.scoreDocs.length);
      for (int i = 0; i < got.scoreDocs.length; i++) {
        assertThat(got.scoreDocs[i].doc).as("round %s hit %s", round, i).isEqualTo(want.scoreDocs[i].doc);
        assertThat(((FieldDoc) got.scoreDocs[i]).fields[0]).isEqualTo(((FieldDoc) want.scoreDocs[i]).fields[0]);
      }
      // one weight per distinct clause (and the filter), however many alternatives hold it
      java.util.Set<Query> distinct = new java.util.HashSet<>();
      concat(concat(a, b), c).forEach(leaf -> distinct.add(leaf.match()));
      assertThat(one.sharedWeights()).isLessThanOrEqualTo(distinct.size() + 1);
      // every leaf asked again, through the weights the search built, matches the hits it matches on its own
      for (TierQuery.Leaf leaf : concat(a, b)) {
        for (var sd : got.scoreDocs) {
          assertThat(matches(one, leaf.match(), sd.doc)).isEqualTo(matches(searcher, leaf.match(), sd.doc));
        }
      }
    }
  }

  private static List<TierQuery.Leaf> concat(List<TierQuery.Leaf> a, List<TierQuery.Leaf> b) {
    List<TierQuery.Leaf> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static boolean matches(IndexSearcher s, Query q, int doc) throws IOException {
    Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<LeafReaderContext> leaves = s.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
    Scorer scorer = w.scorer(leaf);
    if (scorer == null) {
      return false;
    }
    DocIdSetIterator it = scorer.iterator();
    return it.advance(doc - leaf.docBase) == doc - leaf.docBase;
  }
}

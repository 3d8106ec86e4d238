package dev.ssmix2.index.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link FuzzyTermsQuery} rewrites to exactly what its {@link FuzzyQuery} rewrites to — the same terms with the same
 * boosts — on generated terms over a small alphabet (so that swaps, repeats and more than 50 terms within reach are
 * common), with kana, a surrogate pair (𠮷) and ASCII, in several segments, for 0–2 edits, fixed prefixes of 0–2 code
 * points and with and without transpositions.
 */
class FuzzyTermsQueryTest {
  private static final String[] ALPHABET = {"ア", "イ", "カ", "ン", "ー", "𠮷", "a", "b"};
  /** Terms one or two swaps apart, and a swap that overlaps another edit (カイア, アカイ: three edits apart). */
  private static final List<String> SWAPS = List.of("アイカン", "イアカン", "イアンカ", "カイア", "アカイ", "ab𠮷", "a𠮷b");
  private static Directory dir;
  private static DirectoryReader reader;
  private static IndexSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    dir = new ByteBuffersDirectory();
    SplittableRandom rng = new SplittableRandom(9);
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer()).setMaxBufferedDocs(1_500))) {
      for (int i = 0; i < 6_000; i++) {
        Document d = new Document();
        d.add(new StringField("f", word(rng, 0, 9), Field.Store.NO));
        if (rng.nextInt(3) == 0) {
          d.add(new StringField("f", word(rng, 0, 4), Field.Store.NO)); // short terms, often repeated
        }
        w.addDocument(d);
      }
      for (String swap : SWAPS) {
        Document d = new Document();
        d.add(new StringField("f", swap, Field.Store.NO));
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

  private static String word(SplittableRandom rng, int min, int max) {
    int n = min + rng.nextInt(max - min + 1);
    StringBuilder s = new StringBuilder();
    // a few letters are much more common, as in names
    for (int i = 0; i < n; i++) {
      s.append(ALPHABET[rng.nextInt(2) == 0 ? rng.nextInt(3) : rng.nextInt(ALPHABET.length)]);
    }
    return s.toString();
  }

  @Test
  void rewritesToTheTermsAndBoostsOfTheFuzzyQuery() throws IOException {
    assertThat(reader.leaves()).hasSizeGreaterThan(2);
    SplittableRandom rng = new SplittableRandom(14);
    int manyTerms = 0;
    int someTerms = 0;
    for (int i = 0; i < 3_000; i++) {
      String text = word(rng, 1, 10);
      int edits = rng.nextInt(3);
      int prefix = rng.nextInt(3);
      boolean transpositions = rng.nextInt(4) != 0;
      FuzzyQuery fuzzy = new FuzzyQuery(new Term("f", text), edits, prefix, FuzzyQuery.defaultMaxExpansions,
          transpositions);
      Query expected = searcher.rewrite(fuzzy);
      Query actual = searcher.rewrite(new FuzzyTermsQuery(fuzzy));
      assertThat(actual).as("%s", fuzzy).isEqualTo(expected);
      assertThat(boosts(actual)).as("%s", fuzzy).isEqualTo(boosts(expected));
      int terms = boosts(expected).size();
      manyTerms += terms == FuzzyQuery.defaultMaxExpansions ? 1 : 0;
      someTerms += terms > 1 ? 1 : 0;
    }
    // the cases that matter were met: the 50 nearest out of more, and several terms of different distances
    assertThat(manyTerms).isGreaterThan(200);
    assertThat(someTerms).isGreaterThan(1_000);
  }

  @Test
  void countsSwapsAsTheFuzzyQueryDoes() throws IOException {
    for (String text : SWAPS) {
      for (int edits = 1; edits <= 2; edits++) {
        for (boolean transpositions : new boolean[] {true, false}) {
          FuzzyQuery fuzzy = new FuzzyQuery(new Term("f", text), edits, 0, 50, transpositions);
          Query expected = searcher.rewrite(fuzzy);
          assertThat(searcher.rewrite(new FuzzyTermsQuery(fuzzy))).as("%s", fuzzy).isEqualTo(expected);
          assertThat(boosts(searcher.rewrite(new FuzzyTermsQuery(fuzzy)))).isEqualTo(boosts(expected));
        }
      }
    }
    // one swap is one edit only with transpositions
    Query swap = searcher.rewrite(new FuzzyTermsQuery(new FuzzyQuery(new Term("f", "アイカン"), 1, 0, 50, true)));
    Query noSwap = searcher.rewrite(new FuzzyTermsQuery(new FuzzyQuery(new Term("f", "アイカン"), 1, 0, 50, false)));
    assertThat(boosts(swap)).anyMatch(t -> t.contains("イアカン"));
    assertThat(boosts(noSwap)).noneMatch(t -> t.contains("イアカン"));
  }

  /** Each clause of a rewritten fuzzy query as text (term and boost), in its order. */
  private static List<String> boosts(Query rewritten) {
    if (rewritten instanceof MatchNoDocsQuery) {
      return List.of();
    }
    if (rewritten instanceof BooleanQuery b) {
      return b.clauses().stream().map(c -> c.getQuery().toString("f")).toList();
    }
    return List.of(rewritten.toString("f"));
  }
}

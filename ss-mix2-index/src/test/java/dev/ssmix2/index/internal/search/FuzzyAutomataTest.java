package dev.ssmix2.index.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The fuzzy clauses of one search share their automata and still expand to exactly Lucene's own terms. */
class FuzzyAutomataTest {
  private static final String KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
  private static final List<String> FIELDS = List.of("kana_loose_family", "kana_loose_given", "kana_loose_full");

  @Test
  void expandsEveryFieldAsPlainFuzzyQueryAndBuildsOneAutomatonPerText() throws IOException {
    Random random = new Random(8);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      words.add(word(random, 2 + random.nextInt(6)));
    }
    // a dense corner: every 6-letter word of three kana, so a 2-edit key matches more than the 50 terms kept
    List<String> dense = new ArrayList<>();
    for (int n = 0; n < 729; n++) {
      StringBuilder b = new StringBuilder();
      for (int k = 0, v = n; k < 6; k++, v /= 3) {
        b.append("アイウ".charAt(v % 3));
      }
      dense.add(b.toString());
    }
    words.addAll(dense);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        for (int i = 0; i < words.size(); i++) {
          Document doc = new Document();
          doc.add(new StringField(FIELDS.get(i % 3), words.get(i), Field.Store.NO));
          // near misses of the same words in the other fields, so each field expands to its own terms
          doc.add(new StringField(FIELDS.get((i + 1) % 3), words.get(i).substring(1) + "ー", Field.Store.NO));
          w.addDocument(doc);
        }
        w.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        int expansions = 0;
        int manyTerms = 0;
        for (int q = 0; q < 200; q++) {
          // a typed key: an indexed word with one character changed, or a word of its own
          String base = words.get(random.nextInt(words.size()));
          String text = q % 4 == 0 ? word(random, base.length())
              : q % 4 == 1 ? dense.get(random.nextInt(dense.size())).substring(0, 5) + "エ"
              : base.substring(0, base.length() - 1) + "ン";
          int edits = text.length() >= 6 ? 2 : 1;
          FuzzyAutomata automata = new FuzzyAutomata();
          for (String field : FIELDS) {
            FuzzyQuery plain = new FuzzyQuery(new Term(field, text), edits, 1);
            Query shared = automata.expandable(plain);
            assertThat(shared).isNotSameAs(plain);
            Query expected = searcher.rewrite(plain);
            Query actual = searcher.rewrite(shared);
            assertThat(actual).as(field + " " + text).isEqualTo(expected);
            expansions++;
            manyTerms += expected instanceof BooleanQuery b && b.clauses().size() == FuzzyQuery.defaultMaxExpansions ? 1 : 0;
          }
          assertThat(automata.built()).as("automata built for " + text + " in three fields").isEqualTo(1);
        }
        assertThat(expansions).isEqualTo(600);
        assertThat(manyTerms).as("expansions cut at 50 terms").isGreaterThan(20);
      }
    }
  }

  @Test
  void leavesOtherQueriesAsTheyAre() {
    FuzzyAutomata automata = new FuzzyAutomata();
    Query term = new TermQuery(new Term("kana_loose_family", "ヤマダ"));
    FuzzyQuery moreExpansions = new FuzzyQuery(new Term("kana_loose_family", "ヤマダ"), 1, 1, 100, true);
    assertThat(automata.expandable(term)).isSameAs(term);
    assertThat(automata.expandable(moreExpansions)).isSameAs(moreExpansions);
  }

  private static String word(Random random, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(KANA.charAt(random.nextInt(KANA.length())));
    }
    return b.toString();
  }
}

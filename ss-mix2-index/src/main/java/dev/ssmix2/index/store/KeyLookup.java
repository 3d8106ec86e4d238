package dev.ssmix2.index.store;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * The one live document a unique key term names (a file's key, a patient's key, a manifest's key), found by seeking the
 * term in each segment. An update asks this a few times per changed patient; going through {@code IndexSearcher}
 * instead (weight, term statistics of every segment, scorer, collector) was a fifth of a transaction-driven update's
 * CPU (JFR, IncrementalHarness).
 */
final class KeyLookup {
  private KeyLookup() {}

  /** A document of one segment. */
  record Hit(LeafReaderContext leaf, int doc) {
    /** The document's number in the whole reader. */
    int global() {
      return leaf.docBase + doc;
    }
  }

  /** The first live document holding {@code key}, if any; keys are unique, so there is at most one. */
  static Optional<Hit> find(IndexReader reader, Term key) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(key.field());
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(key.bytes())) {
        continue;
      }
      PostingsEnum docs = te.postings(null, PostingsEnum.NONE);
      Bits live = leaf.reader().getLiveDocs();
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if (live == null || live.get(d)) {
          return Optional.of(new Hit(leaf, d));
        }
      }
    }
    return Optional.empty();
  }
}

package dev.ssmix2.index.internal.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeSource;

/**
 * The Levenshtein automata of one search's fuzzy clauses, built once per typed text instead of once per field. A fuzzy
 * plan asks for the same key in several fields (family, given and whole-name readings, the pair and the swapped pair),
 * and Lucene builds a {@link FuzzyQuery}'s automata — which depend on the text, the edit distance, the prefix and
 * transpositions, not on the field — anew for every query it rewrites: 11 % of all samples of the slow query shapes at
 * 1M, nearly all of it in the fuzzy fallback (benchmarks/README.md, "Search at 1M, session 8"). Sharing took only 7 % of
 * those samples away (1.07 → 0.99 per fuzzy query): the largest automata are the whole name's (two edits from six
 * characters on), built once either way; the family and given keys that are shared are short and one edit.
 *
 * <p>The rewrite is Lucene's own, term for term: {@link #expandable} queries are rewritten as a {@link FuzzyQuery}
 * subclass that hands its terms enum the automata of the first query of the same text. They live in an attribute of
 * the rewrite's {@link AttributeSource} that the enum fills only when it is empty; only that attribute is shared, so
 * every rewrite keeps its own top-terms state. When Lucene no longer keeps them there, nothing is shared and the
 * queries rewrite as before ({@code FuzzyAutomataTest} holds the expansions equal to plain {@link FuzzyQuery}'s).
 * Not thread-safe: one per search.
 */
final class FuzzyAutomata {
  /** The attribute {@code FuzzyTermsEnum} keeps its automata in (package-private in Lucene 9). */
  private static final String AUTOMATON_ATTRIBUTE = "org.apache.lucene.search.FuzzyTermsEnum$AutomatonAttributeImpl";

  private record Key(String text, int maxEdits, int prefixLength, boolean transpositions) {}

  private final Map<Key, AttributeImpl> built = new HashMap<>();

  /**
   * {@code query} as a fuzzy query that shares its automata with the others of this search, or {@code query} itself
   * when it is not a {@link FuzzyQuery} with the default expansion count (the only kind the planner makes).
   */
  Query expandable(Query query) {
    if (!(query instanceof FuzzyQuery f)) {
      return query;
    }
    Shared shared = new Shared(f.getTerm(), f.getMaxEdits(), f.getPrefixLength(), f.getTranspositions());
    return shared.sameAs(f) ? shared : query;
  }

  /** How many distinct automata this search has built (for tests). */
  int built() {
    return built.size();
  }

  private final class Shared extends FuzzyQuery {
    private final Key key;

    Shared(Term term, int maxEdits, int prefixLength, boolean transpositions) {
      super(term, maxEdits, prefixLength, FuzzyQuery.defaultMaxExpansions, transpositions);
      this.key = new Key(term.text(), maxEdits, prefixLength, transpositions);
    }

    /** Equal to {@code f} in everything a plain {@link FuzzyQuery} compares (its class aside). */
    boolean sameAs(FuzzyQuery f) {
      FuzzyQuery plain = new FuzzyQuery(getTerm(), getMaxEdits(), getPrefixLength(), FuzzyQuery.defaultMaxExpansions,
          getTranspositions());
      return plain.equals(f);
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
      AttributeImpl automata = built.get(key);
      if (automata != null) {
        atts.addAttributeImpl(automata);
        return super.getTermsEnum(terms, atts);
      }
      TermsEnum e = super.getTermsEnum(terms, atts);
      for (Iterator<AttributeImpl> it = atts.getAttributeImplsIterator(); it.hasNext(); ) {
        AttributeImpl a = it.next();
        if (a.getClass().getName().equals(AUTOMATON_ATTRIBUTE)) {
          built.put(key, a);
        }
      }
      return e;
    }

    @Override
    public boolean equals(Object other) {
      return super.equals(other) && key.equals(((Shared) other).key);
    }

    @Override
    public int hashCode() {
      return Objects.hash(super.hashCode(), key);
    }
  }
}

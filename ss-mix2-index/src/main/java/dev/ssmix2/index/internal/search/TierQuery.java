package dev.ssmix2.index.internal.search;

import com.google.common.base.Preconditions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * One name alternative of a plan — a typed token against one name part, or two tokens against family and given name —
 * scored exactly as the plan's Lucene form {@link #standard()}: a conjunction of slots, each slot a disjunction-max
 * (tie breaker {@code tie}) of constant-score tier clauses. It matches the same documents with the same float scores
 * (the arithmetic of Lucene's {@code DisjunctionMaxScorer} and conjunction sum, reproduced), but runs faster when only
 * the best hits are asked for: once the collector says which score a hit needs to compete, the tiers of a slot that
 * cannot reach it (with the other slots at their best) stop leading the search and are only looked up for documents
 * found through the stronger ones (the MaxScore idea, per slot). Tier scores are far apart (exact 100, reading 85,
 * prefix 50, n-gram 40…), so after the first strong hits a search walks the postings of its strong tiers only,
 * instead of every prefix and n-gram posting of a common name.
 *
 * <p>Engines that take the query as text (SolrCloud, {@link XmlQueries}) are sent {@link #standard()}.
 */
final class TierQuery extends Query {
  /** One tier clause of a slot: documents matching {@code match} score {@code boost} (before outer boosts). */
  record Leaf(Query match, float boost) {
    Leaf {
      Preconditions.checkNotNull(match, "match must not be null");
      Preconditions.checkArgument(boost > 0 && Float.isFinite(boost), "a tier boost must be positive, got %s", boost);
    }

    Query scored() {
      return new BoostQuery(new ConstantScoreQuery(match), boost);
    }
  }

  /**
   * Relative slack added to every score bound: the bounds are computed in double from the same float tier scores, and
   * the scorer rounds its sums to float, so a bound could otherwise sit one float step under a real score.
   */
  private static final double SLACK = 1e-6;

  private final List<List<Leaf>> slots;
  private final float tie;
  private final int hash;

  TierQuery(List<List<Leaf>> slots, float tie) {
    Preconditions.checkArgument(!slots.isEmpty(), "a tier query needs at least one slot");
    Preconditions.checkArgument(tie >= 0 && tie <= 1, "tie breaker must be in [0, 1], got %s", tie);
    this.slots = slots.stream().map(List::copyOf).toList();
    this.tie = tie;
    // a plan's queries are hashed several times (disjunction-max sets, rewrites, weight lookups): hash the leaves once
    this.hash = 31 * (31 * classHash() + this.slots.hashCode()) + Float.floatToIntBits(tie);
  }

  List<List<Leaf>> slots() {
    return slots;
  }

  /**
   * The same query in Lucene's own classes: one slot is a {@link DisjunctionMaxQuery} of its scored leaves (an empty
   * {@link BooleanQuery}, which matches nothing, when it has none), several slots are required clauses of a
   * {@link BooleanQuery}.
   */
  Query standard() {
    if (slots.size() == 1) {
      return standard(slots.get(0));
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (List<Leaf> slot : slots) {
      all.add(standard(slot), Occur.MUST);
    }
    return all.build();
  }

  private Query standard(List<Leaf> slot) {
    if (slot.isEmpty()) {
      return new BooleanQuery.Builder().build();
    }
    return new DisjunctionMaxQuery(slot.stream().map(Leaf::scored).toList(), tie);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    boolean changed = false;
    List<List<Leaf>> rewritten = new ArrayList<>(slots.size());
    for (List<Leaf> slot : slots) {
      List<Leaf> out = new ArrayList<>(slot.size());
      for (Leaf leaf : slot) {
        Query r = leaf.match().rewrite(searcher);
        changed |= r != leaf.match();
        out.add(r == leaf.match() ? leaf : new Leaf(r, leaf.boost()));
      }
      rewritten.add(out);
    }
    return changed ? new TierQuery(rewritten, tie) : this;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    QueryVisitor all = visitor.getSubVisitor(Occur.MUST, this);
    for (List<Leaf> slot : slots) {
      QueryVisitor any = all.getSubVisitor(Occur.SHOULD, this);
      slot.forEach(leaf -> leaf.match().visit(any));
    }
  }

  @Override
  public String toString(String field) {
    return standard().toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && hash == ((TierQuery) other).hash && slots.equals(((TierQuery) other).slots)
        && Float.floatToIntBits(tie) == Float.floatToIntBits(((TierQuery) other).tie);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    List<List<LeafWeight>> weights = new ArrayList<>(slots.size());
    for (List<Leaf> slot : slots) {
      // a clause planned twice in a slot (the loose and exact prefix keys of a kana token are often one term) counts
      // twice in the disjunction-max, as in the standard form, but is looked up once
      Map<Query, List<Float>> scores = new LinkedHashMap<>();
      for (Leaf leaf : slot) {
        // BoostQuery multiplies its boost into the one it is given, ConstantScoreQuery scores that product
        scores.computeIfAbsent(leaf.match(), q -> new ArrayList<>()).add(leaf.boost() * boost);
      }
      List<LeafWeight> ws = new ArrayList<>(scores.size());
      for (Map.Entry<Query, List<Float>> e : scores.entrySet()) {
        float[] s = new float[e.getValue().size()];
        for (int i = 0; i < s.length; i++) {
          s[i] = e.getValue().get(i);
        }
        ws.add(new LeafWeight(searcher.createWeight(e.getKey(), ScoreMode.COMPLETE_NO_SCORES, 1f), s));
      }
      weights.add(ws);
    }
    return new Weight(this) {
      @Override
      public Scorer scorer(LeafReaderContext context) throws IOException {
        List<SlotScorer> found = new ArrayList<>(weights.size());
        for (List<LeafWeight> slot : weights) {
          List<DocIdSetIterator> its = new ArrayList<>();
          List<float[]> scores = new ArrayList<>();
          for (LeafWeight w : slot) {
            Scorer s = w.weight().scorer(context);
            if (s != null) {
              its.add(s.iterator());
              scores.add(w.scores());
            }
          }
          if (its.isEmpty()) {
            return null; // a slot nothing can match: neither can the conjunction
          }
          found.add(new SlotScorer(its, scores, tie));
        }
        return new TierScorer(this, found);
      }

      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        Scorer s = scorer(context);
        if (s != null && s.iterator().advance(doc) == doc) {
          return Explanation.match(s.score(), "best tier per slot plus " + tie + " of the others, summed over slots");
        }
        return Explanation.noMatch("no tier of some slot matches");
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return false;
      }
    };
  }

  private record LeafWeight(Weight weight, float[] scores) {}

  /**
   * The leaves of one slot, strongest first, with the bound of what a document matching only leaves {@code i..} can
   * score, and how many leaves currently lead the search ({@link #essential}).
   */
  private static final class SlotScorer {
    final DocIdSetIterator[] its;
    /** {@code docs[i]}: where {@code its[i]} stands, kept here so the walk does not ask each iterator again. */
    final int[] docs;
    final float[][] scores;
    /** {@code bound[i]}: the highest score of a document matching none of the leaves before {@code i}; 0 at the end. */
    final double[] bound;
    final float tie;
    final long cost;
    int essential;

    SlotScorer(List<DocIdSetIterator> its, List<float[]> scores, float tie) {
      Integer[] order = new Integer[its.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, Comparator.comparingDouble((Integer i) -> max(scores.get(i))).reversed());
      this.its = new DocIdSetIterator[order.length];
      this.docs = new int[order.length];
      this.scores = new float[order.length][];
      long c = 0;
      for (int i = 0; i < order.length; i++) {
        this.its[i] = its.get(order[i]);
        this.docs[i] = this.its[i].docID();
        this.scores[i] = scores.get(order[i]);
        c += this.its[i].cost();
      }
      this.cost = c;
      this.tie = tie;
      this.bound = new double[order.length + 1];
      double sum = 0;
      for (int i = order.length - 1; i >= 0; i--) {
        for (float s : this.scores[i]) {
          sum += s;
        }
        double top = max(this.scores[i]); // leaves are sorted, so the strongest of i.. is leaf i's
        bound[i] = (top + (sum - top) * tie) * (1 + SLACK);
      }
      this.essential = order.length;
    }

    static float max(float[] values) {
      float m = 0;
      for (float v : values) {
        m = Math.max(m, v);
      }
      return m;
    }

    /** The first document at or after {@code target} that a leading leaf matches. */
    int next(int target) throws IOException {
      int min = DocIdSetIterator.NO_MORE_DOCS;
      for (int i = 0; i < essential; i++) {
        int d = docs[i];
        if (d < target) {
          d = docs[i] = its[i].advance(target);
        }
        if (d < min) {
          min = d;
        }
      }
      return min;
    }

    /** The disjunction-max score at {@code doc}, which a leading leaf matches, computed as DisjunctionMaxScorer does. */
    float score(int doc) throws IOException {
      float scoreMax = 0;
      double otherScoreSum = 0;
      for (int i = 0; i < its.length; i++) {
        int d = docs[i];
        if (d < doc) {
          d = docs[i] = its[i].advance(doc);
        }
        if (d == doc) {
          for (float subScore : scores[i]) {
            if (subScore >= scoreMax) {
              otherScoreSum += scoreMax;
              scoreMax = subScore;
            } else {
              otherScoreSum += subScore;
            }
          }
        }
      }
      return (float) (scoreMax + otherScoreSum * tie);
    }
  }

  /** The conjunction of the slots; leads with the slot whose leading leaves are cheapest. */
  private static final class TierScorer extends Scorer {
    final SlotScorer[] slots;
    /** The slots in plan order, for the sum (two float slot scores add up exactly in double in any order). */
    final SlotScorer[] planOrder;
    final double maxScore;
    final DocIdSetIterator iterator;
    int doc = -1;
    boolean exhausted;

    TierScorer(Weight weight, List<SlotScorer> slots) {
      super(weight);
      this.planOrder = slots.toArray(new SlotScorer[0]);
      this.slots = planOrder.clone();
      Arrays.sort(this.slots, Comparator.comparingLong((SlotScorer s) -> s.cost));
      double m = 0;
      for (SlotScorer s : planOrder) {
        m += s.bound[0];
      }
      this.maxScore = m * (1 + SLACK);
      this.iterator = new DocIdSetIterator() {
        @Override
        public int docID() {
          return doc;
        }

        @Override
        public int nextDoc() throws IOException {
          return advance(doc + 1);
        }

        @Override
        public int advance(int target) throws IOException {
          return doc = next(target);
        }

        @Override
        public long cost() {
          return TierScorer.this.slots[0].cost;
        }
      };
    }

    /** The first document at or after {@code target} that a leading leaf of every slot matches. */
    private int next(int target) throws IOException {
      if (exhausted) {
        return DocIdSetIterator.NO_MORE_DOCS;
      }
      int candidate = target;
      int agreed = 0;
      for (int j = 0; ; j = (j + 1) % slots.length) {
        int d = slots[j].next(candidate);
        if (d == DocIdSetIterator.NO_MORE_DOCS) {
          return d;
        }
        if (d == candidate) {
          agreed++;
        } else {
          candidate = d;
          agreed = 1;
        }
        if (agreed == slots.length) {
          return candidate;
        }
      }
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public DocIdSetIterator iterator() {
      return iterator;
    }

    @Override
    public float score() throws IOException {
      // as ConjunctionScorer and BlockMaxConjunctionScorer sum their clauses
      double sum = 0;
      for (SlotScorer s : planOrder) {
        sum += s.score(doc);
      }
      return (float) sum;
    }

    @Override
    public float getMaxScore(int upTo) {
      return (float) maxScore;
    }

    /**
     * Leaves of a slot that cannot lift a document to {@code minScore} — even with every other slot at its best —
     * stop leading: a document only they match is not competitive. When no leaf of some slot can, nothing can.
     */
    @Override
    public void setMinCompetitiveScore(float minScore) {
      double total = 0;
      for (SlotScorer s : slots) {
        total += s.bound[0];
      }
      for (SlotScorer s : slots) {
        double need = minScore - (total - s.bound[0]) * (1 + SLACK);
        int e = s.its.length;
        while (e > 0 && s.bound[e - 1] < need) {
          e--;
        }
        s.essential = e;
        if (e == 0) {
          exhausted = true;
        }
      }
    }
  }
}

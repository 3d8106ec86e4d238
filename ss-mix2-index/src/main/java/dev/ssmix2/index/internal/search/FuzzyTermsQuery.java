package dev.ssmix2.index.internal.search;

import com.google.common.base.Preconditions;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.SingleTermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MaxNonCompetitiveBoostAttribute;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;

/**
 * A {@link FuzzyQuery} that finds its terms by computing edit distances while it walks the term dictionary, instead of
 * building Levenshtein automata first: building them (one per edit distance, turned into UTF-8 byte automata and
 * determinized) was a third of the CPU time of a fuzzy search at 1M patients, walking the terms with them 2 %
 * (benchmarks/README.md, "Fuzzy search at 1M, session 9").
 *
 * <p>It rewrites to exactly what the fuzzy query rewrites to. It keeps the fuzzy query's fixed prefix and hands the
 * fuzzy query's own rewrite method (its 50 nearest terms) every term within the edit distance, in term order, with the
 * boost the fuzzy query gives it ({@code 1 - edits / min(term length, query length)} in code points, 1 for the term
 * itself) and its term state; the rewrite method keeps the same 50 and builds the same query from them. The distance
 * is Levenshtein's, with a swap of two adjacent characters as one edit when the fuzzy query allows transpositions (the
 * restricted form its automata accept). {@code FuzzyTermsQueryTest} compares the rewrites of both on generated terms.
 *
 * <p>The walk keeps one row of the distance table per code point of the current term after the prefix and reuses the
 * rows of the characters it shares with the previous term (terms come sorted). When no entry of a row is within the
 * edit distance, no term beginning with those characters can be: the walk steps over the next few such terms and seeks
 * past the rest when there are more (a seek costs as much as stepping over a dozen terms, and in a field of family
 * names most such runs are one or two terms long). It also stops accepting an edit distance whose terms can no longer
 * enter the 50 kept, as the fuzzy query's terms enum does.
 */
final class FuzzyTermsQuery extends MultiTermQuery {
  private final FuzzyQuery fuzzy;

  FuzzyTermsQuery(FuzzyQuery fuzzy) {
    super(Preconditions.checkNotNull(fuzzy, "fuzzy query must not be null").getField(), fuzzy.getRewriteMethod());
    this.fuzzy = fuzzy;
  }

  @Override
  protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
    if (fuzzy.getMaxEdits() == 0) {
      return new SingleTermsEnum(terms.iterator(), fuzzy.getTerm().bytes());
    }
    return new DistanceTermsEnum(terms.iterator(), atts, fuzzy);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(field)) {
      visitor.visitLeaf(this);
    }
  }

  @Override
  public String toString(String field) {
    return fuzzy.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && fuzzy.equals(((FuzzyTermsQuery) other).fuzzy);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + fuzzy.hashCode();
  }

  /** The terms within the edit distance of the query term, each with the fuzzy query's boost. */
  private static final class DistanceTermsEnum extends FilteredTermsEnum {
    /** Terms beginning hopelessly stepped over before the walk seeks past the rest of them. */
    private static final int STEP_OVER = 8;
    private final BoostAttribute boost;
    private final MaxNonCompetitiveBoostAttribute competitive;
    /** The fixed prefix, in UTF-8. */
    private final byte[] prefix;
    private final int prefixCodePoints;
    /** The query's code points after the prefix. */
    private final int[] query;
    /** Code points of the whole query term. */
    private final int queryLength;
    private final boolean transpositions;
    /** The fuzzy query's edit distance: entries of {@link #rows} further from the diagonal are not computed. */
    private final int band;
    /** The largest edit distance still accepted: the fuzzy query's, lowered once the kept terms are all nearer. */
    private int maxEdits;
    /** {@code rows[i][j]}: the distance between the first {@code i} code points of {@link #term} and query[0, j). */
    private final int[][] rows;
    /** Code points after the prefix of the terms whose rows are filled. */
    private final int[] term;
    /** Rows {@code 0..filled} hold the distances of {@code term[0, filled)}. */
    private int filled;
    private BytesRef seekTo;
    /** The beginning no further term can start with to be near enough (null when the last term was not refused so). */
    private byte[] hopeless;
    /** Terms beginning with {@link #hopeless} stepped over so far. */
    private int steppedOver;

    DistanceTermsEnum(TermsEnum terms, AttributeSource atts, FuzzyQuery fuzzy) {
      super(terms, true);
      this.boost = attributes().addAttribute(BoostAttribute.class);
      this.competitive = atts.addAttribute(MaxNonCompetitiveBoostAttribute.class);
      int[] all = fuzzy.getTerm().text().codePoints().toArray();
      this.queryLength = all.length;
      this.prefixCodePoints = Math.min(fuzzy.getPrefixLength(), all.length);
      BytesRef fixed = new BytesRef(new String(all, 0, prefixCodePoints));
      this.prefix = Arrays.copyOfRange(fixed.bytes, fixed.offset, fixed.offset + fixed.length);
      this.query = Arrays.copyOfRange(all, prefixCodePoints, all.length);
      this.transpositions = fuzzy.getTranspositions();
      this.maxEdits = fuzzy.getMaxEdits();
      this.band = maxEdits;
      // a term more than maxEdits code points longer than the query is too far: its rows are never needed
      this.rows = new int[query.length + maxEdits + 2][query.length + 1];
      this.term = new int[query.length + maxEdits + 1];
      for (int j = 0; j <= query.length; j++) {
        rows[0][j] = j;
      }
      setInitialSeekTerm(new BytesRef(prefix));
    }

    @Override
    protected BytesRef nextSeekTerm(BytesRef current) throws IOException {
      BytesRef initial = super.nextSeekTerm(current);
      if (initial != null) {
        return initial;
      }
      BytesRef t = seekTo;
      seekTo = null;
      return t;
    }

    @Override
    protected AcceptStatus accept(BytesRef t) {
      if (!startsWith(t, prefix, prefix.length)) {
        return AcceptStatus.END;
      }
      if (hopeless != null) {
        if (startsWith(t, hopeless, hopeless.length)) {
          return ++steppedOver < STEP_OVER ? AcceptStatus.NO : seekPast(hopeless, hopeless.length);
        }
        hopeless = null;
      }
      lowerMaxEdits(t);
      byte[] b = t.bytes;
      int end = t.offset + t.length;
      int pos = t.offset + prefix.length;
      int i = 0;
      while (pos < end) {
        int lead = b[pos] & 0xff;
        int len;
        int cp;
        if (lead < 0x80) {
          len = 1;
          cp = lead;
        } else if (lead < 0xe0) {
          len = 2;
          cp = (lead & 0x1f) << 6 | (b[pos + 1] & 0x3f);
        } else if (lead < 0xf0) {
          len = 3;
          cp = (lead & 0x0f) << 12 | (b[pos + 1] & 0x3f) << 6 | (b[pos + 2] & 0x3f);
        } else {
          len = 4;
          cp = (lead & 0x07) << 18 | (b[pos + 1] & 0x3f) << 12 | (b[pos + 2] & 0x3f) << 6 | (b[pos + 3] & 0x3f);
        }
        if (i < filled && term[i] == cp) {
          i++;
          pos += len;
          continue;
        }
        filled = i;
        if (i == term.length) {
          return refuseFrom(t, pos); // every term beginning like this one is too long
        }
        term[i] = cp;
        if (fillRow(i + 1) > maxEdits) {
          filled = i + 1;
          return refuseFrom(t, pos + len);
        }
        filled = i + 1;
        i++;
        pos += len;
      }
      int edits = Math.abs(i - query.length) > band ? band + 1 : rows[i][query.length];
      if (edits > maxEdits) {
        return AcceptStatus.NO;
      }
      // as FuzzyTermsEnum: 1 for the term itself, else 1 - edits / min(term length, query length) in float
      boost.setBoost(edits == 0 ? 1f : 1f - (float) edits / (float) Math.min(prefixCodePoints + i, queryLength));
      return AcceptStatus.YES;
    }

    /**
     * Fills row {@code r} for {@code term[r - 1]} and answers its smallest entry: when that is beyond the edit
     * distance, so is every longer term beginning with {@code term[0, r)} (a swap reaches row r + 1 from row r - 1
     * at one more than the substitution that bounds row r). Only the entries within {@link #band} of the diagonal are
     * computed (the others are more than that many edits away); an entry is exact when it is within the band's edits,
     * else it is only known to be beyond them, and the entries just outside the band say so.
     */
    private int fillRow(int r) {
      int[] prev = rows[r - 1];
      int[] row = rows[r];
      int c = term[r - 1];
      int from = Math.max(1, r - band);
      int to = Math.min(query.length, r + band);
      row[0] = r;
      if (from > 1) {
        row[from - 1] = band + 1;
      }
      if (to < query.length) {
        row[to + 1] = band + 1;
      }
      int min = r;
      for (int j = from; j <= to; j++) {
        int d = Math.min(Math.min(prev[j] + 1, row[j - 1] + 1), prev[j - 1] + (c == query[j - 1] ? 0 : 1));
        if (transpositions && r >= 2 && j >= 2 && c == query[j - 2] && term[r - 2] == query[j - 1]) {
          d = Math.min(d, rows[r - 2][j - 2] + 1);
        }
        row[j] = d;
        min = Math.min(min, d);
      }
      return min;
    }

    /** Whether {@code t} begins with {@code bytes[0, length)}. */
    private static boolean startsWith(BytesRef t, byte[] bytes, int length) {
      if (t.length < length) {
        return false;
      }
      byte[] b = t.bytes;
      int o = t.offset;
      for (int i = 0; i < length; i++) {
        if (b[o + i] != bytes[i]) {
          return false;
        }
      }
      return true;
    }

    /** Refuses {@code t} and every further term that begins with its bytes before {@code upTo}. */
    private AcceptStatus refuseFrom(BytesRef t, int upTo) {
      hopeless = Arrays.copyOfRange(t.bytes, t.offset, upTo);
      steppedOver = 0;
      return AcceptStatus.NO;
    }

    /** Seeks past every term that begins with {@code bytes[0, length)}. */
    private AcceptStatus seekPast(byte[] bytes, int length) {
      byte[] next = Arrays.copyOf(bytes, length);
      int last = next.length - 1;
      while (last >= 0 && next[last] == (byte) 0xff) {
        last--; // never in UTF-8, kept for completeness
      }
      hopeless = null;
      if (last < 0) {
        return AcceptStatus.END;
      }
      next[last]++;
      seekTo = new BytesRef(next, 0, last + 1);
      return AcceptStatus.NO_AND_SEEK;
    }

    /**
     * Lowers the accepted edit distance once the rewrite keeps 50 terms all nearer than it allows, as FuzzyTermsEnum
     * does: a term at {@code maxEdits} scores at most {@code 1 - maxEdits / query length}, and at that score it only
     * enters when it sorts before the weakest kept term.
     */
    private void lowerMaxEdits(BytesRef t) {
      float bottom = competitive.getMaxNonCompetitiveBoost();
      BytesRef bottomTerm = competitive.getCompetitiveTerm();
      boolean after = bottomTerm == null || t.compareTo(bottomTerm) >= 0;
      while (maxEdits > 0) {
        float best = 1f - (float) maxEdits / (float) queryLength;
        if (bottom < best || (bottom == best && !after)) {
          break;
        }
        maxEdits--;
      }
    }
  }
}

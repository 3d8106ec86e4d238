package dev.ssmix2.index.internal.search;

import com.google.common.base.Preconditions;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Writes a plan's Lucene query in the XML query syntax of Lucene's {@code CoreParser}, which Solr parses with its
 * {@code xmlparser} (<code>{!xmlparser}</code>) back into the same query objects: term, boolean (with filter clauses),
 * boost, constant score, disjunction-max with its tie breaker, and int point ranges. So the engine runs the planner's
 * query itself, not an imitation of it, and every score (constant tiers times boosts, summed and maxed by Lucene) is
 * computed the same way as in the embedded index. A name alternative the planner gives as a {@code TierQuery} is
 * written as the Lucene query it scores like ({@code TierQuery.standard()}).
 *
 * <p>The one exception is a fuzzy clause (only tried when nothing else matched): the XML syntax has no fuzzy element,
 * so it is written as the classic query syntax {@code term~n} (edit distance {@code n}, no fixed prefix) required
 * together with a prefix query for the planner's fixed first character. Since two strings that begin with the same
 * character are as far apart as the rest of them, this matches the same terms as the planner's fuzzy query with a
 * one-character prefix, unless more than 50 terms are within reach, where each engine keeps its 50 nearest.
 */
public final class XmlQueries {
  private XmlQueries() {}

  /** The XML form of {@code query}; throws IllegalArgumentException for a query type the planner never makes. */
  public static String xml(Query query) {
    Preconditions.checkNotNull(query, "query must not be null");
    StringBuilder out = new StringBuilder(256);
    write(query, 1f, out);
    return out.toString();
  }

  private static void write(Query q, float boost, StringBuilder out) {
    if (q instanceof BoostQuery b) {
      if (boost != 1f || b.getQuery() instanceof BoostQuery) {
        // a boost of a boost: a one-clause boolean carries the outer one (it rewrites to its clause)
        out.append("<BooleanQuery").append(boostAttr(boost)).append("><Clause occurs=\"must\">");
        write(b.getQuery(), b.getBoost(), out);
        out.append("</Clause></BooleanQuery>");
      } else {
        write(b.getQuery(), b.getBoost(), out);
      }
    } else if (q instanceof TierQuery t) {
      // the planner's pruning form of a name alternative: the engine gets the Lucene query it scores like
      write(t.standard(), boost, out);
    } else if (q instanceof TermQuery t) {
      out.append("<TermQuery fieldName=\"").append(attr(t.getTerm().field())).append('"').append(boostAttr(boost))
          .append('>').append(text(t.getTerm().text())).append("</TermQuery>");
    } else if (q instanceof ConstantScoreQuery c) {
      out.append("<ConstantScoreQuery").append(boostAttr(boost)).append('>');
      write(c.getQuery(), 1f, out);
      out.append("</ConstantScoreQuery>");
    } else if (q instanceof DisjunctionMaxQuery d) {
      out.append("<DisjunctionMaxQuery tieBreaker=\"").append(d.getTieBreakerMultiplier()).append('"')
          .append(boostAttr(boost)).append('>');
      for (Query disjunct : d.getDisjuncts()) {
        write(disjunct, 1f, out);
      }
      out.append("</DisjunctionMaxQuery>");
    } else if (q instanceof BooleanQuery b) {
      Preconditions.checkArgument(b.getMinimumNumberShouldMatch() == 0,
          "boolean queries with a minimum number of should clauses are not planned, got %s", b);
      out.append("<BooleanQuery").append(boostAttr(boost)).append('>');
      for (BooleanClause c : b.clauses()) {
        out.append("<Clause occurs=\"").append(occur(c.getOccur())).append("\">");
        write(c.getQuery(), 1f, out);
        out.append("</Clause>");
      }
      out.append("</BooleanQuery>");
    } else if (q instanceof PointRangeQuery p) {
      Preconditions.checkArgument(p.getNumDims() == 1 && p.getBytesPerDim() == Integer.BYTES,
          "only one-dimensional int ranges are planned, got %s", p);
      out.append("<PointRangeQuery fieldName=\"").append(attr(p.getField())).append("\" type=\"int\" lowerTerm=\"")
          .append(IntPoint.decodeDimension(p.getLowerPoint(), 0)).append("\" upperTerm=\"")
          .append(IntPoint.decodeDimension(p.getUpperPoint(), 0)).append('"').append(boostAttr(boost)).append("/>");
    } else if (q instanceof FuzzyQuery f) {
      fuzzy(f, boost, out);
    } else {
      throw new IllegalArgumentException("the planner makes no " + q.getClass().getSimpleName() + ": " + q);
    }
  }

  private static void fuzzy(FuzzyQuery f, float boost, StringBuilder out) {
    String field = attr(f.getTerm().field());
    String text = f.getTerm().text();
    Preconditions.checkArgument(f.getPrefixLength() <= 1 && !text.isEmpty(),
        "only fuzzy queries with a prefix of at most one character are planned, got %s", f);
    out.append("<BooleanQuery").append(boostAttr(boost)).append("><Clause occurs=\"must\"><UserQuery fieldName=\"")
        .append(field).append("\">").append(text(classic(text) + "~" + f.getMaxEdits())).append("</UserQuery></Clause>");
    if (f.getPrefixLength() == 1) {
      String first = new String(Character.toChars(text.codePointAt(0)));
      out.append("<Clause occurs=\"filter\"><UserQuery fieldName=\"").append(field).append("\">")
          .append(text(classic(first) + "*")).append("</UserQuery></Clause>");
    }
    out.append("</BooleanQuery>");
  }

  private static String occur(BooleanClause.Occur o) {
    return switch (o) {
      case MUST -> "must";
      case SHOULD -> "should";
      case FILTER -> "filter";
      case MUST_NOT -> "mustNot";
    };
  }

  private static String boostAttr(float boost) {
    return boost == 1f ? "" : " boost=\"" + boost + "\"";
  }

  /** The classic query syntax's escapes: its operators and white space. */
  static String classic(String s) {
    StringBuilder out = new StringBuilder(s.length() + 4);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\+-!():^[]\"{}~*?|&/".indexOf(c) >= 0 || Character.isWhitespace(c)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String text(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          // XML 1.0 has no form for most control characters; keys never hold them, and a key that did is unsearchable
          Preconditions.checkArgument(c >= 0x20 || c == '\t' || c == '\n' || c == '\r',
              "a query key holds the control character U+%04X, which XML cannot carry", (int) c);
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  private static String attr(String s) {
    return text(s);
  }
}

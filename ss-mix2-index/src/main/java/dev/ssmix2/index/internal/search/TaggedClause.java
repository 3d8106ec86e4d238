package dev.ssmix2.index.internal.search;

import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;

/**
 * One leaf of a plan: a matching query, the tier it stands for, and which typed name token it tries to match
 * ({@link #NOT_A_NAME} for ID and birth-date clauses), so each hit can say how every token matched.
 */
record TaggedClause(Query match, Tier tier, int token) {
  static final int NOT_A_NAME = -1;

  TaggedClause(Query match, Tier tier) {
    this(match, tier, NOT_A_NAME);
  }

  /** The scoring form: constant score times the tier boost. */
  Query scored() {
    return new BoostQuery(new ConstantScoreQuery(match), tier.boost);
  }
}

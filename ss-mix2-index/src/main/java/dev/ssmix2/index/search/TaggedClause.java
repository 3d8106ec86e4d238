package dev.ssmix2.index.search;

import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;

/** One leaf of a plan: a matching query, and the tier it stands for. */
record TaggedClause(Query match, Tier tier) {

  /** The scoring form: constant score times the tier boost. */
  Query scored() {
    return new BoostQuery(new ConstantScoreQuery(match), tier.boost);
  }
}

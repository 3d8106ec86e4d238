package dev.ssmix2.index.internal.search;

import com.google.common.base.Preconditions;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * A searcher for one search over another searcher's reader: the weight of each matching clause — for a term, its
 * lookup in the terms dictionary — is built once and then shared by every name alternative of the plan that holds the
 * clause (a two-token plan puts a term in up to four of them) and by the tagging of the hits, which asks each clause
 * again which hits it matches. Only weights asked for without scores and without a boost are shared: that is how
 * {@link TierQuery} asks for its leaves and how the tagging asks for its clauses, and such a weight only tells which
 * documents match, so sharing it changes no result.
 *
 * <p>The similarity, query cache and caching policy are the given searcher's. Not thread-safe: one per search.
 */
final class OneSearch extends IndexSearcher {
  private final Map<Query, Weight> matchWeights = new HashMap<>();

  OneSearch(IndexSearcher searcher) {
    super(Preconditions.checkNotNull(searcher, "searcher must not be null").getTopReaderContext());
    setSimilarity(searcher.getSimilarity());
    setQueryCache(searcher.getQueryCache());
    setQueryCachingPolicy(searcher.getQueryCachingPolicy());
  }

  @Override
  public Weight createWeight(Query query, ScoreMode scoreMode, float boost) throws IOException {
    if (scoreMode != ScoreMode.COMPLETE_NO_SCORES || boost != 1f) {
      return super.createWeight(query, scoreMode, boost);
    }
    Weight weight = matchWeights.get(query);
    if (weight == null) {
      weight = super.createWeight(query, scoreMode, boost);
      matchWeights.put(query, weight);
    }
    return weight;
  }

  /** How many distinct clauses got a weight so far (for tests). */
  int sharedWeights() {
    return matchWeights.size();
  }
}

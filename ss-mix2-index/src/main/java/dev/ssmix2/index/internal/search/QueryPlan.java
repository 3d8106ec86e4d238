package dev.ssmix2.index.internal.search;

import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.Query;

/**
 * What the planner made of a query: the Lucene query to run (empty when nothing searchable was typed, e.g. only
 * "M"), every tagged leaf (to tell each hit which tiers it matched), and whether fuzzy clauses are in it.
 */
record QueryPlan(Optional<Query> query, List<TaggedClause> clauses, boolean hasNames, boolean fuzzy) {
  QueryPlan {
    clauses = List.copyOf(clauses);
  }

  static QueryPlan nothing() {
    return new QueryPlan(Optional.empty(), List.of(), false, false);
  }
}

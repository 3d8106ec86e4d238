package dev.ssmix2.index.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.index.store.TopLevelEntries.Entry;
import dev.ssmix2.index.store.TransactionFeed.TypeFolder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one update will do, decided before anything is read or written ({@link Planner}): which patients are known
 * to be unchanged, which are walked whole, which only have some data-type folders listed again, and what the commit
 * will remember. Immutable; the execution step follows it and the report tells it.
 *
 * @param sources the roots read, each under its facility
 * @param basis how changes are found
 * @param settled patients known unchanged: neither walked nor re-read, counted and reported from the last commit
 * @param walkAll walk the whole storage (settled patients met on the way are passed over)
 * @param walk when not {@code walkAll}: the patients walked whole (new ones, changed ones, ones the feed names but
 *     the index does not know)
 * @param refresh patients of whom only the named data-type folders are listed again (from the transaction feed)
 * @param outside entries outside patient folders reported by the last run and reported again without listing
 * @param notes report lines: why the basis is what it is (a fallback is never silent)
 * @param feedPosition the transaction-log position the commit records (the log's end when the run started, or where
 *     the reading of the log stopped)
 */
record UpdatePlan(
    List<UpdateSource> sources,
    IndexReport.Basis basis,
    List<Settled> settled,
    boolean walkAll,
    Set<String> walk,
    Map<String, Set<TypeFolder>> refresh,
    List<Entry> outside,
    List<String> notes,
    Optional<TransactionFeed.Position> feedPosition) {

  UpdatePlan {
    checkNotNull(basis, "basis must not be null");
    sources = List.copyOf(sources);
    settled = List.copyOf(settled);
    walk = Set.copyOf(walk);
    refresh = Map.copyOf(refresh);
    outside = List.copyOf(outside);
    notes = List.copyOf(notes);
    checkNotNull(feedPosition, "feedPosition must not be null; use Optional.empty()");
    checkArgument(!walkAll || walk.isEmpty(), "a plan that walks everything names no patients to walk");
  }

  /**
   * A patient the plan knows to be unchanged.
   *
   * @param patient the patient ID
   * @param files its placed files (and content folders)
   * @param problems the entries inside its folders that could not be placed, as the last walk found them
   */
  record Settled(String patient, long files, List<RecordProblem> problems) {
    Settled {
      problems = List.copyOf(problems);
    }
  }

  boolean rebuild() {
    return basis == IndexReport.Basis.REBUILD;
  }
}

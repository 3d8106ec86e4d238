package dev.ssmix2.index.store;

import dev.ssmix2.index.store.IndexReport.Basis;
import dev.ssmix2.index.store.TopLevel.Place;
import dev.ssmix2.index.store.TopLevelEntries.Entry;
import dev.ssmix2.index.store.TransactionFeed.Changes;
import dev.ssmix2.index.store.TransactionFeed.TypeFolder;
import dev.ssmix2.index.store.UpdatePlan.Settled;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The planning step of an update: from what the last commit recorded and what was observed of the storage without
 * reading a file (folder times, the listing above the patient folders, the transaction log), the {@link UpdatePlan}.
 * Pure: no I/O, no index access, the same facts give the same plan.
 */
final class Planner {
  private Planner() {}

  /** More patients to walk again than this (or than half the index), and one full walk is cheaper than a filter. */
  static final int MAX_FILTERED = 50_000;

  /**
   * What the last commit's folder manifest of one patient says, and whether its folders still look the same.
   *
   * @param unchanged every folder time (and file stamp, as asked) as recorded; always true when the transaction
   *     feed, not the folder probe, tells what changed
   * @param files placed files recorded
   * @param problems unplaced entries recorded inside its folders
   * @param home whether all its folders are where its ID belongs (a filtered walk reaches no other)
   * @param places its patient folders, per root
   */
  record ProbedPatient(String patient, boolean unchanged, long files, List<RecordProblem> problems, boolean home,
      List<Place> places) {
    ProbedPatient {
      problems = List.copyOf(problems);
      places = List.copyOf(places);
    }
  }

  /** Build everything anew: first run, or an index of another schema or name-table version. */
  static UpdatePlan rebuild(List<UpdateSource> sources, Optional<TransactionFeed.Position> feedPosition, List<String> notes) {
    return new UpdatePlan(sources, Basis.REBUILD, List.of(), true, Set.of(), Map.of(), List.of(), notes,
        feedPosition);
  }

  /** Walk the whole storage; nothing is known to be unchanged. */
  static UpdatePlan walkAll(List<UpdateSource> sources, Optional<TransactionFeed.Position> feedPosition, List<String> notes) {
    return new UpdatePlan(sources, Basis.FULL_WALK, List.of(), true, Set.of(), Map.of(), List.of(), notes,
        feedPosition);
  }

  /**
   * The plan of a folder probe: patients whose folders look as recorded are settled, the others and every new
   * patient folder at home are walked; a full walk instead when only one can tell (a folder of a known patient outside
   * its home prefix folders, an entry above the patient folders the last run did not report, too many to filter).
   *
   * @param probed every patient with a readable manifest
   * @param top the listing above the patient folders, empty when a folder there could not be listed
   * @param knownTop the entries above the patient folders the last run reported, empty when it kept none
   */
  static UpdatePlan fromProbe(List<UpdateSource> sources, List<ProbedPatient> probed, Optional<TopLevel> top,
      Optional<List<Entry>> knownTop, Optional<TransactionFeed.Position> feedPosition, List<String> notes) {
    if (knownTop.isEmpty() || top.isEmpty()) {
      return walkAll(sources, feedPosition, with(notes, "the folders above the patient folders could not be "
          + "compared with the last run: the whole storage is walked"));
    }
    Set<Place> claimed = new HashSet<>();
    probed.forEach(p -> claimed.addAll(p.places()));
    if (claimed.isEmpty()) {
      return walkAll(sources, feedPosition, notes); // an index without manifests: one full walk writes them
    }
    Map<String, ProbedPatient> settled = new TreeMap<>();
    Set<String> again = new TreeSet<>();
    boolean walkedHome = true;
    for (ProbedPatient p : probed) {
      if (p.unchanged()) {
        settled.put(p.patient(), p);
      } else {
        again.add(p.patient());
        walkedHome &= p.home();
      }
    }
    Set<Place> odd = new HashSet<>(top.get().odd());
    boolean elsewhere = false;
    for (Place p : top.get().names()) {
      if (!claimed.contains(p)) {
        String name = p.path().substring(p.path().lastIndexOf('/') + 1);
        if (Updater.isHome(p.path())) {
          again.add(name);
        } else {
          odd.add(p);
          // a folder of a settled patient outside its home prefix folders: only a full walk merges the two
          elsewhere |= settled.remove(name) != null;
        }
      }
    }
    // a patient with a new folder in another root is walked whole, not settled from its old part
    for (String pid : again) {
      ProbedPatient s = settled.remove(pid);
      elsewhere |= s != null && !s.home();
    }
    List<Settled> kept = settled.values().stream().map(Planner::settle).toList();
    Map<Place, Entry> known = new HashMap<>();
    knownTop.get().forEach(e -> known.put(new Place(e.root(), e.path()), e));
    if (elsewhere || !walkedHome) {
      // a walk filtered by patient ID only visits the folders that ID belongs in
      return new UpdatePlan(sources, Basis.FULL_WALK, kept, true, Set.of(), Map.of(), List.of(),
          with(notes, "a patient folder outside its home prefix folders changed: the whole storage is walked"),
          feedPosition);
    }
    if (!known.keySet().containsAll(odd)) {
      return new UpdatePlan(sources, Basis.FULL_WALK, kept, true, Set.of(), Map.of(), List.of(), notes,
          feedPosition);
    }
    if (again.size() > MAX_FILTERED || again.size() > kept.size()) {
      return new UpdatePlan(sources, Basis.FULL_WALK, kept, true, Set.of(), Map.of(), List.of(), notes,
          feedPosition);
    }
    List<Entry> outside = odd.stream().map(known::get)
        .sorted(Comparator.comparingInt(Entry::root).thenComparing(Entry::path)).toList();
    return new UpdatePlan(sources, Basis.FOLDER_PROBE, kept, false, again, Map.of(), outside, notes, feedPosition);
  }

  /**
   * The plan of a transaction-driven update: the patients the log names are refreshed (only the named data-type
   * folders are listed) or, when the index does not know them, walked; every other known patient is settled without a
   * single {@code stat}.
   *
   * @param known every patient with a readable manifest ({@code unchanged} is not looked at)
   * @param unknown patients in the index whose manifest could not be read: walked whole
   * @param knownTop the entries above the patient folders the last run reported, reported again
   */
  static UpdatePlan fromFeed(List<UpdateSource> sources, List<ProbedPatient> known, Set<String> unknown,
      Changes changes, List<Entry> knownTop, List<String> notes) {
    Map<String, ProbedPatient> byId = new LinkedHashMap<>();
    known.forEach(p -> byId.put(p.patient(), p));
    List<Settled> settled = new ArrayList<>();
    Map<String, Set<TypeFolder>> refresh = new HashMap<>();
    Set<String> walk = new TreeSet<>(unknown);
    boolean elsewhere = false;
    for (ProbedPatient p : byId.values()) {
      Set<TypeFolder> folders = changes.changes().get(p.patient());
      if (folders == null) {
        settled.add(settle(p));
      } else if (p.home()) {
        refresh.put(p.patient(), folders);
      } else {
        elsewhere = true; // a folder outside its home prefix folders: only a full walk reaches it
      }
    }
    for (String pid : changes.changes().keySet()) {
      if (!byId.containsKey(pid)) {
        walk.add(pid);
      }
    }
    settled.sort(Comparator.comparing(Settled::patient));
    List<String> said = with(notes, "changes read from the transaction storage: " + changes.entries() + " entries, "
        + changes.changes().size() + " patients");
    if (elsewhere) {
      return new UpdatePlan(sources, Basis.FULL_WALK, settled, true, Set.of(), Map.of(), List.of(),
          with(said, "a patient the transaction storage names has a folder outside its home prefix folders: the "
              + "whole storage is walked"), Optional.of(changes.end()));
    }
    return new UpdatePlan(sources, Basis.TRANSACTIONS, settled, false, walk, refresh, knownTop, said,
        Optional.of(changes.end()));
  }

  private static Settled settle(ProbedPatient p) {
    return new Settled(p.patient(), p.files(), p.problems());
  }

  static List<String> with(List<String> notes, String note) {
    List<String> out = new ArrayList<>(notes);
    out.add(note);
    return out;
  }
}

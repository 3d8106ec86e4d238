package dev.ssmix2.index.store;

import java.time.Duration;
import java.util.List;

/**
 * What an update did.
 *
 * @param filesSeen placed storage files walked
 * @param filesIndexed files read and parsed in this run (new, changed or renamed)
 * @param filesUnchanged files whose earlier reading was reused
 * @param filesRemoved files that were in the index but are gone from the storage
 * @param skipped every file and entry of the storage that could not be used, with reasons, sorted by root and path:
 *     unreadable files of unchanged patients are listed from the index, so the list is the same on every run over
 *     the same storage (capped at {@link #MAX_LISTED}; see {@code skippedCount})
 * @param skippedCount how many were skipped in total
 * @param patients patients in the index after the update
 * @param patientsUpdated patients whose documents were re-derived
 * @param patientsRemoved patients that disappeared from the storage
 * @param patientsWalked patient folders listed in this run: new ones and those whose folder times or file stamps
 *     changed; every one when the run had to walk the whole storage (first run, other roots, something new beside
 *     the patient folders)
 * @param rebuilt whether the whole index was rebuilt (first run, or schema / NameKeys table version changed)
 * @param elapsed wall time
 */
public record IndexReport(
    long filesSeen,
    long filesIndexed,
    long filesUnchanged,
    long filesRemoved,
    List<RecordProblem> skipped,
    long skippedCount,
    long patients,
    long patientsUpdated,
    long patientsRemoved,
    long patientsWalked,
    boolean rebuilt,
    Duration elapsed) {

  /** The most skipped entries a report lists by name. */
  public static final int MAX_LISTED = 10_000;

  public IndexReport {
    skipped = List.copyOf(skipped);
  }
}

package dev.ssmix2.index.store;

import com.google.common.base.Preconditions;
import java.time.Duration;
import java.util.List;

/**
 * What an update did. Built once, at the end of the run.
 *
 * @param filesSeen placed storage files the index holds after the update (walked, or known unchanged)
 * @param filesIndexed files read and parsed in this run (new, changed or renamed)
 * @param filesUnchanged files whose earlier reading was reused
 * @param filesRemoved files that were in the index but are gone from the storage
 * @param skipped every file and entry of the storage that could not be used, with reasons, sorted by root and path:
 *     unreadable files of unchanged patients are listed from the index, so the list is the same on every run over
 *     the same storage (capped at {@link #MAX_LISTED}; see {@code skippedCount})
 * @param skippedCount how many were skipped in total
 * @param patients patients in the index after the update
 * @param patientsUpdated patients with a document written in this run: a record added, replaced or removed, or the
 *     patient document re-derived
 * @param patientsRemoved patients that disappeared from the storage
 * @param patientsWalked patient folders listed in this run: new ones and those whose folder times or file stamps
 *     changed (or, with {@link ChangeDetection#TRANSACTIONS}, those the transaction log names); every one when the
 *     run had to walk the whole storage (first run, other roots, something new beside the patient folders)
 * @param rebuilt whether the whole index was rebuilt (first run, or schema / NameKeys table version changed)
 * @param elapsed wall time
 * @param basis how the run found what changed
 * @param patientsRederived patients whose document (demographics and name keys) was derived anew: new patients, and
 *     those whose ADT-00 or PID source changed; a patient who only gained or lost records keeps its document
 * @param notes what the reader of the report should know about the run in words, e.g. why the transaction log could
 *     not be followed and the folder probe was used instead
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
    Duration elapsed,
    Basis basis,
    long patientsRederived,
    List<String> notes) {

  /** The most skipped entries a report lists by name. */
  public static final int MAX_LISTED = 10_000;

  /** How an update found what changed. */
  public enum Basis {
    /** Everything built anew (first run, or another schema or name-table version). */
    REBUILD,
    /** The whole storage walked, every file's stamp compared with the index. */
    FULL_WALK,
    /** Folder times (and file stamps) of every known patient checked; only changed and new patients walked. */
    FOLDER_PROBE,
    /** The transaction storage read since the last run; only the data-type folders it names listed. */
    TRANSACTIONS
  }

  public IndexReport {
    skipped = List.copyOf(skipped);
    Preconditions.checkNotNull(elapsed, "elapsed must not be null");
    Preconditions.checkNotNull(basis, "basis must not be null");
    notes = List.copyOf(notes);
  }
}

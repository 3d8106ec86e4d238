package dev.ssmix2.index.store;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.CareDate;
import dev.ssmix2.core.storage.DataType;
import dev.ssmix2.core.storage.FileTimestamp;
import dev.ssmix2.core.summary.ChartWindow;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a chart reads of a patient: the current records a {@link ChartWindow} chose, as {@link PatientStore#chartRecords}
 * gives them. The chart is the same as one built from the whole {@link PatientStore#records} list with
 * {@link ChartWindow#select}; the embedded index chooses from doc values and reads the stored fields of the chosen
 * records only (docs/index-design.md, "Chart window").
 *
 * @param read the current records the window chose, in its order (newest 診療日 and 発生日時 first)
 * @param newest the patient's current record with the newest 発生日時, read or not: it counts for "data as of"
 *     ({@code ClinicalSummary.Builder.seen}); empty when the patient has no current record
 * @param olderLabsBefore as {@link ChartWindow.Choice#olderLabsBefore()}
 * @param olderMedicationsBefore as {@link ChartWindow.Choice#olderMedicationsBefore()}
 * @param problems the patient's files that could not be read, as {@link PatientRecords#problems()}
 */
public record ChartRecords(List<RecordEntry> read, Optional<RecordEntry> newest, Optional<LocalDate> olderLabsBefore,
    Optional<LocalDate> olderMedicationsBefore, List<RecordProblem> problems) {

  public ChartRecords {
    read = List.copyOf(read);
    checkNotNull(newest, "newest must not be null; use Optional.empty()");
    checkNotNull(olderLabsBefore, "olderLabsBefore must not be null; use Optional.empty()");
    checkNotNull(olderMedicationsBefore, "olderMedicationsBefore must not be null; use Optional.empty()");
    problems = List.copyOf(problems);
  }

  /** The window's choice among a patient's listed current records (what an engine without the chart's doc values does). */
  public static ChartRecords choose(PatientRecords records, ChartWindow window, LocalDate asOf) {
    checkNotNull(records, "records must not be null");
    checkNotNull(window, "window must not be null");
    checkNotNull(asOf, "as-of date must not be null");
    List<Listed> listed = listed(records);
    ChartWindow.Choice<Listed> c = window.choose(listed, asOf);
    return new ChartRecords(c.read().stream().map(Listed::entry).toList(),
        ChartWindow.newest(listed).map(Listed::entry), c.olderLabsBefore(), c.olderMedicationsBefore(),
        records.problems());
  }

  /**
   * The page of older lab results among a patient's listed current records: {@link ChartWindow#labsBefore} over
   * them (what an engine without the chart's doc values does).
   */
  public static List<RecordEntry> labsBefore(PatientRecords records, ChartWindow window, LocalDate before) {
    checkNotNull(records, "records must not be null");
    checkNotNull(window, "window must not be null");
    return window.labEntriesBefore(listed(records), before).stream().map(Listed::entry).toList();
  }

  /**
   * The page of older prescriptions and injections among a patient's listed current records:
   * {@link ChartWindow#medicationsBefore} over them.
   */
  public static List<RecordEntry> medicationsBefore(PatientRecords records, ChartWindow window, LocalDate before,
      int limit) {
    checkNotNull(records, "records must not be null");
    checkNotNull(window, "window must not be null");
    return window.medicationEntriesBefore(listed(records), before, limit).stream().map(Listed::entry).toList();
  }

  /**
   * A patient's listed records as the window sees them. A record of an extended data type counts as a content folder
   * when its path is a folder now, as the viewer has always told them.
   */
  private static List<Listed> listed(PatientRecords records) {
    List<Listed> listed = new ArrayList<>(records.records().size());
    for (RecordEntry e : records.records()) {
      DataType type = DataType.of(e.dataType());
      listed.add(new Listed(e, type, ChartWindow.dayOf(CareDate.parse(e.date())),
          ChartWindow.timeOf(new FileTimestamp(e.timestamp())),
          !type.isStandard() && Files.isDirectory(e.path(), LinkOption.NOFOLLOW_LINKS)));
    }
    return listed;
  }

  private record Listed(RecordEntry entry, DataType dataType, int day, long time, boolean contentFolder)
      implements ChartWindow.Entry {
    @Override
    public String relativePath() {
      return entry.file();
    }
  }
}

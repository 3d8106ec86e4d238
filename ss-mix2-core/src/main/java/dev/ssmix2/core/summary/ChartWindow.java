package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.DataType;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.StorageFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a patient's current files a chart needs to read, chosen from their names alone (data type, 診療日,
 * 発生日時): a patient with ten years of daily labs has thousands of files, but a chart shows the allergies, the
 * problem list, what runs now and the recent results. Older results and orders are read on request, a page at a time
 * ({@link #labsBefore}, {@link #medicationsBefore}).
 *
 * <p>Always read: every undated file (ADT-00, ADT-61, PPR-01 …). Lab results (OML-11): the newest
 * {@link #labDates()} 診療日. Prescriptions and injections (OMP-01/02): every order whose 診療日 lies within
 * {@link #medicationDays()} of the as-of date, so that any order running on that date is seen unless it was ordered
 * longer ago than that, and at least the newest {@link #recentOrders()} order files however old (a patient last seen
 * years ago still shows their last prescriptions). Encounters: the newest {@link #encounters()}. Extended-storage
 * entries (content folders, where vital signs are sent): the newest {@link #extendedEntries()}. Other data types are
 * not part of the summary and are not read.
 *
 * <pre>{@code
 * ChartWindow.Selection s = ChartWindow.defaults().select(currentFiles, LocalDate.now());
 * ClinicalSummary.Builder b = ClinicalSummary.builder(id, LocalDate.now());
 * s.read().forEach(f -> b.add(RecordReader.read(f, VersionStatus.CURRENT)));
 * s.notRead().forEach(b::seen);
 * }</pre>
 *
 * @param labDates how many of the newest lab 診療日 to read
 * @param medicationDays how far back (in days of 診療日) orders are read to find the running ones
 * @param recentOrders how many of the newest order files are read whatever their age
 * @param encounters how many of the newest encounter files to read
 * @param extendedEntries how many of the newest extended-storage content folders (vital signs) to read
 */
public record ChartWindow(int labDates, int medicationDays, int recentOrders, int encounters, int extendedEntries) {

  private static final Set<DataType> MEDICATIONS = Set.of(StandardDataType.OMP_01, StandardDataType.OMP_02);
  private static final Comparator<StorageFile> NEWEST_FIRST = Comparator
      .comparing((StorageFile f) -> f.name().date())
      .thenComparing(f -> f.name().timestamp())
      .thenComparing(StorageFile::relativePath).reversed();

  public ChartWindow {
    checkArgument(labDates >= 1, "labDates is %s; expected at least 1", labDates);
    checkArgument(medicationDays >= 1, "medicationDays is %s; expected at least 1", medicationDays);
    checkArgument(recentOrders >= 0, "recentOrders is %s; expected 0 or more", recentOrders);
    checkArgument(encounters >= 1, "encounters is %s; expected at least 1", encounters);
    checkArgument(extendedEntries >= 0, "extendedEntries is %s; expected 0 or more", extendedEntries);
  }

  /**
   * 8 lab dates (what fits a tablet's width), 400 days of orders (longer than the 90-day and 365-day long-term
   * prescriptions) and at least the newest 30 order files, 50 encounters, 60 vital-sign entries.
   */
  public static ChartWindow defaults() {
    return new ChartWindow(8, 400, 30, 50, 60);
  }

  /**
   * What to read for the chart as of {@code asOf}.
   *
   * @param read the files to read, newest first
   * @param notRead the other files (they still count for "data as of")
   * @param olderLabsBefore when lab results older than the window exist: the oldest 診療日 read, to page back from
   * @param olderMedicationsBefore when orders older than the window exist: the day to page back from
   */
  public record Selection(List<StorageFile> read, List<StorageFile> notRead, Optional<LocalDate> olderLabsBefore,
      Optional<LocalDate> olderMedicationsBefore) {
    public Selection {
      read = List.copyOf(read);
      notRead = List.copyOf(notRead);
      checkNotNull(olderLabsBefore, "olderLabsBefore must not be null");
      checkNotNull(olderMedicationsBefore, "olderMedicationsBefore must not be null");
    }
  }

  public Selection select(Collection<StorageFile> current, LocalDate asOf) {
    checkNotNull(current, "files must not be null");
    checkNotNull(asOf, "as-of date must not be null");
    List<StorageFile> sorted = new ArrayList<>(current);
    sorted.sort(NEWEST_FIRST);
    LocalDate medicationsFrom = asOf.minusDays(medicationDays);
    Set<LocalDate> labDays = new TreeSet<>();
    Optional<LocalDate> olderLabs = Optional.empty();
    Optional<LocalDate> oldestOrder = Optional.empty();
    boolean olderMedications = false;
    int orders = 0;
    int visits = 0;
    int extended = 0;
    List<StorageFile> read = new ArrayList<>();
    List<StorageFile> notRead = new ArrayList<>();
    for (StorageFile f : sorted) {
      Optional<LocalDate> day = f.name().date().date();
      DataType type = f.dataType();
      boolean take;
      if (day.isEmpty()) {
        take = true;
      } else if (type == StandardDataType.OML_11) {
        take = labDays.size() < labDates || labDays.contains(day.get());
        if (take) {
          labDays.add(day.get());
        } else if (olderLabs.isEmpty()) {
          olderLabs = Optional.of(labDays.iterator().next());
        }
      } else if (MEDICATIONS.contains(type)) {
        // whole days only, so that a page can start before the oldest day read
        take = !day.get().isBefore(medicationsFrom) || orders < recentOrders || day.equals(oldestOrder);
        if (take) {
          orders++;
          oldestOrder = day;
        }
        olderMedications |= !take;
      } else if (isEncounter(type)) {
        take = visits++ < encounters;
      } else if (f.isContentFolder()) {
        take = extended++ < extendedEntries;
      } else {
        take = false;
      }
      (take ? read : notRead).add(f);
    }
    return new Selection(read, notRead, olderLabs,
        olderMedications ? oldestOrder.or(() -> Optional.of(asOf)) : Optional.empty());
  }

  /** The lab result files of the {@link #labDates()} 診療日 before {@code before} (exclusive), newest first. */
  public List<StorageFile> labsBefore(Collection<StorageFile> current, LocalDate before) {
    checkNotNull(before, "before must not be null");
    Set<LocalDate> days = new TreeSet<>();
    List<StorageFile> out = new ArrayList<>();
    for (StorageFile f : sortedOf(current)) {
      Optional<LocalDate> day = f.name().date().date();
      if (f.dataType() != StandardDataType.OML_11 || day.isEmpty() || !day.get().isBefore(before)) {
        continue;
      }
      if (days.size() < labDates || days.contains(day.get())) {
        days.add(day.get());
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The newest {@code limit} prescription and injection files with a 診療日 before {@code before}, plus the rest of
   * the last 診療日 taken, so that the next page can start before that day; newest first.
   */
  public List<StorageFile> medicationsBefore(Collection<StorageFile> current, LocalDate before, int limit) {
    checkNotNull(before, "before must not be null");
    checkArgument(limit >= 1, "limit is %s; expected at least 1", limit);
    List<StorageFile> out = new ArrayList<>();
    for (StorageFile f : sortedOf(current)) {
      Optional<LocalDate> day = f.name().date().date();
      if (!MEDICATIONS.contains(f.dataType()) || day.isEmpty() || !day.get().isBefore(before)) {
        continue;
      }
      if (out.size() >= limit && !out.get(out.size() - 1).name().date().date().equals(day)) {
        break;
      }
      out.add(f);
    }
    return out;
  }

  private static List<StorageFile> sortedOf(Collection<StorageFile> files) {
    checkNotNull(files, "files must not be null");
    List<StorageFile> sorted = new ArrayList<>(files);
    sorted.sort(NEWEST_FIRST);
    return sorted;
  }

  private static boolean isEncounter(DataType type) {
    return dev.ssmix2.core.record.EncounterRecord.Kind.of(type).isPresent();
  }
}

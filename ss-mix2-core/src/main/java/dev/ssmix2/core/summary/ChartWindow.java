package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.CareDate;
import dev.ssmix2.core.storage.DataType;
import dev.ssmix2.core.storage.FileTimestamp;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.StorageFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
 * ChartWindow.Choice<StorageFile> s = ChartWindow.defaults().select(currentFiles, LocalDate.now());
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
   * A file as the window sees it: what its name says (data type, 診療日, 発生日時), whether it is an extended-storage
   * content folder, and its path, which only breaks ties of 診療日 and 発生日時. An index that keeps these as doc values
   * lets the window choose among a patient's thousands of files without building a {@link StorageFile} for each.
   */
  public interface Entry {
    DataType dataType();

    /** 診療日 as the number {@code yyyyMMdd} ({@link #dayOf}), or {@link #UNDATED} for {@code -}. */
    int day();

    /** 発生日時 right-padded to 17 digits ({@link FileTimestamp#padded()}) as a number ({@link #timeOf}). */
    long time();

    boolean contentFolder();

    /** The path relative to the file's root; asked only when two entries have the same 診療日 and 発生日時. */
    String relativePath();
  }

  /** {@link Entry#day()} of an undated file ({@code -}): before every date, as {@link CareDate} sorts. */
  public static final int UNDATED = Integer.MIN_VALUE;

  /** The {@link Entry#day()} of a 診療日: {@code yyyyMMdd} as a number, ordered as the dates are. */
  public static int dayOf(CareDate date) {
    checkNotNull(date, "care date must not be null");
    return date.date().map(ChartWindow::dayOf).orElse(UNDATED);
  }

  /** {@code yyyyMMdd} as a number, ordered as the dates are. */
  public static int dayOf(LocalDate date) {
    checkNotNull(date, "date must not be null");
    return date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
  }

  /** The {@link Entry#time()} of a 発生日時: its 17 padded digits as a number, ordered as the timestamps are. */
  public static long timeOf(FileTimestamp time) {
    checkNotNull(time, "timestamp must not be null");
    return Long.parseLong(time.padded());
  }

  private static LocalDate dateOf(int day) {
    return LocalDate.of(Math.floorDiv(day, 10_000), Math.floorMod(day, 10_000) / 100, Math.floorMod(day, 100));
  }

  /**
   * What to read for the chart as of a day: files ({@link #select}) or entries of any kind ({@link #choose}).
   *
   * @param read the files or entries to read, newest first
   * @param notRead the others (they still count for "data as of"), newest first
   * @param olderLabsBefore when lab results older than the window exist: the oldest 診療日 read, to page back from
   * @param olderMedicationsBefore when orders older than the window exist: the day to page back from
   */
  public record Choice<T>(List<T> read, List<T> notRead, Optional<LocalDate> olderLabsBefore,
      Optional<LocalDate> olderMedicationsBefore) {
    public Choice {
      read = List.copyOf(read);
      notRead = List.copyOf(notRead);
      checkNotNull(olderLabsBefore, "olderLabsBefore must not be null");
      checkNotNull(olderMedicationsBefore, "olderMedicationsBefore must not be null");
    }
  }

  /** What to read of a patient's current files as of {@code asOf}. */
  public Choice<StorageFile> select(Collection<StorageFile> current, LocalDate asOf) {
    checkNotNull(current, "files must not be null");
    Choice<FileEntry> c = choose(entries(current), asOf);
    return new Choice<>(files(c.read()), files(c.notRead()), c.olderLabsBefore(), c.olderMedicationsBefore());
  }

  /** As {@link #select}, for entries of any kind: the same rule, the same order. */
  public <T extends Entry> Choice<T> choose(Collection<T> current, LocalDate asOf) {
    checkNotNull(current, "files must not be null");
    checkNotNull(asOf, "as-of date must not be null");
    List<T> sorted = sortedOf(current);
    int medicationsFrom = dayOf(asOf.minusDays(medicationDays));
    Set<Integer> labDays = new TreeSet<>();
    Optional<LocalDate> olderLabs = Optional.empty();
    int oldestOrder = UNDATED;
    boolean anyOrder = false;
    boolean olderMedications = false;
    int orders = 0;
    int visits = 0;
    int extended = 0;
    List<T> read = new ArrayList<>();
    List<T> notRead = new ArrayList<>();
    for (T f : sorted) {
      int day = f.day();
      DataType type = f.dataType();
      boolean take;
      if (day == UNDATED) {
        take = true;
      } else if (type == StandardDataType.OML_11) {
        take = labDays.size() < labDates || labDays.contains(day);
        if (take) {
          labDays.add(day);
        } else if (olderLabs.isEmpty()) {
          olderLabs = Optional.of(dateOf(labDays.iterator().next()));
        }
      } else if (MEDICATIONS.contains(type)) {
        // whole days only, so that a page can start before the oldest day read
        take = day >= medicationsFrom || orders < recentOrders || anyOrder && day == oldestOrder;
        if (take) {
          orders++;
          oldestOrder = day;
          anyOrder = true;
        }
        olderMedications |= !take;
      } else if (isEncounter(type)) {
        take = visits++ < encounters;
      } else if (f.contentFolder()) {
        take = extended++ < extendedEntries;
      } else {
        take = false;
      }
      (take ? read : notRead).add(f);
    }
    Optional<LocalDate> oldest = anyOrder ? Optional.of(dateOf(oldestOrder)) : Optional.empty();
    return new Choice<>(read, notRead, olderLabs,
        olderMedications ? oldest.or(() -> Optional.of(asOf)) : Optional.empty());
  }

  /** The lab result files of the {@link #labDates()} 診療日 before {@code before} (exclusive), newest first. */
  public List<StorageFile> labsBefore(Collection<StorageFile> current, LocalDate before) {
    checkNotNull(current, "files must not be null");
    return files(labEntriesBefore(entries(current), before));
  }

  /** As {@link #labsBefore}, for entries of any kind. */
  public <T extends Entry> List<T> labEntriesBefore(Collection<T> current, LocalDate before) {
    checkNotNull(before, "before must not be null");
    int limit = dayOf(before);
    Set<Integer> days = new TreeSet<>();
    List<T> out = new ArrayList<>();
    for (T f : sortedOf(current)) {
      int day = f.day();
      if (f.dataType() != StandardDataType.OML_11 || day == UNDATED || day >= limit) {
        continue;
      }
      if (days.size() < labDates || days.contains(day)) {
        days.add(day);
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
    checkNotNull(current, "files must not be null");
    return files(medicationEntriesBefore(entries(current), before, limit));
  }

  /** As {@link #medicationsBefore}, for entries of any kind. */
  public <T extends Entry> List<T> medicationEntriesBefore(Collection<T> current, LocalDate before, int limit) {
    checkNotNull(before, "before must not be null");
    checkArgument(limit >= 1, "limit is %s; expected at least 1", limit);
    int until = dayOf(before);
    List<T> out = new ArrayList<>();
    for (T f : sortedOf(current)) {
      int day = f.day();
      if (!MEDICATIONS.contains(f.dataType()) || day == UNDATED || day >= until) {
        continue;
      }
      if (out.size() >= limit && out.get(out.size() - 1).day() != day) {
        break;
      }
      out.add(f);
    }
    return out;
  }

  /** A storage file as an {@link Entry}: its name's facts. */
  private record FileEntry(StorageFile file, int day, long time) implements Entry {
    FileEntry(StorageFile file) {
      this(file, dayOf(file.name().date()), timeOf(file.name().timestamp()));
    }

    @Override
    public DataType dataType() {
      return file.dataType();
    }

    @Override
    public boolean contentFolder() {
      return file.isContentFolder();
    }

    @Override
    public String relativePath() {
      return file.relativePath();
    }
  }

  private static List<FileEntry> entries(Collection<StorageFile> files) {
    List<FileEntry> out = new ArrayList<>(files.size());
    for (StorageFile f : files) {
      out.add(new FileEntry(checkNotNull(f, "files must not hold null")));
    }
    return out;
  }

  private static List<StorageFile> files(List<FileEntry> entries) {
    List<StorageFile> out = new ArrayList<>(entries.size());
    entries.forEach(e -> out.add(e.file()));
    return out;
  }

  /** Newest 診療日 first, then newest 発生日時, then the path (reversed), as {@link #select} has always read. */
  private static <T extends Entry> List<T> sortedOf(Collection<T> entries) {
    checkNotNull(entries, "files must not be null");
    List<T> sorted = new ArrayList<>(entries);
    sorted.sort(ChartWindow::newestFirst);
    return sorted;
  }

  /** The order of {@link #sortedOf}: the path is asked only when 診療日 and 発生日時 are the same. */
  public static int newestFirst(Entry a, Entry b) {
    int c = Integer.compare(b.day(), a.day());
    if (c == 0) {
      c = Long.compare(b.time(), a.time());
    }
    return c != 0 ? c : b.relativePath().compareTo(a.relativePath());
  }

  /**
   * The entry with the newest 発生日時, the first of them on a tie: the file a chart's "data as of" names, whether the
   * window reads it or not.
   */
  public static <T extends Entry> Optional<T> newest(Collection<T> entries) {
    checkNotNull(entries, "entries must not be null");
    T newest = null;
    for (T e : entries) {
      if (newest == null || e.time() > newest.time()) {
        newest = e;
      }
    }
    return Optional.ofNullable(newest);
  }

  private static boolean isEncounter(DataType type) {
    return dev.ssmix2.core.record.EncounterRecord.Kind.of(type).isPresent();
  }
}

package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.MedicationOrderRecord;
import dev.ssmix2.core.storage.StorageFile;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One order group (RP) of a prescription (OMP-01) or injection (OMP-02) order, with the days it runs.
 *
 * @param kind prescription or injection
 * @param careDate 診療日 of the order file, if dated
 * @param drugs the drugs (RXE-2, or the RXC components of an injection)
 * @param dose amount per dose as written (RXE-3), or the 1日量 (RXE-19) when that is what was sent
 * @param unit unit of {@code dose}
 * @param usage 用法 (TQ1-3)
 * @param route 投与経路 (RXR-1)
 * @param days 日数 (TQ1-6 in days), if sent
 * @param start 開始日時 (TQ1-7), if sent
 * @param lastDay the last day the order runs, see {@link #runs(LocalDate)}; empty when no start is known
 * @param file the order file
 */
public record Medication(
    MedicationOrderRecord.Kind kind,
    Optional<LocalDate> careDate,
    List<Coded> drugs,
    String dose,
    Coded unit,
    Coded usage,
    Coded route,
    Optional<Integer> days,
    Optional<Hl7Timestamp> start,
    Optional<LocalDate> lastDay,
    StorageFile file) {

  public Medication {
    checkNotNull(kind, "kind must not be null");
    checkNotNull(careDate, "careDate must not be null; use Optional.empty()");
    drugs = List.copyOf(drugs);
    checkNotNull(dose, "dose must not be null; use \"\"");
    checkNotNull(unit, "unit must not be null; use Coded.EMPTY");
    checkNotNull(usage, "usage must not be null; use Coded.EMPTY");
    checkNotNull(route, "route must not be null; use Coded.EMPTY");
    checkNotNull(days, "days must not be null; use Optional.empty()");
    checkNotNull(start, "start must not be null; use Optional.empty()");
    checkNotNull(lastDay, "lastDay must not be null; use Optional.empty()");
    checkNotNull(file, "file must not be null");
  }

  /** The first day: the start date (TQ1-7), else the 診療日. */
  public Optional<LocalDate> firstDay() {
    return start.flatMap(Hl7Timestamp::toLocalDate).or(() -> careDate);
  }

  /**
   * Whether the order runs on {@code day}: from its first day to its last day inclusive. The last day is TQ1-8 when
   * sent, else first day + days − 1, else the first day itself (an order without a duration, such as a single
   * injection, runs on its day only).
   */
  public boolean runs(LocalDate day) {
    checkNotNull(day, "day must not be null");
    Optional<LocalDate> first = firstDay();
    return first.isPresent() && lastDay.isPresent() && !day.isBefore(first.get()) && !day.isAfter(lastDay.get());
  }

  /** The drug names joined with " + " (base and additives of an injection). */
  public String drugNames() {
    return String.join(" + ", drugs.stream().map(Coded::display).filter(s -> !s.isBlank()).toList());
  }
}

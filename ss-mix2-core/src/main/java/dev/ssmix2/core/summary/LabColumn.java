package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Optional;

/**
 * One column of the lab matrix: a collection time (OBX-14, else SPM-17) to the minute, or a day when only the day
 * is known. Columns sort newest first.
 *
 * @param date the day
 * @param time the time of day to the minute, when sent
 */
public record LabColumn(LocalDate date, Optional<LocalTime> time) implements Comparable<LabColumn> {

  private static final Comparator<LabColumn> OLDEST_FIRST = Comparator.comparing(LabColumn::date)
      .thenComparing(c -> c.time().orElse(LocalTime.MIN));

  public LabColumn {
    checkNotNull(date, "date must not be null");
    checkNotNull(time, "time must not be null; use Optional.empty()");
    time = time.map(t -> t.withSecond(0).withNano(0));
  }

  /** {@code 2011-12-19} or {@code 2011-12-19 15:00}. */
  public String display() {
    return time.map(t -> date + " " + t).orElse(date.toString());
  }

  /** Newest first. */
  @Override
  public int compareTo(LabColumn o) {
    return OLDEST_FIRST.compare(o, this);
  }
}

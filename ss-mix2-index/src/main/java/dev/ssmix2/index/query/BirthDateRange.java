package dev.ssmix2.index.query;

import com.google.common.base.Preconditions;
import java.time.LocalDate;

/**
 * Birth dates (生年月日) a query allows, both ends inclusive: one day for {@code 1948-04-05} or {@code S23.4.5}, a month
 * for {@code 1948/4}, a year for {@code 1975} or {@code 昭和50年}, clipped to the era (昭和64年 is 1989-01-01..01-07).
 */
public record BirthDateRange(LocalDate from, LocalDate to) {
  public BirthDateRange {
    Preconditions.checkNotNull(from, "from must not be null");
    Preconditions.checkNotNull(to, "to must not be null");
    Preconditions.checkArgument(!to.isBefore(from), "birth date range ends (%s) before it starts (%s)", to, from);
  }

  public static BirthDateRange day(LocalDate day) {
    return new BirthDateRange(day, day);
  }

  public boolean isSingleDay() {
    return from.equals(to);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(from) && !date.isAfter(to);
  }

  /** {@code yyyymmdd} of {@link #from()}, the form the index stores. */
  public int fromYyyymmdd() {
    return from.getYear() * 10000 + from.getMonthValue() * 100 + from.getDayOfMonth();
  }

  /** {@code yyyymmdd} of {@link #to()}. */
  public int toYyyymmdd() {
    return to.getYear() * 10000 + to.getMonthValue() * 100 + to.getDayOfMonth();
  }
}

package dev.ssmix2.index.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses one query token as a birth date or date range (Gregorian or Japanese era). */
final class BirthDates {
  private BirthDates() {}

  /** Outcome for one token: not a date at all, a date shape that is invalid, or a valid range. */
  record Result(boolean dateShaped, Optional<BirthDateRange> range) {
    static final Result NOT_A_DATE = new Result(false, Optional.empty());
    static final Result INVALID = new Result(true, Optional.empty());

    static Result of(Optional<BirthDateRange> range) {
      return new Result(true, range);
    }
  }

  static final int FIRST_YEAR = 1868;
  static final int LAST_YEAR = 2099;

  private static final String ERA = "(明治|大正|昭和|平成|令和|[明大昭平令MTSHRmtshr])";
  private static final String ERA_YEAR = "(元|\\d{1,2})";
  private static final String SEP = "[./-]";
  private static final Pattern ISO_DAY = Pattern.compile("(\\d{4})" + SEP + "(\\d{1,2})" + SEP + "(\\d{1,2})");
  private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})" + SEP + "(\\d{1,2})");
  private static final Pattern COMPACT_DAY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern KANJI_WESTERN =
      Pattern.compile("(\\d{4})年(?:(\\d{1,2})月(?:(\\d{1,2})日)?)?");
  private static final Pattern ERA_KANJI =
      Pattern.compile(ERA + ERA_YEAR + "年(?:(\\d{1,2})月(?:(\\d{1,2})日)?)?");
  private static final Pattern ERA_DOTTED = Pattern.compile(ERA + ERA_YEAR + SEP + "(\\d{1,2})(?:" + SEP + "(\\d{1,2}))?");
  private static final Pattern ERA_COMPACT = Pattern.compile(ERA + "(\\d{2})(\\d{2})(\\d{2})");
  private static final Pattern ERA_YEAR_ONLY = Pattern.compile(ERA + ERA_YEAR);
  /** 生 / 生まれ after any date shape (S33.5.5生, 1958/5/5生まれ), as on forms. */
  private static final Pattern BORN = Pattern.compile("(?<=\\d|元年|年|月|日)(?:生まれ|生)$");

  static Result parse(String written) {
    String token = BORN.matcher(written).replaceFirst("");
    Matcher m;
    if ((m = ISO_DAY.matcher(token)).matches() || (m = COMPACT_DAY.matcher(token)).matches()) {
      return Result.of(western(m.group(1), m.group(2), m.group(3)));
    }
    if ((m = ISO_MONTH.matcher(token)).matches()) {
      return Result.of(western(m.group(1), m.group(2), null));
    }
    if ((m = KANJI_WESTERN.matcher(token)).matches()) {
      return Result.of(western(m.group(1), m.group(2), m.group(3)));
    }
    if ((m = YEAR.matcher(token)).matches()) {
      int year = Integer.parseInt(m.group(1));
      return year >= FIRST_YEAR && year <= LAST_YEAR ? Result.of(western(m.group(1), null, null)) : Result.NOT_A_DATE;
    }
    if ((m = ERA_KANJI.matcher(token)).matches()
        || (m = ERA_DOTTED.matcher(token)).matches()
        || (m = ERA_COMPACT.matcher(token)).matches()
        || (m = ERA_YEAR_ONLY.matcher(token)).matches()) {
      Era era = Era.named(m.group(1)).orElseThrow();
      String day = m.groupCount() >= 4 ? m.group(4) : null;
      String month = m.groupCount() >= 3 ? m.group(3) : null;
      return Result.of(era(era, m.group(2), month, day));
    }
    return Result.NOT_A_DATE;
  }

  private static Optional<BirthDateRange> western(String year, String month, String day) {
    int y = Integer.parseInt(year);
    if (y < FIRST_YEAR || y > LAST_YEAR) {
      return Optional.empty();
    }
    return range(y, month, day);
  }

  private static Optional<BirthDateRange> era(Era era, String eraYear, String month, String day) {
    int n = eraYear.equals("元") ? 1 : Integer.parseInt(eraYear);
    if (n < 1) {
      return Optional.empty();
    }
    return range(era.gregorianYear(n), month, day)
        .flatMap(
            r -> {
              LocalDate from = r.from().isBefore(era.start) ? era.start : r.from();
              LocalDate to = r.to().isAfter(era.end()) ? era.end() : r.to();
              // A full date outside the era is a typo (S64.2.1), not something to clip.
              if (r.isSingleDay() && (!from.equals(r.from()) || !to.equals(r.to()))) {
                return Optional.empty();
              }
              return from.isAfter(to) ? Optional.empty() : Optional.of(new BirthDateRange(from, to));
            });
  }

  private static Optional<BirthDateRange> range(int year, String month, String day) {
    try {
      if (month == null) {
        return Optional.of(new BirthDateRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
      }
      YearMonth ym = YearMonth.of(year, Integer.parseInt(month));
      if (day == null) {
        return Optional.of(new BirthDateRange(ym.atDay(1), ym.atEndOfMonth()));
      }
      return Optional.of(BirthDateRange.day(ym.atDay(Integer.parseInt(day))));
    } catch (DateTimeException e) {
      return Optional.empty(); // 2月30日, 13月: a date shape with impossible values
    }
  }
}

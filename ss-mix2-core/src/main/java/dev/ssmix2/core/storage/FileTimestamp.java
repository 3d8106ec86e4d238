package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * 発生日時: the fifth file-name field, {@code YYYYMMDDHHMMSS} followed by up to three fraction digits.
 *
 * <p>Writers disagree on the width (14 to 17 digits are seen) so comparison right-pads with zeros, as the
 * guideline's examples imply. Some systems write hours 24–47 for "the next day"; {@link #toLocalDateTime()}
 * rolls those over instead of rejecting them.
 */
public record FileTimestamp(String digits) implements Comparable<FileTimestamp> {

  static final int MIN_DIGITS = 14;
  static final int MAX_DIGITS = 17;

  public FileTimestamp {
    checkNotNull(digits, "digits must not be null");
    checkArgument(digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS && CareDate.isDigits(digits),
        "timestamp '%s' is not %s–%s digits (YYYYMMDDHHMMSS plus up to 3 fraction digits)", digits, MIN_DIGITS,
        MAX_DIGITS);
  }

  /** Parses a file-name token; stray spaces are tolerated. */
  public static FileTimestamp parse(String token) {
    checkNotNull(token, "timestamp must not be null");
    return new FileTimestamp(token.strip());
  }

  /** The timestamp with exactly 17 digits, right-padded with zeros: the form that sorts correctly. */
  public String padded() {
    return digits.length() == MAX_DIGITS ? digits : (digits + "000").substring(0, MAX_DIGITS);
  }

  /** The date and time, rolling hours 24–47 over to the next day; empty if the digits are no real time. */
  public Optional<LocalDateTime> toLocalDateTime() {
    String p = padded();
    // by hand rather than with BASIC_ISO_DATE and substrings, as CareDate parses: the research export converts one
    // timestamp per value, and the formatter was 5 % of its Java samples (benchmarks/README.md, "Quiet machine, end of
    // session 7"); the same times pass (FileTimestampTest compares both). The digits are ASCII: the constructor checks.
    try {
      LocalDate day = LocalDate.of(Integer.parseInt(p, 0, 4, 10), Integer.parseInt(p, 4, 6, 10),
          Integer.parseInt(p, 6, 8, 10));
      int hour = Integer.parseInt(p, 8, 10, 10);
      int minute = Integer.parseInt(p, 10, 12, 10);
      int second = Integer.parseInt(p, 12, 14, 10);
      int millis = Integer.parseInt(p, 14, 17, 10);
      if (hour > 47 || minute > 59 || second > 59) {
        return Optional.empty();
      }
      return Optional.of(day.atTime(hour % 24, minute, second, millis * 1_000_000).plusDays(hour / 24));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public int compareTo(FileTimestamp o) {
    return padded().compareTo(o.padded());
  }

  @Override
  public String toString() {
    return digits;
  }
}

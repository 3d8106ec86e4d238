package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
    try {
      LocalDate day = LocalDate.parse(p.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
      int hour = Integer.parseInt(p.substring(8, 10));
      int minute = Integer.parseInt(p.substring(10, 12));
      int second = Integer.parseInt(p.substring(12, 14));
      int millis = Integer.parseInt(p.substring(14, 17));
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

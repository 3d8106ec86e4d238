package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * An HL7 TS/DTM value as written ({@code YYYY[MM[DD[HH[MM[SS[.S…]]]]]]}), keeping its precision. SS-MIX2 writers use
 * 8, 10, 12 and 14 digits and sometimes hours 24–47 for "the next day"; those roll over like in file names.
 *
 * <pre>{@code
 * Hl7Timestamp.parse("201111201600").orElseThrow().display();  // 2011-11-20 16:00
 * }</pre>
 */
public record Hl7Timestamp(String raw) {

  public Hl7Timestamp {
    checkNotNull(raw, "raw must not be null");
    checkArgument(raw.length() >= 4 && isDigits(raw, 4), "HL7 timestamp '%s' must start with a 4-digit year", raw);
  }

  /** The timestamp, or empty when the field is empty or does not start with digits of a year. */
  public static Optional<Hl7Timestamp> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.length() < 4 || !isDigits(v, 4)) {
      return Optional.empty();
    }
    return Optional.of(new Hl7Timestamp(v));
  }

  /** The digits before any fraction or time-zone part. */
  String digits() {
    int end = 0;
    while (end < raw.length() && Character.isDigit(raw.charAt(end)) && raw.charAt(end) < 128) {
      end++;
    }
    return raw.substring(0, end);
  }

  /** The calendar date, if the value has at least 8 digits forming a real date. */
  public Optional<LocalDate> toLocalDate() {
    return toLocalDateTime().map(LocalDateTime::toLocalDate);
  }

  /** Date and time (missing time parts are 0; hours 24–47 roll over to the next day), if the digits are a real time. */
  public Optional<LocalDateTime> toLocalDateTime() {
    String d = digits();
    if (d.length() < 8) {
      return Optional.empty();
    }
    try {
      LocalDate day = LocalDate.of(num(d, 0, 4), num(d, 4, 6), num(d, 6, 8));
      int hour = d.length() >= 10 ? num(d, 8, 10) : 0;
      int minute = d.length() >= 12 ? num(d, 10, 12) : 0;
      int second = d.length() >= 14 ? num(d, 12, 14) : 0;
      if (hour > 47 || minute > 59 || second > 59) {
        return Optional.empty();
      }
      return Optional.of(day.atTime(hour % 24, minute, second).plusDays(hour / 24));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** {@code 2011-11-20}, {@code 2011-11-20 16:00} or {@code 2011-11-20 16:00:45} by precision; the raw text if not a time. */
  public String display() {
    Optional<LocalDateTime> t = toLocalDateTime();
    if (t.isEmpty()) {
      return raw;
    }
    String date = t.get().toLocalDate().toString();
    int n = digits().length();
    if (n < 10) {
      return date;
    }
    String hm = String.format("%02d:%02d", t.get().getHour(), t.get().getMinute());
    return n >= 14 ? date + " " + hm + String.format(":%02d", t.get().getSecond()) : date + " " + hm;
  }

  private static int num(String s, int from, int to) {
    return Integer.parseInt(s.substring(from, to));
  }

  private static boolean isDigits(String s, int n) {
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return raw;
  }
}

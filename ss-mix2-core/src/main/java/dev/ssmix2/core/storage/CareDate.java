package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * 診療日: the date folder of a file, either a calendar date ({@code YYYYMMDD}) or {@code -} for data that has no
 * date concept (ADT-00, ADT-01, ADT-61, PPR-01).
 */
public final class CareDate implements Comparable<CareDate> {

  /** The {@code -} folder. */
  public static final CareDate UNDATED = new CareDate(null);

  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private final @Nullable LocalDate date;
  /** {@link #token()}, kept: indexes and charts ask for it once per file of a patient with thousands of files. */
  private final @Nullable String token;

  private CareDate(@Nullable LocalDate date) {
    this(date, date == null ? "-" : format(date));
  }

  private CareDate(@Nullable LocalDate date, @Nullable String token) {
    this.date = date;
    this.token = token;
  }

  public static CareDate of(LocalDate date) {
    checkNotNull(date, "care date must not be null; use CareDate.UNDATED for '-'");
    return new CareDate(date);
  }

  /**
   * Parses a folder or file-name token: {@code -} or eight digits forming a real calendar date.
   *
   * @throws IllegalArgumentException naming the token and what was expected
   */
  public static CareDate parse(String token) {
    return tryParse(token).orElseThrow(() -> new IllegalArgumentException(
        "care date '" + token + "' is neither '-' nor a real date written YYYYMMDD"));
  }

  /** Like {@link #parse} but empty instead of throwing. */
  public static Optional<CareDate> tryParse(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String t = token.strip();
    if (t.equals("-")) {
      return Optional.of(UNDATED);
    }
    if (t.length() != 8 || !isDigits(t)) {
      return Optional.empty();
    }
    // by hand rather than with BASIC_ISO_DATE: a storage walk or a chart parses one date per file, and in a fresh JVM
    // the formatter's parse was half of listing a long-stay patient's records (benchmarks/README.md, "Cold chart of
    // the long-stay patient, session 6"); the same dates pass (CareDateTest compares both)
    try {
      LocalDate d = LocalDate.of(Integer.parseInt(t, 0, 4, 10), Integer.parseInt(t, 4, 6, 10),
          Integer.parseInt(t, 6, 8, 10));
      return Optional.of(new CareDate(d, t));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code yyyyMMdd} as {@link DateTimeFormatter#BASIC_ISO_DATE} writes it, for the years 0–9999; null for others,
   * which {@link #token()} leaves to the formatter.
   */
  private static @Nullable String format(LocalDate date) {
    int y = date.getYear();
    if (y < 0 || y > 9999) {
      return null;
    }
    int v = y * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
    char[] c = new char[8];
    for (int i = 7; i >= 0; i--) {
      c[i] = (char) ('0' + v % 10);
      v /= 10;
    }
    return new String(c);
  }

  public boolean isUndated() {
    return date == null;
  }

  public Optional<LocalDate> date() {
    return Optional.ofNullable(date);
  }

  /** The token as written in folders and file names: {@code 20240301} or {@code -}. */
  public String token() {
    return token != null ? token : date.format(BASIC);
  }

  static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /** Undated sorts before every date. */
  @Override
  public int compareTo(CareDate o) {
    if (date == null || o.date == null) {
      return date == null ? (o.date == null ? 0 : -1) : 1;
    }
    return date.compareTo(o.date);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CareDate c && Objects.equals(date, c.date);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(date);
  }

  @Override
  public String toString() {
    return token();
  }
}

package dev.ssmix2.core.synth;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Fixed-width date formatting without DateTimeFormatter (this runs millions of times). */
final class Clock {
  /** Histories end here; no wall-clock time is ever used, so output depends on the seed only. */
  static final LocalDate END = LocalDate.of(2025, 3, 31);

  private Clock() {}

  static String date(LocalDate d) {
    StringBuilder sb = new StringBuilder(8);
    pad(sb, d.getYear(), 4);
    pad(sb, d.getMonthValue(), 2);
    pad(sb, d.getDayOfMonth(), 2);
    return sb.toString();
  }

  /** {@code yyyyMMddHHmm} (EVN-2, PV1-44 style). */
  static String minutes(LocalDateTime t) {
    StringBuilder sb = new StringBuilder(12).append(date(t.toLocalDate()));
    pad(sb, t.getHour(), 2);
    pad(sb, t.getMinute(), 2);
    return sb.toString();
  }

  /** {@code yyyyMMddHHmmss}. */
  static String seconds(LocalDateTime t) {
    StringBuilder sb = new StringBuilder(14).append(minutes(t));
    pad(sb, t.getSecond(), 2);
    return sb.toString();
  }

  /** {@code yyyyMMddHHmmssSSS}: the 発生日時 of a file name. */
  static String fileTimestamp(LocalDateTime t) {
    StringBuilder sb = new StringBuilder(17).append(seconds(t));
    pad(sb, t.getNano() / 1_000_000, 3);
    return sb.toString();
  }

  /** {@code yyyyMMddHHmmss.SSS}: MSH-7, whose first 17 digits are the file timestamp. */
  static String msh7(LocalDateTime t) {
    StringBuilder sb = new StringBuilder(18).append(seconds(t)).append('.');
    pad(sb, t.getNano() / 1_000_000, 3);
    return sb.toString();
  }

  private static void pad(StringBuilder sb, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(s);
  }
}

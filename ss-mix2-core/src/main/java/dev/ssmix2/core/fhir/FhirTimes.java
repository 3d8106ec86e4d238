package dev.ssmix2.core.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import dev.ssmix2.core.record.Hl7Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.DateTimeType;

/**
 * HL7 v2 timestamps as FHIR dateTime, keeping their precision: 4 digits → year, 6 → month, 8 → day, more → seconds.
 * FHIR needs a time zone with a time; SS-MIX2 writes local times of Japanese facilities without one, so times are
 * stated in Japan time (+09:00). Minutes-only times are written with {@code :00} seconds (FHIR has no minute
 * precision). Values that are no real time (month 13, hour 48) give nothing, and callers keep the raw text.
 */
final class FhirTimes {
  private FhirTimes() {}

  static final ZoneOffset JAPAN = ZoneOffset.ofHours(9);
  private static final TimeZone JAPAN_ZONE = TimeZone.getTimeZone(JAPAN);

  static Optional<DateTimeType> dateTime(Hl7Timestamp ts) {
    int digits = leadingDigits(ts.raw());
    if (digits == 4 || digits == 6) {
      int year = Integer.parseInt(ts.raw().substring(0, 4));
      if (digits == 4) {
        return Optional.of(new DateTimeType(String.format("%04d", year)));
      }
      int month = Integer.parseInt(ts.raw().substring(4, 6));
      return month >= 1 && month <= 12
          ? Optional.of(new DateTimeType(String.format("%04d-%02d", year, month)))
          : Optional.empty();
    }
    Optional<LocalDateTime> t = ts.toLocalDateTime();
    if (t.isEmpty()) {
      return Optional.empty();
    }
    if (digits < 10) {
      return Optional.of(new DateTimeType(t.get().toLocalDate().toString()));
    }
    return Optional.of(of(t.get()));
  }

  static DateTimeType of(LocalDateTime t) {
    Date instant = Date.from(t.toInstant(JAPAN));
    DateTimeType dt = new DateTimeType(instant, TemporalPrecisionEnum.SECOND, JAPAN_ZONE);
    return dt;
  }

  private static int leadingDigits(String s) {
    int n = 0;
    while (n < s.length() && s.charAt(n) >= '0' && s.charAt(n) <= '9') {
      n++;
    }
    return n;
  }
}

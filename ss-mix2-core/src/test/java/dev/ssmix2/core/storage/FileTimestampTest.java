package dev.ssmix2.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FileTimestamp#toLocalDateTime}, parsed by hand, against the formatter-based parse it replaced. */
class FileTimestampTest {

  /** What toLocalDateTime did before it parsed by hand. */
  private static Optional<LocalDateTime> reference(FileTimestamp t) {
    String p = t.padded();
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

  @Test
  void everyDayAndEdgeTimeOfSeveralCenturiesParsesAsTheFormatterParsedIt() {
    int compared = 0;
    for (int year : new int[] {0, 1, 1600, 1900, 2000, 2023, 2024, 2100, 9999}) {
      for (int month = 0; month <= 13; month++) {
        for (int day = 0; day <= 32; day++) {
          for (String time : new String[] {"000000", "235959", "240000", "471234", "480000", "126000", "120060",
              "995959"}) {
            for (String fraction : new String[] {"", "5", "12", "999"}) {
              FileTimestamp t = new FileTimestamp(String.format("%04d%02d%02d", year, month, day) + time + fraction);
              assertThat(t.toLocalDateTime()).as(t.digits()).isEqualTo(reference(t));
              compared++;
            }
          }
        }
      }
    }
    assertThat(compared).isEqualTo(9 * 14 * 33 * 8 * 4);
  }

  @Test
  void randomTimestampsOfEveryLengthParseAsTheFormatterParsedThem() {
    Random random = new Random(20261128);
    int valid = 0;
    for (int i = 0; i < 100_000; i++) {
      StringBuilder digits = new StringBuilder();
      // mostly plausible dates and times, so that both valid and invalid ones are common
      digits.append(String.format("%04d%02d%02d%02d%02d%02d", 1990 + random.nextInt(40), random.nextInt(14),
          random.nextInt(33), random.nextInt(50), random.nextInt(62), random.nextInt(62)));
      int fraction = random.nextInt(4);
      for (int f = 0; f < fraction; f++) {
        digits.append((char) ('0' + random.nextInt(10)));
      }
      FileTimestamp t = new FileTimestamp(digits.toString());
      Optional<LocalDateTime> parsed = t.toLocalDateTime();
      assertThat(parsed).as(t.digits()).isEqualTo(reference(t));
      valid += parsed.isPresent() ? 1 : 0;
    }
    assertThat(valid).isBetween(20_000, 80_000);
  }

  @Test
  void onlyAsciiDigitsAreATimestamp() {
    assertThatThrownBy(() -> new FileTimestamp("２０２４０１０１１２００００")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FileTimestamp("2024010112000")).isInstanceOf(IllegalArgumentException.class);
  }
}

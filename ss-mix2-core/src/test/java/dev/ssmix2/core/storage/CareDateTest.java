package dev.ssmix2.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CareDate} parses and writes {@code YYYYMMDD} by hand (a storage walk and a chart do it once per file); these
 * tests hold it to what {@link DateTimeFormatter#BASIC_ISO_DATE} does with the same eight digits.
 */
class CareDateTest {

  /** What CareDate did before it parsed by hand: the formatter, after the same eight-digit check. */
  private static Optional<LocalDate> byFormatter(String eightDigits) {
    try {
      return Optional.of(LocalDate.parse(eightDigits, DateTimeFormatter.BASIC_ISO_DATE));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  @Test
  void everyDayOfFourCenturiesAndEveryImpossibleDayParseAsTheFormatterParsesThem() {
    int checked = 0;
    for (int year : new int[] {0, 1, 4, 100, 1582, 1600, 1899, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999}) {
      for (int month = 0; month <= 13; month++) {
        for (int day = 0; day <= 32; day++) {
          String token = String.format("%04d%02d%02d", year, month, day);
          assertThat(CareDate.tryParse(token).flatMap(CareDate::date)).as(token).isEqualTo(byFormatter(token));
          CareDate.tryParse(token).ifPresent(d -> assertThat(d.token()).isEqualTo(token));
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(15 * 14 * 33);
  }

  @Test
  void randomEightDigitTokensParseAsTheFormatterParsesThem() {
    Random random = new Random(13);
    for (int i = 0; i < 50_000; i++) {
      String token = String.format("%08d", random.nextInt(100_000_000));
      Optional<LocalDate> expected = byFormatter(token);
      assertThat(CareDate.tryParse(token).flatMap(CareDate::date)).as(token).isEqualTo(expected);
    }
  }

  @Test
  void tokensAreWhatTheFormatterWrites() {
    Random random = new Random(17);
    for (int i = 0; i < 30_000; i++) {
      LocalDate d = LocalDate.ofEpochDay(random.nextInt(3_652_059) - 719_528); // 0000-01-01 … 9999-12-31
      assertThat(CareDate.of(d).token()).isEqualTo(d.format(DateTimeFormatter.BASIC_ISO_DATE));
    }
    assertThat(CareDate.UNDATED.token()).isEqualTo("-");
  }

  @Test
  void yearsBeyondFourDigitsStillGoThroughTheFormatter() {
    LocalDate far = LocalDate.of(10_000, 1, 1);
    CareDate d = CareDate.of(far);
    assertThat(d.date()).contains(far);
    // the formatter's own verdict, whatever it is, as before the hand-written path
    String expected;
    try {
      expected = far.format(DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeException e) {
      assertThatThrownBy(d::token).isInstanceOf(DateTimeException.class);
      return;
    }
    assertThat(d.token()).isEqualTo(expected);
  }

  @Test
  void notEightAsciiDigitsIsNoDate() {
    for (String token : new String[] {"2024031", "202403011", "2024-03-01", "２０２４０３０１", "2024030a", "", " "}) {
      assertThat(CareDate.tryParse(token)).as(token).isEmpty();
    }
    assertThat(CareDate.tryParse(" 20240301 ").flatMap(CareDate::date)).contains(LocalDate.of(2024, 3, 1));
    assertThat(CareDate.tryParse("-")).contains(CareDate.UNDATED);
    assertThatThrownBy(() -> CareDate.parse("20240230")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("20240230");
  }
}

package dev.ssmix2.index.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BirthDatesTest {

  @ParameterizedTest(name = "{0} -> {1}..{2}")
  @CsvSource(delimiter = '|', value = {
    "1948-04-05 | 1948-04-05 | 1948-04-05",
    "19480405 | 1948-04-05 | 1948-04-05",
    "1948/4/5 | 1948-04-05 | 1948-04-05",
    "1948.4.5 | 1948-04-05 | 1948-04-05",
    "1948年4月5日 | 1948-04-05 | 1948-04-05",
    "1948年4月 | 1948-04-01 | 1948-04-30",
    "1948年 | 1948-01-01 | 1948-12-31",
    "1975 | 1975-01-01 | 1975-12-31",
    "1948/4 | 1948-04-01 | 1948-04-30",
    "2000-02 | 2000-02-01 | 2000-02-29",
    "S23.4.5 | 1948-04-05 | 1948-04-05",
    "s23.4.5 | 1948-04-05 | 1948-04-05",
    "S230405 | 1948-04-05 | 1948-04-05",
    "s500315 | 1975-03-15 | 1975-03-15",
    "S50.3.15 | 1975-03-15 | 1975-03-15",
    "昭和23年4月5日 | 1948-04-05 | 1948-04-05",
    "昭和23年 | 1948-01-01 | 1948-12-31",
    "昭和23年4月 | 1948-04-01 | 1948-04-30",
    "平成元年1月8日 | 1989-01-08 | 1989-01-08",
    "H1.1.8 | 1989-01-08 | 1989-01-08",
    "平成元年 | 1989-01-08 | 1989-12-31",
    "昭和64年 | 1989-01-01 | 1989-01-07",
    "S64.1.7 | 1989-01-07 | 1989-01-07",
    "H31.4.30 | 2019-04-30 | 2019-04-30",
    "R1.5.1 | 2019-05-01 | 2019-05-01",
    "R6.1.1 | 2024-01-01 | 2024-01-01",
    "r6 | 2024-01-01 | 2024-12-31",
    "令和6年1月1日 | 2024-01-01 | 2024-01-01",
    "T1.7.30 | 1912-07-30 | 1912-07-30",
    "大正15年12月24日 | 1926-12-24 | 1926-12-24",
    "昭和元年12月25日 | 1926-12-25 | 1926-12-25",
    "M45.7.29 | 1912-07-29 | 1912-07-29",
    "明治45年 | 1912-01-01 | 1912-07-29",
  })
  void parsesDatesAndRanges(String token, LocalDate from, LocalDate to) {
    BirthDates.Result result = BirthDates.parse(token);
    assertThat(result.dateShaped()).isTrue();
    assertThat(result.range()).contains(new BirthDateRange(from, to));
  }

  @ParameterizedTest(name = "{0} is an invalid date")
  @ValueSource(strings = {
    "S64.2.1", "平成元年1月7日", "H1.1.7", "令和元年4月30日", "R1.4.30", "H31.5.1", "T1.7.29", "昭和元年12月24日",
    "1948-02-30", "1948-13-01", "S23.13.1", "S0.1.1", "1800-01-01",
  })
  void rejectsInvalidDatesButKnowsTheyWereDates(String token) {
    BirthDates.Result result = BirthDates.parse(token);
    assertThat(result.dateShaped()).isTrue();
    assertThat(result.range()).isEmpty();
  }

  @ParameterizedTest(name = "{0} is no date")
  @ValueSource(strings = {"0000123456", "123456", "1234", "山田", "やまだ", "M", "A1234"})
  void leavesOtherTokensAlone(String token) {
    assertThat(BirthDates.parse(token).dateShaped()).isFalse();
  }
}

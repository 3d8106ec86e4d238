package dev.ssmix2.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Hl7TimestampTest {
  @Test
  void displaysByPrecision() {
    assertThat(Hl7Timestamp.parse("20111220").orElseThrow().display()).isEqualTo("2011-12-20");
    assertThat(Hl7Timestamp.parse("201111201600").orElseThrow().display()).isEqualTo("2011-11-20 16:00");
    assertThat(Hl7Timestamp.parse("20110701113813.225").orElseThrow().display()).isEqualTo("2011-07-01 11:38:13");
  }

  @Test
  void rollsNextDayHoursOver() {
    assertThat(Hl7Timestamp.parse("202306132430").orElseThrow().display()).isEqualTo("2023-06-14 00:30");
  }

  @Test
  void keepsUnparseableDatesAsWritten() {
    assertThat(Hl7Timestamp.parse("199601").orElseThrow().toLocalDate()).isEmpty();
    assertThat(Hl7Timestamp.parse("199601").orElseThrow().display()).isEqualTo("199601");
    assertThat(Hl7Timestamp.parse("")).isEmpty();
    assertThat(Hl7Timestamp.parse("abc")).isEmpty();
  }
}

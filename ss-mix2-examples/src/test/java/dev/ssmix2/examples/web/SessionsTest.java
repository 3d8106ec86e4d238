package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {
  private final MutableClock clock = new MutableClock();
  private final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), Duration.ofHours(12));

  @Test
  void aTokenIs256RandomBitsAndNamesItsUser() {
    String token = sessions.start("nurse01");

    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(sessions.start("nurse01")).isNotEqualTo(token);
    assertThat(sessions.user(token)).hasValue("nurse01");
    assertThat(sessions.user("x" + token.substring(1))).isEmpty();
  }

  @Test
  void expiresAfterTheIdleTimeout() {
    String token = sessions.start("nurse01");

    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.user(token)).as("a request refreshes the idle timer").hasValue("nurse01");
    clock.advance(Duration.ofMinutes(29));
    assertThat(sessions.user(token)).hasValue("nurse01");
    clock.advance(Duration.ofMinutes(31));
    assertThat(sessions.user(token)).isEmpty();
  }

  @Test
  void expiresAtTheMaximumAgeEvenWhenBusy() {
    String token = sessions.start("nurse01");

    for (int i = 0; i < 24; i++) {
      clock.advance(Duration.ofMinutes(29));
      sessions.user(token);
    }
    clock.advance(Duration.ofMinutes(29));

    assertThat(sessions.user(token)).isEmpty();
  }

  @Test
  void endingASessionForgetsIt() {
    String token = sessions.start("nurse01");

    sessions.end(token);

    assertThat(sessions.user(token)).isEmpty();
  }

  @Test
  void startingASessionDropsExpiredOnes() {
    sessions.start("a");
    sessions.start("b");
    clock.advance(Duration.ofHours(1));

    sessions.start("c");

    assertThat(sessions.size()).isEqualTo(1);
  }

  @Test
  void refusesAMaxAgeShorterThanTheIdleTimeout() {
    assertThatThrownBy(() -> new Sessions(clock, Duration.ofHours(2), Duration.ofHours(1)))
        .hasMessageContaining("must not be shorter");
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2025-03-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

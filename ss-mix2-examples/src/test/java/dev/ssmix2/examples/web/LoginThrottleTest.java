package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  /** A clock the test moves by hand. */
  private static final class Manual extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void backsOffExponentiallyThenLocksTheAccountAndLeavesOthersAlone() {
    Manual clock = new Manual();
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 1; i <= 3; i++) {
      assertThat(t.check("nurse01", "10.0.0.9")).isEmpty();
      assertThat(t.failed("nurse01", "10.0.0.9")).isEmpty();
    }
    assertThat(t.check("nurse01", "10.0.0.9")).isEmpty(); // three free failures
    t.failed("nurse01", "10.0.0.9");
    assertThat(t.check("nurse01", "10.0.0.9")).hasValueSatisfying(r -> {
      assertThat(r.locked()).isFalse();
      assertThat(r.until()).isEqualTo(clock.now.plusSeconds(1));
    });
    assertThat(t.check("nurse02", "10.0.0.8")).isEmpty(); // someone else is unaffected
    clock.now = clock.now.plusSeconds(1);
    t.failed("nurse01", "10.0.0.9");
    assertThat(t.check("nurse01", "10.0.0.9").orElseThrow().until()).isEqualTo(clock.now.plusSeconds(2));
    String locked = "";
    for (int i = 6; i <= LoginThrottle.PER_USER.lockAfter(); i++) {
      clock.now = t.check("nurse01", "10.0.0." + i).map(LoginThrottle.Refusal::until).orElse(clock.now);
      locked = t.failed("nurse01", "10.0.0." + i).orElse(locked);
    }
    assertThat(locked).isEqualTo("user");
    assertThat(t.check("nurse01", "10.0.0.99")).hasValueSatisfying(r -> assertThat(r.locked()).isTrue());
    clock.now = clock.now.plus(LoginThrottle.LOCK).plusSeconds(1);
    assertThat(t.check("nurse01", "10.0.0.99")).isEmpty();
  }

  @Test
  void anAddressGuessingManyNamesIsLockedButASuccessElsewhereIsNot() {
    Manual clock = new Manual();
    LoginThrottle t = new LoginThrottle(clock);
    String locked = "";
    for (int i = 0; i < LoginThrottle.PER_ADDRESS.lockAfter(); i++) {
      clock.now = t.check("user" + i, "10.0.0.9").map(LoginThrottle.Refusal::until).orElse(clock.now);
      locked = t.failed("user" + i, "10.0.0.9").orElse(locked);
    }
    assertThat(locked).isEqualTo("address 10.0.0.9");
    assertThat(t.check("anyone", "10.0.0.9")).hasValueSatisfying(r -> assertThat(r.locked()).isTrue());
    assertThat(t.check("anyone", "10.0.0.10")).isEmpty();
    t.succeeded("user0");
    assertThat(t.check("user0", "10.0.0.10")).isEmpty();
    assertThat(Duration.ofMinutes(15)).isEqualTo(LoginThrottle.LOCK);
  }
}

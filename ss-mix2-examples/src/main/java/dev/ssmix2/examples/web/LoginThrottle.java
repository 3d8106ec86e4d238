package dev.ssmix2.examples.web;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing per account and per client address, without slowing anyone else. After a few free failures
 * each further failure doubles the wait before the next attempt is even checked (1 s, 2 s, 4 s … at most
 * {@link #MAX_DELAY}); after {@link Limits#lockAfter} failures the key is locked for {@link #LOCK}. A throttled attempt
 * is refused before its password is hashed, so guessing costs the server no PBKDF2 work; a success clears the account's
 * count (not the address's: one right password does not buy another round of guesses). Failures are forgotten
 * {@link #LOCK} after the last one. Entries are bounded ({@link #MAX_ENTRIES} per kind, oldest dropped), so random user
 * names cannot fill memory.
 */
final class LoginThrottle {
  static final Duration MAX_DELAY = Duration.ofMinutes(5);
  static final Duration LOCK = Duration.ofMinutes(15);
  static final int MAX_ENTRIES = 10_000;

  /** Free failures before back-off starts, and failures that lock. */
  record Limits(int free, int lockAfter) {
    Limits {
      checkArgument(free >= 0 && lockAfter > free, "need 0 <= free < lockAfter, got %s and %s", free, lockAfter);
    }
  }

  /** An account: 3 free failures, locked after 10. */
  static final Limits PER_USER = new Limits(3, 10);
  /** A client address (a ward PC shared by many nurses): 10 free failures, locked after 30. */
  static final Limits PER_ADDRESS = new Limits(10, 30);

  /** Why an attempt is refused, and until when. */
  record Refusal(boolean locked, Instant until, String key) {}

  private record State(int failures, Instant last, Instant blockedUntil) {}

  private final Clock clock;
  private final Map<String, State> users = lru();
  private final Map<String, State> addresses = lru();

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Empty when an attempt for {@code user} from {@code address} may be checked now. */
  synchronized Optional<Refusal> check(String user, String address) {
    Instant now = clock.instant();
    Optional<Refusal> byAddress = blocked(addresses, address, PER_ADDRESS, now, "address " + address);
    return byAddress.isPresent() ? byAddress : blocked(users, user, PER_USER, now, "user");
  }

  /**
   * Records a failed attempt; returns what became locked by it ("address …", "user"), empty when nothing did, so the
   * caller can write the lock to the audit log once.
   */
  synchronized Optional<String> failed(String user, String address) {
    Instant now = clock.instant();
    boolean addressLocked = fail(addresses, address, PER_ADDRESS, now);
    boolean userLocked = fail(users, user, PER_USER, now);
    if (addressLocked) {
      return Optional.of("address " + address);
    }
    return userLocked ? Optional.of("user") : Optional.empty();
  }

  synchronized void succeeded(String user) {
    users.remove(user);
  }

  private static Optional<Refusal> blocked(Map<String, State> map, String key, Limits limits, Instant now,
      String label) {
    State s = map.get(key);
    if (s == null) {
      return Optional.empty();
    }
    if (now.isAfter(s.last().plus(LOCK))) {
      map.remove(key);
      return Optional.empty();
    }
    if (now.isBefore(s.blockedUntil())) {
      return Optional.of(new Refusal(s.failures() >= limits.lockAfter(), s.blockedUntil(), label));
    }
    return Optional.empty();
  }

  /** Counts a failure; true when this one locked the key. */
  private static boolean fail(Map<String, State> map, String key, Limits limits, Instant now) {
    State s = map.get(key);
    int failures = s == null || now.isAfter(s.last().plus(LOCK)) ? 1 : s.failures() + 1;
    Instant until = now;
    if (failures >= limits.lockAfter()) {
      until = now.plus(LOCK);
    } else if (failures > limits.free()) {
      long seconds = Math.min(MAX_DELAY.toSeconds(), 1L << Math.min(30, failures - limits.free() - 1));
      until = now.plusSeconds(seconds);
    }
    map.remove(key); // re-insert as newest
    map.put(key, new State(failures, now, until));
    return failures == limits.lockAfter();
  }

  private static Map<String, State> lru() {
    return new LinkedHashMap<>(64, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
        return size() > MAX_ENTRIES;
      }
    };
  }
}

package dev.ssmix2.examples.web;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in sessions. A token is 256 random bits (base64url); only its SHA-256 is kept, so the table itself holds no usable
 * secret and lookups do not compare secrets. A session ends after {@code idle} without a request or {@code maxAge} after
 * login, whichever comes first.
 */
final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Session(String user, Instant created, Instant lastSeen) {}

  private final Map<String, Session> byTokenHash = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idle;
  private final Duration maxAge;

  Sessions(Clock clock, Duration idle, Duration maxAge) {
    checkArgument(!idle.isNegative() && !idle.isZero(), "idle timeout must be positive, got %s", idle);
    checkArgument(maxAge.compareTo(idle) >= 0, "max session age %s must not be shorter than the idle timeout %s",
        maxAge, idle);
    this.clock = clock;
    this.idle = idle;
    this.maxAge = maxAge;
  }

  /** Starts a session for {@code user} and returns its token. */
  String start(String user) {
    purgeExpired();
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = clock.instant();
    byTokenHash.put(hash(token), new Session(user, now, now));
    return token;
  }

  /** The user of a live session, refreshing its idle timer; empty for unknown or expired tokens. */
  Optional<String> user(String token) {
    String key = hash(token);
    Session session = byTokenHash.get(key);
    if (session == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(session, now)) {
      byTokenHash.remove(key, session);
      return Optional.empty();
    }
    byTokenHash.replace(key, session, new Session(session.user(), session.created(), now));
    return Optional.of(session.user());
  }

  void end(String token) {
    byTokenHash.remove(hash(token));
  }

  /** Ends every session of {@code user} (removed from the user file). */
  void endAll(String user) {
    byTokenHash.values().removeIf(session -> session.user().equals(user));
  }

  Duration maxAge() {
    return maxAge;
  }

  int size() {
    return byTokenHash.size();
  }

  private boolean expired(Session session, Instant now) {
    return now.isAfter(session.lastSeen().plus(idle)) || now.isAfter(session.created().plus(maxAge));
  }

  private void purgeExpired() {
    Instant now = clock.instant();
    byTokenHash.values().removeIf(session -> expired(session, now));
  }

  private static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}

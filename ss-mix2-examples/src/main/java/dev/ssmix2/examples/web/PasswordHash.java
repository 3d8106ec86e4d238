package dev.ssmix2.examples.web;

import static com.google.common.base.Preconditions.checkArgument;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2WithHmacSHA256 password hash in its stored form {@code pbkdf2-sha256:<iterations>:<salt>:<hash>}
 * (standard Base64). Iterations are stored per hash so they can be raised later without invalidating old entries.
 */
record PasswordHash(int iterations, byte[] salt, byte[] hash) {
  static final String SCHEME = "pbkdf2-sha256";
  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  static final int DEFAULT_ITERATIONS = 210_000;
  static final int MIN_ITERATIONS = 1_000;
  static final int MAX_ITERATIONS = 10_000_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  PasswordHash {
    checkArgument(iterations >= MIN_ITERATIONS && iterations <= MAX_ITERATIONS,
        "iterations must be %s to %s, got %s", MIN_ITERATIONS, MAX_ITERATIONS, iterations);
    checkArgument(salt.length >= 8, "salt must be at least 8 bytes, got %s", salt.length);
    checkArgument(hash.length == HASH_BYTES, "hash must be %s bytes, got %s", HASH_BYTES, hash.length);
    salt = salt.clone();
    hash = hash.clone();
  }

  /** Hashes {@code password} with a fresh random salt. */
  static PasswordHash create(char[] password, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return new PasswordHash(iterations, salt, derive(password, salt, iterations));
  }

  /** Parses {@code pbkdf2-sha256:<iterations>:<salt>:<hash>}; throws IllegalArgumentException saying what is wrong. */
  static PasswordHash parse(String stored) {
    String[] parts = stored.split(":", -1);
    checkArgument(parts.length == 4, "expected pbkdf2-sha256:<iterations>:<salt b64>:<hash b64>, got %s fields",
        parts.length);
    checkArgument(parts[0].equals(SCHEME), "unknown hash scheme '%s', expected %s", parts[0], SCHEME);
    int iterations;
    try {
      iterations = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("iterations is not a number: '" + parts[1] + "'", e);
    }
    Base64.Decoder b64 = Base64.getDecoder();
    try {
      return new PasswordHash(iterations, b64.decode(parts[2]), b64.decode(parts[3]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("salt or hash: " + e.getMessage(), e);
    }
  }

  /** Whether {@code password} matches, comparing in constant time. */
  boolean matches(char[] password) {
    return MessageDigest.isEqual(hash, derive(password, salt, iterations));
  }

  String format() {
    Base64.Encoder b64 = Base64.getEncoder();
    return SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }

  // Records compare arrays by identity; say what we mean.
  @Override
  public boolean equals(Object o) {
    return o instanceof PasswordHash other && iterations == other.iterations
        && Arrays.equals(salt, other.salt) && Arrays.equals(hash, other.hash);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "PasswordHash[" + SCHEME + ", iterations=" + iterations + "]";
  }
}

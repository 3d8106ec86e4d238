package dev.ssmix2.index.query;

import com.google.common.base.Preconditions;

/**
 * A query token that may be a patient ID (患者ID).
 *
 * @param text the token as typed, after width folding (０００１２３ → 000123)
 * @param normalized upper case, hyphens removed
 * @param unpadded {@code normalized} without leading zeros, for IDs stored with or without zero padding (123456 finds
 *     0000123456); "0" for an all-zero ID
 */
public record IdToken(String text, String normalized, String unpadded) {
  public IdToken {
    Preconditions.checkArgument(!text.isEmpty(), "an ID token must not be empty");
  }

  static IdToken of(String text) {
    String normalized = text.replace("-", "").toUpperCase(java.util.Locale.ROOT);
    int zeros = 0;
    while (zeros < normalized.length() && normalized.charAt(zeros) == '0') {
      zeros++;
    }
    String unpadded = normalized.substring(zeros);
    return new IdToken(text, normalized, unpadded.isEmpty() ? "0" : unpadded);
  }
}

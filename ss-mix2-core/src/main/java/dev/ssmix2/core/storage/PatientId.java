package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A patient ID (患者ID) as it appears in the storage path.
 *
 * <p>The ID is kept exactly as written: leading zeros are significant because they are part of the
 * folder name. {@link #unpadded()} gives the form people type at a reception desk.
 *
 * <pre>{@code
 * PatientId id = PatientId.of("0000000777");
 * id.firstFolder();  // "000"
 * id.secondFolder(); // "000"
 * id.unpadded();     // "777"
 * }</pre>
 */
public record PatientId(String value) implements Comparable<PatientId> {

  /** The index DB column is VARCHAR(15); extended IDs of some vendors are longer, so allow some slack. */
  static final int MAX_LENGTH = 32;

  public PatientId {
    checkNotNull(value, "value must not be null");
    checkArgument(!value.isEmpty(), "patient ID must not be empty");
    checkArgument(value.length() <= MAX_LENGTH,
        "patient ID %s is %s characters long; expected at most %s", value, value.length(), MAX_LENGTH);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // Tested before calling checkArgument: its arguments are evaluated eagerly, and describe() formats a string —
      // once per character of every ID read from a million file names.
      if (c <= 0x20 || c >= 0x7F || c == '_' || c == '/' || c == '\\') {
        throw new IllegalArgumentException(String.format(
            "patient ID %s contains %s; expected half-width letters, digits or '-' (no '_', '/', spaces)",
            value, describe(c)));
      }
    }
  }

  /** Parses an ID, trimming the stray spaces real file names sometimes carry. */
  public static PatientId of(String value) {
    checkNotNull(value, "patient ID must not be null");
    return new PatientId(value.strip());
  }

  /** First level folder: characters 1–3 of the ID (患者ID 先頭3文字), or the whole ID when shorter. */
  public String firstFolder() {
    return value.substring(0, Math.min(3, value.length()));
  }

  /** Second level folder: characters 4–6 of the ID, empty when the ID has at most 3 characters. */
  public String secondFolder() {
    return value.length() <= 3 ? "" : value.substring(3, Math.min(6, value.length()));
  }

  /** The ID without leading zeros ({@code "0000000777"} → {@code "777"}); {@code "0"} stays {@code "0"}. */
  public String unpadded() {
    int i = 0;
    while (i < value.length() - 1 && value.charAt(i) == '0') {
      i++;
    }
    return value.substring(i);
  }

  @Override
  public int compareTo(PatientId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }

  private static String describe(char c) {
    return c == ' ' ? "a space" : String.format("U+%04X '%s'", (int) c, c);
  }
}

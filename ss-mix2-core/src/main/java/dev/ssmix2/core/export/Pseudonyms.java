package dev.ssmix2.core.export;

import dev.ssmix2.core.storage.PatientId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms (HMAC-SHA-256) and the per-patient date shift. Every value is derived from the key, the facility
 * and the patient ID (or the file name), so the same key gives the same pseudonyms in every run and on every
 * machine; without the key they cannot be linked back. Thread-safe.
 *
 * <p>The shift of a patient is between 1 and {@code maxDays} days, earlier or later, never 0: an unshifted date of a
 * real patient never appears in a de-identified export.
 */
public final class Pseudonyms {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;
  private final String facility;
  private final int maxDays;
  private final ThreadLocal<Mac> macs;

  private Pseudonyms(byte[] key, String facility, int maxDays) {
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.facility = facility;
    this.maxDays = maxDays;
    this.macs = ThreadLocal.withInitial(this::newMac);
    newMac();
  }

  /**
   * Pseudonyms from a key (at least 16 bytes), for one facility, shifting dates by up to {@code maxDays}.
   *
   * @throws IllegalArgumentException for a short key, a null facility or a negative shift
   */
  public static Pseudonyms of(byte[] key, String facility, int maxDays) {
    if (key == null || facility == null) {
      throw new NullPointerException("key and facility must not be null");
    }
    if (key.length < 16) {
      throw new IllegalArgumentException("key has " + key.length + " bytes; expected at least 16");
    }
    if (maxDays < 0) {
      throw new IllegalArgumentException("date shift " + maxDays + " is negative; expected 0 or more days");
    }
    return new Pseudonyms(key, facility, maxDays);
  }

  /** Pseudonyms with the key of a key file (created owner-only when missing). */
  public static Pseudonyms fromKeyFile(java.nio.file.Path keyFile, String facility, int maxDays) {
    byte[] key = KeyFile.loadOrCreate(keyFile);
    try {
      return of(key, facility, maxDays);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA-256 is not available in this Java runtime", e);
    }
  }

  private byte[] mac(String purpose, String value) {
    Mac mac = macs.get();
    mac.update(purpose.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    mac.update(facility.getBytes(StandardCharsets.UTF_8));
    mac.update((byte) 0);
    return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
  }

  /** The patient's pseudonymous key: 32 hex digits (128 bits of the HMAC). */
  public String patientKey(PatientId id) {
    return HexFormat.of().formatHex(mac("patient", id.value()), 0, 16);
  }

  /** A source record's pseudonymous ID from its file name (stable across roots and runs): 32 hex digits. */
  public String recordId(String fileName) {
    return HexFormat.of().formatHex(mac("record", fileName), 0, 16);
  }

  /** The patient's date shift in days: between 1 and the maximum, earlier or later; 0 only when the maximum is 0. */
  public int shiftDays(PatientId id) {
    if (maxDays == 0) {
      return 0;
    }
    int v = Math.floorMod(ByteBuffer.wrap(mac("date-shift", id.value())).getInt(), 2 * maxDays);
    return v < maxDays ? v - maxDays : v - maxDays + 1;
  }

}

package dev.ssmix2.core.hl7;

import dev.ssmix2.core.SsMix2Exception;

/**
 * Unchecked failure to read text as an HL7 message (no segments, no leading MSH, unusable encoding characters), or HAPI
 * refusing the message. The message says what was wrong; callers add the file it came from.
 */
public final class Hl7FormatException extends SsMix2Exception {
  private static final long serialVersionUID = 1L;

  public Hl7FormatException(String message) {
    super(message);
  }

  public Hl7FormatException(String message, Throwable cause) {
    super(message, cause);
  }
}

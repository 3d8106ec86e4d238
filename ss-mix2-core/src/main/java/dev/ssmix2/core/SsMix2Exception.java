package dev.ssmix2.core;

/**
 * The root of every exception this library throws on purpose (a storage that cannot be used, text that is not HL7, a
 * message that cannot be written, an index that cannot be opened). Its message names the file or folder and says what
 * was wrong. Catch it to handle them all; {@link NullPointerException} and {@link IllegalArgumentException} stay what
 * they are in Guava: a caller passed null or a value outside the documented range.
 *
 * <p>Bad data inside a storage is not an exception: readers return results that say why a file could not be read.
 */
public abstract class SsMix2Exception extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected SsMix2Exception(String message) {
    super(message);
  }

  protected SsMix2Exception(String message, Throwable cause) {
    super(message, cause);
  }
}

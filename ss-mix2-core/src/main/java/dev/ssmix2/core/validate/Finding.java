package dev.ssmix2.core.validate;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One problem found in a storage.
 *
 * @param code what kind of problem (its severity is {@link FindingCode#severity()})
 * @param path the file or folder, relative to its storage root, with {@code /} separators
 * @param message what is wrong and, where it helps, what was expected — for the hospital's IT staff
 */
public record Finding(FindingCode code, String path, String message) {
  public Finding {
    checkNotNull(code, "code must not be null");
    checkNotNull(path, "path must not be null");
    checkNotNull(message, "message must not be null");
  }

  public Severity severity() {
    return code.severity();
  }

  @Override
  public String toString() {
    return severity() + " " + code.id() + " " + path + ": " + message;
  }
}

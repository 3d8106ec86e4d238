package dev.ssmix2.index.name;

import dev.ssmix2.core.SsMix2Exception;

/** A bundled or user-supplied name table (variant folds, romaji, readings) could not be read; names the file and why. */
public final class NameTableException extends SsMix2Exception {
  private static final long serialVersionUID = 1L;

  NameTableException(String table, String reason) {
    super(table + ": " + reason);
  }

  NameTableException(String table, String reason, Throwable cause) {
    super(table + ": " + reason, cause);
  }
}

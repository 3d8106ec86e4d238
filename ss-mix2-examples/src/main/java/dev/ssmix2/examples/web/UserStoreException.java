package dev.ssmix2.examples.web;

import java.nio.file.Path;

/** A user file that cannot be read or written, naming the file (and line) and the reason. */
public final class UserStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;

  UserStoreException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
  }

  /** The user file concerned. */
  public Path file() {
    return file;
  }
}

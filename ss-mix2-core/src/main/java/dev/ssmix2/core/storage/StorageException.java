package dev.ssmix2.core.storage;

import dev.ssmix2.core.SsMix2Exception;

/** A storage that cannot be used at all: a missing root, a file given where a folder is expected. */
public final class StorageException extends SsMix2Exception {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}

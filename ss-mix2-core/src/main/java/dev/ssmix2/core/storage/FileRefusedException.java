package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;

/**
 * A storage file that was deliberately not read: a symbolic link somewhere below its root, something other than a
 * regular file (a FIFO, a device, a socket), or a file larger than {@link ReadLimits#maxFileBytes()}. Thrown by
 * {@link StorageFile#readBytes()} (wrapped in an {@link java.io.UncheckedIOException}) so that readers can report the
 * file with a stable reason instead of hanging or running out of memory.
 */
public final class FileRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the file was not read. */
  public enum Reason {
    /** The file, or a folder between it and its root, is a symbolic link. */
    SYMBOLIC_LINK,
    /** A FIFO, a device, a socket: opening it could block forever or read without end. */
    NOT_REGULAR_FILE,
    /** Larger than the configured maximum file size. */
    TOO_LARGE
  }

  private final Reason reason;

  public FileRefusedException(Reason reason, String message) {
    super(checkNotNull(message, "message"));
    this.reason = checkNotNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}

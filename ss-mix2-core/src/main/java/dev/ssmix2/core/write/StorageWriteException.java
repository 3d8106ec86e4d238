package dev.ssmix2.core.write;

import dev.ssmix2.core.SsMix2Exception;
import java.nio.file.Path;

/** A message could not be written; names the target file and the reason. Nothing half-written is left behind. */
public class StorageWriteException extends SsMix2Exception {
  private final Path path;

  public StorageWriteException(Path path, String reason) {
    super(path + ": " + reason);
    this.path = path;
  }

  public StorageWriteException(Path path, String reason, Throwable cause) {
    super(path + ": " + reason, cause);
    this.path = path;
  }

  /** The file that was to be written or renamed. */
  public Path path() {
    return path;
  }
}

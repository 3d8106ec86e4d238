package dev.ssmix2.index.store;

import dev.ssmix2.core.SsMix2Exception;
import java.nio.file.Path;

/** The patient index cannot be used: missing, locked by another indexer, or unreadable. The message names the folder. */
public final class PatientIndexException extends SsMix2Exception {
  private final Path indexDir;

  public PatientIndexException(Path indexDir, String reason, Throwable cause) {
    super("index " + indexDir + ": " + reason, cause);
    this.indexDir = indexDir;
  }

  public PatientIndexException(Path indexDir, String reason) {
    this(indexDir, reason, null);
  }

  public Path indexDir() {
    return indexDir;
  }
}

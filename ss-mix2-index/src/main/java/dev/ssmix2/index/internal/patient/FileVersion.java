package dev.ssmix2.index.internal.patient;

import com.google.common.base.Preconditions;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.version.VersionStatus;

/** One storage file with its resolved version status (current/superseded/deleted) and what reading it gave. */
public record FileVersion(StorageFile file, VersionStatus status, FileFacts facts) {
  public FileVersion {
    Preconditions.checkNotNull(file, "file must not be null");
    Preconditions.checkNotNull(status, "status must not be null");
    Preconditions.checkNotNull(facts, "facts must not be null");
  }
}

package dev.ssmix2.core.version;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.StorageFile;

/** One file of a key's history with the status version resolution gave it. */
public record Version(StorageFile file, VersionStatus status) {
  public Version {
    checkNotNull(file, "file must not be null");
    checkNotNull(status, "status must not be null");
  }
}

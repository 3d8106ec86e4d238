package dev.ssmix2.core.version;

import static com.google.common.base.Preconditions.checkArgument;

import dev.ssmix2.core.storage.StorageFile;

/** One file of a key's history with the status version resolution gave it. */
public record Version(StorageFile file, VersionStatus status) {
  public Version {
    checkArgument(file != null && status != null, "version fields must not be null");
  }
}

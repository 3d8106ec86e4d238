package dev.ssmix2.core.version;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.VersionKey;
import java.util.List;
import java.util.Optional;

/**
 * Every version of one key, oldest first (by 発生日時), with the current one if the key is not deleted.
 *
 * @param key the shared key; for snapshot types (ADT-00, PPR-01) the order number of the current (or newest) file
 * @param versions all versions, oldest first
 * @param anomalies what was inconsistent, e.g. several {@code _1} files; empty for a well-kept key
 */
public record History(VersionKey key, List<Version> versions, List<String> anomalies) {

  public History {
    checkNotNull(key, "key must not be null");
    checkNotNull(versions, "versions must not be null");
    checkArgument(!versions.isEmpty(), "a history has at least one version");
    versions = List.copyOf(versions);
    anomalies = List.copyOf(anomalies);
  }

  /** The current file, or empty when every version is superseded or deleted. */
  public Optional<StorageFile> current() {
    return versions.stream().filter(v -> v.status() == VersionStatus.CURRENT).map(Version::file).findFirst();
  }

  /** Whether the key has no current version and at least one deleted one. */
  public boolean isDeleted() {
    return current().isEmpty() && versions.stream().anyMatch(v -> v.status() == VersionStatus.DELETED);
  }

  /** The status of one file of this history. */
  public Optional<VersionStatus> statusOf(StorageFile file) {
    return versions.stream().filter(v -> v.file().equals(file)).map(Version::status).findFirst();
  }
}

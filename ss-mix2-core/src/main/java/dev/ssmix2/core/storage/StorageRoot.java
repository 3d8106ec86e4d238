package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;

/**
 * One root folder (ルートフォルダ) of a storage. A logical storage may span several roots: dated and undated
 * volumes, periods, or one root per facility.
 */
public record StorageRoot(Path path) {
  public StorageRoot {
    checkNotNull(path, "root path must not be null");
    path = path.toAbsolutePath().normalize();
  }

  /** The path of {@code relative} (as given by {@link StorageEntry#relativePath()}) under this root. */
  public Path resolve(String relative) {
    return path.resolve(relative);
  }

  @Override
  public String toString() {
    return path.toString();
  }
}

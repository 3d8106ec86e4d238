package dev.ssmix2.core.storage;

/**
 * One thing found while walking a storage: a {@linkplain StorageFile placed file} or an
 * {@linkplain UnplacedEntry entry the walker could not place}. Walks report both so that nothing is dropped
 * silently.
 */
public sealed interface StorageEntry permits StorageFile, UnplacedEntry {

  StorageRoot root();

  /** Path relative to {@link #root()}, always with {@code /} separators. */
  String relativePath();
}

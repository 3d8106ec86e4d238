package dev.ssmix2.core.storage;

import dev.ssmix2.core.internal.Folders;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Cuts a storage into shards — first-level folders, or {@code L1/L2} folders when there are too few first-level ones
 * (patient IDs zero-padded to ten digits all start with {@code 000}) — so that walks can run in parallel. Only
 * directory names are listed, never files, so memory stays small. Entries at these levels that are not folders are
 * reported as unplaced here, as the full walk would.
 */
final class Shards {

  private static final int MIN_SHARDS = 64;

  private Shards() {}

  /** Shard paths in walk order, the same for every root (a shard may be missing from some roots). */
  static List<String> of(List<StorageRoot> roots, StorageFilter filter, Consumer<UnplacedEntry> onUnplaced) {
    TreeSet<String> first = new TreeSet<>();
    for (StorageRoot r : roots) {
      for (String name : folders(r, "", onUnplaced, "patient-ID prefix folders")) {
        if (filter.acceptsFirstFolder(name) && !TransactionLog.isYearFolder(name)) {
          first.add(name);
        }
      }
    }
    if (first.size() >= MIN_SHARDS) {
      return List.copyOf(first);
    }
    TreeSet<String> second = new TreeSet<>();
    for (String l1 : first) {
      for (StorageRoot r : roots) {
        if (!Files.isDirectory(r.resolve(l1), LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        for (String name : folders(r, l1, onUnplaced, "the second patient-ID prefix folder")) {
          if (filter.acceptsSecondFolder(l1, name)) {
            second.add(l1 + "/" + name);
          }
        }
      }
    }
    return List.copyOf(second);
  }

  private static List<String> folders(StorageRoot root, String rel, Consumer<UnplacedEntry> onUnplaced,
      String expected) {
    return Folders.list(root, rel, onUnplaced, expected);
  }
}

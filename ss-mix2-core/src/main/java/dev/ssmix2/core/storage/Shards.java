package dev.ssmix2.core.storage;

import dev.ssmix2.core.internal.Folders;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a storage into shards — first-level folders, or {@code L1/L2} folders when there are too few first-level ones
 * (patient IDs zero-padded to ten digits all start with {@code 000}), or runs of patient folders inside {@code L1/L2}
 * folders when there are still too few (a storage of ten thousand sequential IDs lies in one or two of them) — so
 * that walks can run in parallel. Only directory names are listed, never files, so memory stays small. Entries at
 * the two prefix levels that are not folders are reported as unplaced here, as the full walk would.
 */
final class Shards {

  private static final int MIN_SHARDS = 64;
  /**
   * Patient folders per run at least: a run's walk lists its whole {@code L1/L2} folder again (and keeps only its
   * names), so runs much shorter than this would spend more on listing than they save.
   */
  static final int MIN_RUN = 256;

  private Shards() {}

  /**
   * One shard: a folder {@code L1} or {@code L1/L2} relative to each root, and for {@code L1/L2} optionally only the
   * entries whose names lie in {@code [from, to)} (by {@link String#compareTo}; null: unbounded on that side).
   */
  record Shard(String folder, @Nullable String from, @Nullable String to) {
    static Shard whole(String folder) {
      return new Shard(folder, null, null);
    }

    /** Whether an entry of the shard's folder belongs to this shard. */
    boolean holds(String name) {
      return (from == null || name.compareTo(from) >= 0) && (to == null || name.compareTo(to) < 0);
    }
  }

  /** Shards in walk order, the same for every root (a shard may be missing from some roots). */
  static List<Shard> of(List<StorageRoot> roots, StorageFilter filter, Consumer<UnplacedEntry> onUnplaced) {
    TreeSet<String> first = new TreeSet<>();
    for (StorageRoot r : roots) {
      for (String name : folders(r, "", onUnplaced, "patient-ID prefix folders")) {
        if (filter.acceptsFirstFolder(name) && !TransactionLog.isYearFolder(name)) {
          first.add(name);
        }
      }
    }
    if (first.size() >= MIN_SHARDS) {
      return first.stream().map(Shard::whole).toList();
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
    if (second.size() >= MIN_SHARDS || filter.patients().isPresent()) {
      // a walk of chosen patients reads few folders; cutting their prefix folders would only list them again
      return second.stream().map(Shard::whole).toList();
    }
    return runs(roots, second);
  }

  /** The {@code L1/L2} folders cut into runs of patient folders, so that there are about {@link #MIN_SHARDS}. */
  private static List<Shard> runs(List<StorageRoot> roots, TreeSet<String> second) {
    Map<String, List<String>> names = new TreeMap<>();
    long total = 0;
    for (String folder : second) {
      TreeSet<String> all = new TreeSet<>();
      for (StorageRoot r : roots) {
        names(r.resolve(folder), all);
      }
      names.put(folder, new ArrayList<>(all));
      total += all.size();
    }
    long run = Math.max(MIN_RUN, (total + MIN_SHARDS - 1) / MIN_SHARDS);
    List<Shard> out = new ArrayList<>();
    names.forEach((folder, list) -> {
      if (list.size() <= run) {
        out.add(Shard.whole(folder));
        return;
      }
      String from = null;
      for (int i = (int) run; i < list.size(); i += (int) run) {
        out.add(new Shard(folder, from, list.get(i)));
        from = list.get(i);
      }
      out.add(new Shard(folder, from, null));
    });
    return out;
  }

  /**
   * The entry names of a folder, no attributes read (whoever walks a run reads them and reports what is not a
   * patient folder); a folder that cannot be listed adds nothing: its walk reports it.
   */
  private static void names(Path dir, TreeSet<String> into) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        into.add(p.getFileName().toString());
      }
    } catch (IOException | RuntimeException e) {
      // reported by the walk of the folder
    }
  }

  private static List<String> folders(StorageRoot root, String rel, Consumer<UnplacedEntry> onUnplaced,
      String expected) {
    return Folders.list(root, rel, onUnplaced, expected);
  }
}

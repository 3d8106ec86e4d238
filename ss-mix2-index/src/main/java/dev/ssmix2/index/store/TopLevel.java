package dev.ssmix2.index.store;

import dev.ssmix2.core.storage.StorageRoot;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The storage above the patient folders: the two patient-ID prefix levels and the names inside them. Listing these
 * few folders (names only at the third level, no {@code stat}) finds new patient folders and anything else that
 * appeared there, without walking a single patient. Four-digit folders at the top are the transaction storage's
 * year folders (docs/transaction-storage.md), never prefix folders, and are passed over as the walk passes them.
 *
 * @param names every entry at the patient-folder level, as {@code L1/L2/name} per root
 * @param odd entries at the prefix levels that are not folders (or are links): the walker reports them as unplaced
 */
record TopLevel(Set<Place> names, Set<Place> odd) {

  /** An entry of one root: the root's index and the relative path. */
  record Place(int root, String path) {}

  /** The listing of every root on the calling thread, or empty when a folder could not be listed. */
  static Optional<TopLevel> list(List<StorageRoot> roots) {
    try (Workers workers = new Workers(1, 1, 64)) {
      return list(roots, workers);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The listing of every root, the third level (which holds every patient folder: the one large listing) spread over
   * {@code workers}; empty when a folder could not be listed (then only a full walk can tell).
   */
  static Optional<TopLevel> list(List<StorageRoot> roots, Workers workers) throws IOException {
    Set<Place> names = new HashSet<>();
    Set<Place> odd = new HashSet<>();
    List<Place> second = new ArrayList<>();
    try {
      for (int r = 0; r < roots.size(); r++) {
        for (String l1 : folders(roots.get(r), r, "", odd)) {
          for (String l2 : folders(roots.get(r), r, l1, odd)) {
            second.add(new Place(r, l2));
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    record Listed(List<Place> names, boolean ok) {}
    Iterator<Workers.Task<Listed>> tasks = second.stream().<Workers.Task<Listed>>map(p -> emit -> {
      List<Place> found = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(roots.get(p.root()).resolve(p.path()))) {
        for (Path child : ds) {
          found.add(new Place(p.root(), p.path() + "/" + child.getFileName()));
        }
        emit.accept(new Listed(found, true));
      } catch (IOException e) {
        emit.accept(new Listed(List.of(), false));
      }
    }).iterator();
    boolean[] ok = {true};
    workers.run(tasks, l -> {
      ok[0] &= l.ok();
      names.addAll(l.names());
    });
    return ok[0] ? Optional.of(new TopLevel(Set.copyOf(names), Set.copyOf(odd))) : Optional.empty();
  }

  private static List<String> folders(StorageRoot root, int index, String rel, Set<Place> odd) throws IOException {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(rel.isEmpty() ? root.path() : root.resolve(rel))) {
      for (Path child : ds) {
        String name = child.getFileName().toString();
        String path = rel.isEmpty() ? name : rel + "/" + name;
        BasicFileAttributes a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory() && rel.isEmpty() && isYearFolder(name)) {
          continue; // the transaction storage, read by Storage.transactions
        }
        if (a.isDirectory()) {
          out.add(path);
        } else {
          odd.add(new Place(index, path));
        }
      }
    }
    return out;
  }

  /** A top-level folder of four digits: a transaction year folder (prefix folders have three characters). */
  static boolean isYearFolder(String name) {
    return name.length() == 4 && name.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}

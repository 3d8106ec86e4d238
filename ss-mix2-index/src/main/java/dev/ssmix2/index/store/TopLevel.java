package dev.ssmix2.index.store;

import dev.ssmix2.core.storage.StorageRoot;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storage above the patient folders: the two patient-ID prefix levels and the names inside them. Listing these
 * few folders (names only at the third level, no {@code stat}) finds new patient folders and anything else that
 * appeared there, without walking a single patient.
 *
 * @param names every entry at the patient-folder level, as {@code L1/L2/name} per root
 * @param odd entries at the prefix levels that are not folders (or are links): the walker reports them as unplaced
 */
record TopLevel(Set<Place> names, Set<Place> odd) {

  /** An entry of one root: the root's index and the relative path. */
  record Place(int root, String path) {}

  /** The listing of every root, or empty when a folder could not be listed (then only a full walk can tell). */
  static Optional<TopLevel> list(List<StorageRoot> roots) {
    Set<Place> names = ConcurrentHashMap.newKeySet();
    Set<Place> odd = ConcurrentHashMap.newKeySet();
    try {
      List<Place> second = new ArrayList<>();
      for (int r = 0; r < roots.size(); r++) {
        for (String l1 : folders(roots.get(r), r, "", odd)) {
          for (String l2 : folders(roots.get(r), r, l1, odd)) {
            second.add(new Place(r, l2));
          }
        }
      }
      // the third level holds every patient folder: the one large listing, spread over the caller's pool
      boolean listed = second.parallelStream().allMatch(p -> {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(roots.get(p.root()).resolve(p.path()))) {
          for (Path child : ds) {
            names.add(new Place(p.root(), p.path() + "/" + child.getFileName()));
          }
          return true;
        } catch (IOException e) {
          return false;
        }
      });
      return listed ? Optional.of(new TopLevel(names, odd)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static List<String> folders(StorageRoot root, int index, String rel, Set<Place> odd) throws IOException {
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(rel.isEmpty() ? root.path() : root.resolve(rel))) {
      for (Path child : ds) {
        String path = rel.isEmpty() ? child.getFileName().toString() : rel + "/" + child.getFileName();
        BasicFileAttributes a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isDirectory()) {
          out.add(path);
        } else {
          odd.add(new Place(index, path));
        }
      }
    }
    return out;
  }
}

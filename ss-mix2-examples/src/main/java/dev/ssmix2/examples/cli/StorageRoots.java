package dev.ssmix2.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The storage roots a user typed, checked before any work starts: each must exist, be a folder and look like an
 * SS-MIX2 root (folders {@code <id[0:3]>/<id[3:6]>/<id>}); the same folder given twice is used once; the folder
 * above the roots is refused with the roots it holds as a suggestion; and an index folder may not lie inside a root
 * (nor a root inside the index folder), because nothing may ever be written into a storage.
 *
 * <p>The shape check looks at a bounded number of folders (at most {@link #LISTING_BUDGET} listings per root), so
 * it costs milliseconds on a storage of millions of files. An empty folder, or one holding only prefix folders
 * without patients yet, is an empty storage: the command goes on and warns.
 */
final class StorageRoots {
  /** Folder listings one shape check may make; a real storage shows a patient folder within the first few. */
  static final int LISTING_BUDGET = 400;

  /** Files that desktops leave everywhere; they do not make a folder "not empty". */
  private static final Set<String> DESKTOP_JUNK = Set.of("Thumbs.db", "desktop.ini", "ehthumbs.db");

  private StorageRoots() {}

  /** What a folder given as a storage root looks like. */
  enum Shape {
    /** Holds at least one patient folder. */
    STORAGE,
    /** Holds nothing, or only patient-ID prefix folders without patients. */
    EMPTY,
    /** Holds something else. */
    NOT_A_STORAGE
  }

  /**
   * Checks the roots and returns them without duplicates (same real folder), in the order given. Duplicates are
   * reported on {@code err} as a warning.
   *
   * @throws UsageException when a root is missing, not a folder, not a storage, or the folder above the roots
   */
  static List<Path> check(String command, List<Path> roots, PrintWriter err) {
    Map<Path, Path> byRealPath = new LinkedHashMap<>();
    for (Path root : roots) {
      if (!Files.exists(root)) {
        throw new UsageException("storage root " + root + " does not exist");
      }
      if (!Files.isDirectory(root)) {
        throw new UsageException(root + " is not a folder; give the storage root folder (the one holding the "
            + "patient-ID prefix folders such as 000/ … 999/)");
      }
      Path real = realPath(root);
      Path first = byRealPath.putIfAbsent(real, root);
      if (first != null) {
        err.println("ssmix2 " + command + ": warning: " + root + " is the same folder as " + first
            + "; reading it once");
        continue;
      }
      describeUnusable(root, real).ifPresent(reason -> {
        throw new UsageException(reason);
      });
    }
    return List.copyOf(byRealPath.values());
  }

  /**
   * Refuses an index folder inside a storage root, or a root inside the index folder. The index folder need not
   * exist yet; symbolic links are resolved, so a link into the storage is caught too.
   *
   * @throws UsageException when they overlap
   */
  static void checkIndexOutside(Path indexDir, List<Path> roots) {
    Path index = realPathOfMaybeMissing(indexDir);
    for (Path root : roots) {
      Path real = realPathOfMaybeMissing(root);
      if (index.startsWith(real)) {
        throw new UsageException("the index folder " + indexDir + " is inside the storage root " + root
            + "; a storage is never written to, so put the index outside it, e.g. --index "
            + suggestedIndex(real));
      }
      if (real.startsWith(index)) {
        throw new UsageException("the storage root " + root + " is inside the index folder " + indexDir
            + "; the index folder must be a separate folder outside the storage");
      }
    }
  }

  /** Why a root cannot be used, if it cannot: not a storage, the folder above the roots, a folder inside one. */
  private static Optional<String> describeUnusable(Path root, Path real) {
    Shape shape = shape(real);
    if (shape == Shape.STORAGE) {
      return Optional.empty();
    }
    for (Path up = real.getParent(); up != null && real.getNameCount() - up.getNameCount() <= 3;
        up = up.getParent()) {
      if (shape(up) == Shape.STORAGE) {
        return Optional.of(root + " is a folder inside the storage whose root is " + up + "; give the root");
      }
    }
    if (shape == Shape.EMPTY) {
      return Optional.empty();
    }
    List<Path> children = childRoots(real);
    if (!children.isEmpty()) {
      String names = joinAnd(children.stream().map(c -> c.getFileName() + "/").toList());
      String args = children.stream().map(c -> root.resolve(c.getFileName().toString()).toString())
          .collect(Collectors.joining(" "));
      return Optional.of(root + " is the folder above the storage roots, not a root itself; did you mean " + names
          + "? Give them as: " + args);
    }
    return Optional.of(root + " is not an SS-MIX2 storage: it holds " + sample(real)
        + " but no patient folders (expected <first 3 ID characters>/<next 3>/<patient ID>/, e.g. "
        + "000/000/0000000777/)");
  }

  /** True when every root is empty: no patient folders, at most prefix folders and desktop junk. */
  static boolean allEmpty(List<Path> roots) {
    return roots.stream().allMatch(r -> shape(r) == Shape.EMPTY);
  }

  /** The shape of one folder, from a bounded look at its first three levels. */
  static Shape shape(Path folder) {
    int[] budget = {LISTING_BUDGET};
    List<Path> top = list(folder, budget);
    List<Path> meaningful = top.stream().filter(p -> !isJunk(p)).toList();
    if (meaningful.isEmpty()) {
      return Shape.EMPTY;
    }
    boolean allPrefixFolders = true;
    for (Path first : meaningful) {
      if (!isPrefixFolder(first)) {
        allPrefixFolders = false;
        continue;
      }
      for (Path second : list(first, budget)) {
        if (!isPrefixFolder(second)) {
          continue;
        }
        String prefix = first.getFileName().toString() + second.getFileName();
        for (Path patient : list(second, budget)) {
          if (Files.isDirectory(patient, LinkOption.NOFOLLOW_LINKS)
              && patient.getFileName().toString().startsWith(prefix)) {
            return Shape.STORAGE;
          }
        }
      }
      if (budget[0] <= 0) {
        break;
      }
    }
    return allPrefixFolders ? Shape.EMPTY : Shape.NOT_A_STORAGE;
  }

  /** Subfolders that are storages themselves: what a user who gave the folder above the roots meant. */
  private static List<Path> childRoots(Path folder) {
    List<Path> found = new ArrayList<>();
    int[] budget = {LISTING_BUDGET};
    for (Path child : list(folder, budget)) {
      if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS) && !isJunk(child) && shape(child) == Shape.STORAGE) {
        found.add(child);
      }
    }
    found.sort(null);
    return found;
  }

  /** 1–3 characters that can start a patient ID: the first and second level folders. */
  private static boolean isPrefixFolder(Path p) {
    String name = p.getFileName().toString();
    if (name.isEmpty() || name.length() > 3 || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    return name.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '_' && c != '/' && c != '\\' && c != '.');
  }

  private static boolean isJunk(Path p) {
    String name = p.getFileName().toString();
    return name.startsWith(".") || DESKTOP_JUNK.contains(name);
  }

  /** The entries of a folder, sorted, at most what the budget allows; an unreadable folder lists as empty. */
  private static List<Path> list(Path folder, int[] budget) {
    List<Path> entries = new ArrayList<>();
    if (budget[0] <= 0 || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)) {
      return entries;
    }
    budget[0]--;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
      for (Path p : s) {
        entries.add(p);
        if (entries.size() >= 2_000) {
          break;
        }
      }
    } catch (IOException | SecurityException e) {
      return entries;
    }
    entries.sort(null);
    return entries;
  }

  private static String sample(Path folder) {
    List<Path> entries = list(folder, new int[] {1}).stream().filter(p -> !isJunk(p)).toList();
    String names = entries.stream().limit(3)
        .map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).collect(Collectors.joining(", "));
    return entries.size() > 3 ? names + " and " + (entries.size() - 3) + " more" : names;
  }

  /** "a/", "a/ and b/", "a/, b/ and c/". */
  private static String joinAnd(List<String> l) {
    return l.size() <= 1 ? String.join("", l)
        : String.join(", ", l.subList(0, l.size() - 1)) + " and " + l.get(l.size() - 1);
  }

  private static Path suggestedIndex(Path root) {
    Path parent = root.getParent();
    Path outside = parent == null ? root : parent;
    while (outside.getParent() != null && shape(outside) != Shape.NOT_A_STORAGE) {
      outside = outside.getParent();
    }
    return outside.resolve("ssmix2-index");
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** The real path of the deepest existing ancestor, with the missing rest appended. */
  static Path realPathOfMaybeMissing(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    return realPath(existing).resolve(existing.relativize(abs)).normalize();
  }
}

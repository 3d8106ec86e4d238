package dev.ssmix2.index.store;

import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StorageEntry;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.storage.UnplacedEntry;
import dev.ssmix2.core.storage.UnplacedEntry.Problem;
import dev.ssmix2.index.store.FolderManifest.FileTime;
import dev.ssmix2.index.store.FolderManifest.FolderTime;
import dev.ssmix2.index.store.FolderManifest.Part;
import dev.ssmix2.index.store.FolderManifest.Unplaced;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Makes the {@link FolderManifest} of a patient the core walker has just walked: the walk gives the placed files and
 * unplaced entries, this adds every folder's modification time.
 *
 * <p>Why the patient folder and its 診療日 folders are listed once more: an empty 診療日 or data-type folder yields no
 * entry in the walk, yet a file written into it later changes only that folder's time, so it must be in the
 * manifest too. Data-type folders are not listed again, because the walk reports every entry inside them.
 *
 * <p>A folder time at or after {@code trustedBefore} is recorded as {@link FolderManifest#UNTRUSTED}: file systems
 * stamp folders with a coarse clock (a few milliseconds on Linux, up to two seconds on FAT), so a file added just after
 * the walk listed the folder may leave its time unchanged. {@code trustedBefore} is the run's start minus a margin
 * that covers that tick and a little clock skew between this machine and a file server.
 */
final class FolderRecorder {
  private FolderRecorder() {}

  static FolderManifest record(PatientFolder patient, List<StorageRoot> roots, long trustedBeforeNanos) {
    Map<String, PartBuilder> parts = new TreeMap<>();
    for (StorageFile f : patient.files()) {
      part(parts, roots, f.root(), f.relativePath()).files.add(
          new FileTime(inside(f.relativePath()), f.size(), f.lastModified()));
    }
    for (UnplacedEntry u : patient.unplaced()) {
      part(parts, roots, u.root(), u.relativePath()).unplaced.add(
          new Unplaced(inside(u.relativePath()), u.problem(), u.reason()));
    }
    List<Part> out = new ArrayList<>(parts.size());
    for (PartBuilder b : parts.values()) {
      out.add(b.build(roots.get(b.root), trustedBeforeNanos));
    }
    return new FolderManifest(patient.patientId().value(), out);
  }

  /**
   * The manifest of a patient after the data-type folders named by the transaction storage were listed again: in
   * each root, the files and unplaced entries under those folders are replaced by what the listing found, and the
   * times of the patient folder, the 診療日 folders and the listed folders are read anew (a missing folder is dropped).
   * Everything else stays as the last commit recorded it.
   *
   * @param listed per data-type folder ({@code 診療日/データ種別}, relative to the patient folder), its entries in every
   *     root
   */
  static FolderManifest refresh(FolderManifest old, PatientId patient, Map<String, List<StorageEntry>> listed,
      List<StorageRoot> roots, long trustedBeforeNanos) {
    String home = patient.firstFolder() + "/" + patient.secondFolder() + "/" + patient.value();
    List<Part> parts = new ArrayList<>();
    Set<Integer> homeRoots = new HashSet<>();
    for (Part p : old.parts()) {
      if (p.folder().equals(home) && p.root() < roots.size()) {
        homeRoots.add(p.root());
        parts.add(refreshPart(p, listed, roots, trustedBeforeNanos));
      } else {
        parts.add(p);
      }
    }
    for (int r = 0; r < roots.size(); r++) {
      int root = r;
      boolean found = listed.values().stream().flatMap(List::stream).anyMatch(e -> e.root().equals(roots.get(root)));
      if (!homeRoots.contains(r) && found) {
        parts.add(refreshPart(new Part(r, home, List.of(), List.of(), List.of()), listed, roots, trustedBeforeNanos));
      }
    }
    parts.removeIf(p -> p.files().isEmpty() && p.unplaced().isEmpty()
        && !Files.isDirectory(roots.get(p.root()).resolve(p.folder()), LinkOption.NOFOLLOW_LINKS));
    parts.sort(java.util.Comparator.comparingInt(Part::root).thenComparing(Part::folder));
    return new FolderManifest(old.patient(), parts);
  }

  private static Part refreshPart(Part p, Map<String, List<StorageEntry>> listed, List<StorageRoot> roots,
      long trustedBeforeNanos) {
    StorageRoot root = roots.get(p.root());
    List<FileTime> files = new ArrayList<>(p.files());
    List<Unplaced> unplaced = new ArrayList<>(p.unplaced());
    Map<String, Long> folders = new TreeMap<>();
    p.folders().forEach(f -> folders.put(f.path(), f.modifiedNanos()));
    Path base = root.resolve(p.folder());
    for (Map.Entry<String, List<StorageEntry>> e : listed.entrySet()) {
      String prefix = e.getKey() + "/";
      files.removeIf(f -> f.path().startsWith(prefix));
      unplaced.removeIf(u -> u.path().startsWith(prefix) || u.path().equals(e.getKey()));
      for (StorageEntry entry : e.getValue()) {
        if (!entry.root().equals(root)) {
          continue;
        }
        if (entry instanceof StorageFile f) {
          files.add(new FileTime(inside(f.relativePath()), f.size(), f.lastModified()));
        } else if (entry instanceof UnplacedEntry u) {
          unplaced.add(new Unplaced(inside(u.relativePath()), u.problem(), u.reason()));
        }
      }
      String date = e.getKey().substring(0, e.getKey().indexOf('/'));
      for (String folder : List.of("", date, e.getKey())) {
        Path dir = folder.isEmpty() ? base : base.resolve(folder);
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
          folders.put(folder, time(dir, trustedBeforeNanos));
        } else {
          folders.remove(folder);
        }
      }
    }
    files.sort(java.util.Comparator.comparing(FileTime::path));
    unplaced.sort(java.util.Comparator.comparing(Unplaced::path));
    List<FolderTime> times = new ArrayList<>();
    folders.forEach((path, nanos) -> times.add(new FolderTime(path, nanos)));
    return new Part(p.root(), p.folder(), times, files, unplaced);
  }

  /** {@code L1/L2/患者ID} of a path inside a patient folder. */
  static String patientFolder(String relativePath) {
    int slash = relativePath.indexOf('/');
    slash = slash < 0 ? -1 : relativePath.indexOf('/', slash + 1);
    slash = slash < 0 ? -1 : relativePath.indexOf('/', slash + 1);
    return slash < 0 ? relativePath : relativePath.substring(0, slash);
  }

  private static String inside(String relativePath) {
    String folder = patientFolder(relativePath);
    return folder.length() == relativePath.length() ? "" : relativePath.substring(folder.length() + 1);
  }

  private static PartBuilder part(Map<String, PartBuilder> parts, List<StorageRoot> roots, StorageRoot root,
      String relativePath) {
    int index = roots.indexOf(root);
    if (index < 0) {
      throw new IllegalStateException("entry " + relativePath + " of root " + root + " is not in " + roots);
    }
    String folder = patientFolder(relativePath);
    return parts.computeIfAbsent(index + "/" + folder, k -> new PartBuilder(index, folder));
  }

  private static final class PartBuilder {
    final int root;
    final String folder;
    final List<FileTime> files = new ArrayList<>();
    final List<Unplaced> unplaced = new ArrayList<>();

    PartBuilder(int root, String folder) {
      this.root = root;
      this.folder = folder;
    }

    Part build(StorageRoot storageRoot, long trustedBefore) {
      Set<String> known = new HashSet<>();
      files.forEach(f -> known.add(f.path()));
      unplaced.forEach(u -> known.add(u.path()));
      // a folder that could not be read may become readable without any time changing: walk it again every run
      boolean unreadable = unplaced.stream().anyMatch(u -> u.problem() == Problem.UNREADABLE);
      List<FolderTime> folders = new ArrayList<>();
      Path base = storageRoot.resolve(folder);
      folders.add(new FolderTime("", unreadable ? FolderManifest.UNTRUSTED : time(base, trustedBefore)));
      for (String date : subfolders(base, "", known, folders, trustedBefore)) {
        subfolders(base, date, known, folders, trustedBefore);
      }
      folders.sort(java.util.Comparator.comparing(FolderTime::path));
      return new Part(root, folder, folders, files, unplaced);
    }
  }

  /**
   * Adds the folders directly inside {@code rel} (relative to the patient folder) that the walk did not report as
   * unplaced; returns their relative paths. A folder that cannot be listed makes its own time untrusted.
   */
  private static List<String> subfolders(Path base, String rel, Set<String> known, List<FolderTime> folders,
      long trustedBefore) {
    Path dir = rel.isEmpty() ? base : base.resolve(rel);
    List<String> found = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        String name = child.getFileName().toString();
        String path = rel.isEmpty() ? name : rel + "/" + name;
        if (known.contains(path)) {
          continue;
        }
        BasicFileAttributes a;
        try {
          a = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
          continue; // gone since the walk: the folder's own time has moved on, so the next run looks again
        }
        if (a.isDirectory()) {
          found.add(path);
          folders.add(new FolderTime(path, trusted(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), trustedBefore)));
        }
      }
    } catch (IOException e) {
      untrust(folders, rel);
    }
    return found;
  }

  private static void untrust(List<FolderTime> folders, String rel) {
    for (int i = 0; i < folders.size(); i++) {
      if (folders.get(i).path().equals(rel)) {
        folders.set(i, new FolderTime(rel, FolderManifest.UNTRUSTED));
      }
    }
  }

  private static long time(Path dir, long trustedBefore) {
    try {
      BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isDirectory() ? trusted(a.lastModifiedTime().to(TimeUnit.NANOSECONDS), trustedBefore)
          : FolderManifest.UNTRUSTED;
    } catch (IOException e) {
      return FolderManifest.UNTRUSTED;
    }
  }

  private static long trusted(long nanos, long trustedBefore) {
    return nanos < trustedBefore ? nanos : FolderManifest.UNTRUSTED;
  }
}

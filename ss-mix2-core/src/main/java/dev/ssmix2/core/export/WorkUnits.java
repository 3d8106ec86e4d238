package dev.ssmix2.core.export;

import dev.ssmix2.core.internal.Folders;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StorageRoot;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Cuts a storage into work units that are the same in every run, so a completion marker names the same patients
 * next time: each patient-ID prefix folder ({@code <id[0:3]>/<id[3:6]>}, across all roots) is split into
 * {@link #BUCKETS} buckets by a hash of the patient ID. Only folder names are listed here, never files.
 *
 * <p>Entries that are no patient folder (stray files, links, folders with a bad name) at these levels are reported
 * to the caller, attributed to the first bucket of their prefix folder (or to the top unit), so each is reported
 * once per export however the export is resumed.
 */
final class WorkUnits {
  /** Buckets per prefix folder: enough for every thread to have work on a storage of one prefix folder. */
  static final int BUCKETS = 16;

  private WorkUnits() {}

  /** One unit: its name (used in file names), its patients and the unplaced entries it reports. */
  record Unit(String name, List<PatientId> patients, List<Stray> strays) {}

  /** An entry outside any patient folder. */
  record Stray(StorageRoot root, String relativePath, String code, String reason) {}

  /** The prefix folders {@code l1/l2} of all roots, in order; strays at the two top levels go to {@code top}. */
  static List<String> prefixes(List<StorageRoot> roots, Consumer<Stray> top) {
    TreeSet<String> out = new TreeSet<>();
    for (StorageRoot r : roots) {
      for (String l1 : folders(r, "", top)) {
        for (String l2 : folders(r, l1, top)) {
          out.add(l1 + "/" + l2);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** The units of one prefix folder (empty buckets left out). */
  static List<Unit> units(List<StorageRoot> roots, String prefix) {
    Map<Integer, List<PatientId>> buckets = new TreeMap<>();
    List<Stray> strays = new ArrayList<>();
    TreeSet<String> ids = new TreeSet<>();
    for (StorageRoot r : roots) {
      Path dir = r.resolve(prefix);
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      for (String name : folders(r, prefix, strays::add)) {
        try {
          PatientId id = PatientId.of(name);
          if (!prefix.equals(id.firstFolder() + "/" + id.secondFolder())) {
            strays.add(new Stray(r, prefix + "/" + name, "wrong-folder",
                "patient folder " + name + " lies under " + prefix + "; its ID belongs under " + id.firstFolder()
                    + "/" + id.secondFolder()));
            continue;
          }
          ids.add(id.value());
        } catch (IllegalArgumentException e) {
          strays.add(new Stray(r, prefix + "/" + name, "bad-folder", "not a patient-ID folder: " + e.getMessage()));
        }
      }
    }
    for (String id : ids) {
      buckets.computeIfAbsent(Math.floorMod(id.hashCode(), BUCKETS), b -> new ArrayList<>()).add(PatientId.of(id));
    }
    List<Unit> out = new ArrayList<>();
    String base = prefix.replace('/', '-');
    for (Map.Entry<Integer, List<PatientId>> b : buckets.entrySet()) {
      out.add(new Unit(base + "-" + String.format("%02d", b.getKey()), b.getValue(),
          out.isEmpty() ? strays : List.of()));
    }
    if (out.isEmpty() && !strays.isEmpty()) {
      out.add(new Unit(base + "-00", List.of(), strays));
    }
    return out;
  }

  /** Sub-folder names of {@code rel}; anything else goes to {@code strays}. */
  private static List<String> folders(StorageRoot root, String rel, Consumer<Stray> strays) {
    return Folders.list(root, rel,
        u -> strays.accept(new Stray(u.root(), u.relativePath(), u.problem().code(), u.reason())), "folders");
  }
}

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
 * next time. A unit holds about {@code unitPatients} patients (the target, {@link ExportOptions#unitPatients()}):
 * a patient-ID prefix folder ({@code <id[0:3]>/<id[3:6]>}, across all roots) with at least the target is split into
 * {@code ceil(n / target)} buckets by a hash of the patient ID; smaller prefix folders are grouped, in order, with
 * the ones after them until the group reaches the target. Only folder names are listed here, never files.
 *
 * <p>Units are this big because every unit writes one Parquet file per table and partition: ~110 files per unit on
 * the realistic storage, whatever its size, so small units mostly cost per-file work ({@code benchmarks/README.md},
 * "Research export: fewer, larger work units").
 *
 * <p>Entries that are no patient folder (stray files, links, folders with a bad name) at these levels are reported
 * to the caller, attributed to the first unit of their prefix folder (or to the top unit), so each is reported
 * once per export however the export is resumed.
 */
final class WorkUnits {
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

  /**
   * The units of the given prefix folders (in order), each named after its first prefix folder and bucket:
   * {@code <l1>-<l2>-<bb>}.
   */
  static List<Unit> units(List<StorageRoot> roots, List<String> prefixes, int unitPatients) {
    if (unitPatients < 1) {
      throw new IllegalArgumentException("unitPatients " + unitPatients + " is out of range; expected at least 1");
    }
    List<Unit> out = new ArrayList<>();
    String groupName = null;
    List<PatientId> groupIds = new ArrayList<>();
    List<Stray> groupStrays = new ArrayList<>();
    for (String prefix : prefixes) {
      List<Stray> strays = new ArrayList<>();
      TreeSet<String> ids = patients(roots, prefix, strays);
      String base = prefix.replace('/', '-');
      if (ids.size() < unitPatients) {
        if (groupName == null) {
          groupName = base + "-00";
        }
        ids.forEach(id -> groupIds.add(PatientId.of(id)));
        groupStrays.addAll(strays);
        if (groupIds.size() >= unitPatients) {
          out.add(new Unit(groupName, List.copyOf(groupIds), List.copyOf(groupStrays)));
          groupName = null;
          groupIds.clear();
          groupStrays.clear();
        }
        continue;
      }
      int buckets = (ids.size() + unitPatients - 1) / unitPatients;
      Map<Integer, List<PatientId>> byBucket = new TreeMap<>();
      for (String id : ids) {
        byBucket.computeIfAbsent(Math.floorMod(id.hashCode(), buckets), b -> new ArrayList<>()).add(PatientId.of(id));
      }
      boolean first = true;
      for (Map.Entry<Integer, List<PatientId>> b : byBucket.entrySet()) {
        out.add(new Unit(base + "-" + String.format("%02d", b.getKey()), b.getValue(), first ? strays : List.of()));
        first = false;
      }
    }
    if (groupName != null) {
      out.add(new Unit(groupName, List.copyOf(groupIds), List.copyOf(groupStrays)));
    }
    return out;
  }

  /** The patient IDs of one prefix folder over all roots, sorted; misplaced or badly named entries to {@code strays}. */
  private static TreeSet<String> patients(List<StorageRoot> roots, String prefix, List<Stray> strays) {
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
    return ids;
  }

  /** Sub-folder names of {@code rel}; anything else goes to {@code strays}. */
  private static List<String> folders(StorageRoot root, String rel, Consumer<Stray> strays) {
    return Folders.list(root, rel,
        u -> strays.accept(new Stray(u.root(), u.relativePath(), u.problem().code(), u.reason())), "folders");
  }
}

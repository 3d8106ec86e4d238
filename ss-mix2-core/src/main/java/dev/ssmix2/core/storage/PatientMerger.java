package dev.ssmix2.core.storage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Merges the ordered walks of several roots into one sequence of patients. Every walk yields entries in
 * {@code L1/L2/患者ID} order, so the entries of one patient are consecutive in each walk and a k-way merge on that
 * path prefix gathers them without holding more than one patient in memory.
 */
final class PatientMerger implements Iterator<PatientFolder> {

  private final List<PeekingWalk> walks = new ArrayList<>();
  private final Consumer<UnplacedEntry> onUnplaced;
  private PatientFolder next;

  PatientMerger(List<Iterator<StorageEntry>> walkers, Consumer<UnplacedEntry> onUnplaced) {
    for (Iterator<StorageEntry> w : walkers) {
      walks.add(new PeekingWalk(w));
    }
    this.onUnplaced = onUnplaced;
  }

  @Override
  public boolean hasNext() {
    while (next == null) {
      String[] smallest = null;
      for (PeekingWalk w : walks) {
        if (w.head != null && (smallest == null || compare(w.headKey, smallest) < 0)) {
          smallest = w.headKey;
        }
      }
      if (smallest == null) {
        return false;
      }
      List<StorageFile> files = new ArrayList<>();
      List<UnplacedEntry> unplaced = new ArrayList<>();
      for (PeekingWalk w : walks) {
        while (w.head != null && compare(w.headKey, smallest) == 0) {
          StorageEntry e = w.advance();
          if (e instanceof StorageFile f) {
            files.add(f);
          } else {
            unplaced.add((UnplacedEntry) e);
          }
        }
      }
      if (smallest.length < 3) {
        unplaced.forEach(onUnplaced);
        continue;
      }
      PatientId id;
      try {
        id = PatientId.of(smallest[2]);
      } catch (IllegalArgumentException e) {
        unplaced.forEach(onUnplaced);
        continue;
      }
      next = new PatientFolder(id, files, unplaced);
    }
    return true;
  }

  @Override
  public PatientFolder next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    PatientFolder p = next;
    next = null;
    return p;
  }

  /** The first three path segments (L1, L2, patient folder), or fewer for entries above patient level. */
  static String[] patientKey(String relativePath) {
    String[] parts = relativePath.split("/", 4);
    if (parts.length <= 3) {
      // An entry at patient level or above: a patient folder itself is never emitted, so a 3-segment entry is a
      // stray file or bad folder in an L2 folder and belongs to no patient.
      String[] k = new String[Math.min(parts.length, 2)];
      System.arraycopy(parts, 0, k, 0, k.length);
      return parts.length == 3 ? new String[] {parts[0], parts[1], "\u0000" + parts[2]} : k;
    }
    return new String[] {parts[0], parts[1], parts[2]};
  }

  private static int compare(String[] a, String[] b) {
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int c = a[i].compareTo(b[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static final class PeekingWalk {
    private final Iterator<StorageEntry> it;
    private StorageEntry head;
    private String[] headKey;

    PeekingWalk(Iterator<StorageEntry> it) {
      this.it = it;
      advance();
    }

    StorageEntry advance() {
      StorageEntry current = head;
      head = it.hasNext() ? it.next() : null;
      headKey = head == null ? null : patientKey(head.relativePath());
      return current;
    }
  }
}

package dev.ssmix2.core.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one work unit wrote: rows per table, patients, the files that could not be read and which kinds of values
 * were removed. Saved beside the unit's completion marker, so a resumed export can still report the whole storage.
 */
final class UnitStats {
  final Map<String, Long> rows = new TreeMap<>();
  final List<Unreadable> unreadable = new ArrayList<>();
  final TreeSet<String> removed = new TreeSet<>();
  long patients;

  /** A file that could not be used: its place (identified exports only), record ID, problem code and reason. */
  record Unreadable(String root, String path, String recordId, String code, String reason) {}

  void row(String table) {
    rows.merge(table, 1L, Long::sum);
  }

  void unreadable(String root, String path, String recordId, String code, String reason) {
    unreadable.add(new Unreadable(root, path, recordId, code, reason));
  }

  void removed(String what) {
    removed.add(what);
  }

  void add(UnitStats other) {
    other.rows.forEach((k, v) -> rows.merge(k, v, Long::sum));
    unreadable.addAll(other.unreadable);
    removed.addAll(other.removed);
    patients += other.patients;
  }
}

package dev.ssmix2.core.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An exported table: its name, its columns in the mode of this export (identifying columns only when identified)
 * and whether it is partitioned by year as well as by facility.
 */
final class TableSpec {
  private final String name;
  private final List<Column> columns;
  private final boolean byYear;
  /** Every column name in declaration order, identifying ones included, and its position in this mode (or -1). */
  private final String[] declared;
  private final int[] declaredAt;
  /** The declaration index of every column name. */
  private final Map<String, Integer> declaredIndex = new HashMap<>();

  TableSpec(String name, List<Column> all, boolean identified, boolean byYear) {
    this.name = name;
    this.columns = all.stream().filter(c -> identified || !c.identifying()).toList();
    this.byYear = byYear;
    declared = all.stream().map(Column::name).toArray(String[]::new);
    declaredAt = all.stream().mapToInt(c -> columns.indexOf(c)).toArray();
    for (int d = 0; d < declared.length; d++) {
      declaredIndex.put(declared[d], d);
    }
  }

  String name() {
    return name;
  }

  List<Column> columns() {
    return columns;
  }

  boolean byYear() {
    return byYear;
  }

  boolean has(String column) {
    Integer d = declaredIndex.get(column);
    return d != null && declaredAt[d] >= 0;
  }

  /** A new empty row of this table. */
  Row row() {
    return new Row(this);
  }

  /** Position of a column of this mode, -1 for an identifying column left out of a de-identified export. */
  int indexOf(String column) {
    return declaredAt[declared(column)];
  }

  /** Declaration index of a column (identifying ones included). */
  private int declared(String column) {
    Integer d = declaredIndex.get(column);
    if (d == null) {
      throw new IllegalArgumentException("table " + name + " has no column " + column);
    }
    return d;
  }

  /**
   * A row being filled by column name; identifying values are dropped silently in a de-identified export. The rows
   * of the export fill their columns in declaration order, so a put first tries the column after the last one put,
   * compared by identity (the names are the same string constants), before it looks the name up.
   */
  static final class Row {
    private final TableSpec table;
    private final Object[] values;
    /** The declared column after the one put last. */
    private int next;

    private Row(TableSpec table) {
      this.table = table;
      this.values = new Object[table.columns.size()];
    }

    Row put(String column, Object value) {
      int i;
      int n = next;
      String[] declared = table.declared;
      if (n < declared.length && declared[n] == column) {
        i = table.declaredAt[n];
        next = n + 1;
      } else {
        int d = table.declared(column);
        i = table.declaredAt[d];
        next = d + 1;
      }
      if (i >= 0) {
        values[i] = value instanceof String s && s.isEmpty() ? null : value;
      }
      return this;
    }

    Object get(String column) {
      int i = table.indexOf(column);
      return i < 0 ? null : values[i];
    }

    TableSpec table() {
      return table;
    }

    Object[] values() {
      return values;
    }
  }
}

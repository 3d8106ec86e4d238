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
  /** Position of every column of the table in this mode; -1 for an identifying column left out (one lookup a put). */
  private final Map<String, Integer> index = new HashMap<>();

  TableSpec(String name, List<Column> all, boolean identified, boolean byYear) {
    this.name = name;
    this.columns = all.stream().filter(c -> identified || !c.identifying()).toList();
    this.byYear = byYear;
    for (Column c : all) {
      index.put(c.name(), -1);
    }
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i).name(), i);
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
    Integer i = index.get(column);
    return i != null && i >= 0;
  }

  /** A new empty row of this table. */
  Row row() {
    return new Row(this);
  }

  /** Position of a column of this mode, -1 for an identifying column left out of a de-identified export. */
  int indexOf(String column) {
    Integer i = index.get(column);
    if (i == null) {
      throw new IllegalArgumentException("table " + name + " has no column " + column);
    }
    return i;
  }

  /** A row being filled by column name; identifying values are dropped silently in a de-identified export. */
  static final class Row {
    private final TableSpec table;
    private final Object[] values;

    private Row(TableSpec table) {
      this.table = table;
      this.values = new Object[table.columns.size()];
    }

    Row put(String column, Object value) {
      int i = table.indexOf(column);
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

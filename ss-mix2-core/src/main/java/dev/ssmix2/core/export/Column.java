package dev.ssmix2.core.export;

/**
 * One column of an exported table.
 *
 * @param identifying whether the column is written only in an identified export (names, IDs, paths, free text)
 */
record Column(String name, ColumnType type, boolean identifying) {
  static Column of(String name, ColumnType type) {
    return new Column(name, type, false);
  }

  static Column identifying(String name, ColumnType type) {
    return new Column(name, type, true);
  }
}

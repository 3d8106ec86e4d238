package dev.ssmix2.core.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the rows of one work unit and makes them visible all at once: rows go to temporary files, {@link #commit()}
 * renames each into its final name atomically. A crash leaves only temporary names, which no reader globbing
 * {@code *.parquet} or {@code *.csv} picks up and which the next run replaces.
 */
abstract class UnitWriter implements RowSink, AutoCloseable {
  final Layout layout;
  final String unit;
  final UnitStats stats;

  UnitWriter(Layout layout, String unit, UnitStats stats) {
    this.layout = layout;
    this.unit = unit;
    this.stats = stats;
  }

  @Override
  public final void accept(TableSpec.Row row) {
    stats.row(row.table().name());
    write(row);
  }

  abstract void write(TableSpec.Row row);

  /** Finishes every file of the unit and moves it into place. */
  abstract void commit() throws IOException;

  /** Drops what was written (after a failure). */
  @Override
  public abstract void close();

  static String facility(TableSpec.Row row) {
    return row.table().has("facility") ? (String) row.get("facility") : null;
  }

  static Integer year(TableSpec.Row row) {
    return row.table().byYear() ? (Integer) row.get("year") : null;
  }

  static void moveIntoPlace(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}

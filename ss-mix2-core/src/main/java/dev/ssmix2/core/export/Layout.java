package dev.ssmix2.core.export;

import java.nio.file.Path;

/**
 * Where the files of an export go. The default profile writes hive partitions
 * ({@code <out>/<table>/facility=<f>/year=<y>/part-<unit>.<ext>}; patients by facility only) that DuckDB, Spark,
 * Trino, pandas and R's arrow read as one table; the ssmixtools profile writes flat files
 * ({@code <out>/<table>_<unit>.<ext>}) like ssmixtools does.
 */
record Layout(Path out, ExportProfile profile, ExportFormat format) {
  static final String PROGRESS = "_progress";
  static final String STAGING = ".staging";

  /** The final file of one table, partition and unit. */
  Path file(TableSpec table, String facility, Integer year, String unit) {
    String ext = "." + format.extension();
    if (profile == ExportProfile.SSMIXTOOLS) {
      return out.resolve(table.name() + "_" + unit + ext);
    }
    Path dir = out.resolve(table.name()).resolve("facility=" + facility);
    if (table.byYear()) {
      dir = dir.resolve("year=" + year);
    }
    return dir.resolve("part-" + unit + ext);
  }

  /** A temporary name beside {@code target}: hidden, and not ending in the format's extension. */
  static Path temp(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".tmp");
  }

  Path progress() {
    return out.resolve(PROGRESS);
  }

  Path staging() {
    return out.resolve(STAGING);
  }
}

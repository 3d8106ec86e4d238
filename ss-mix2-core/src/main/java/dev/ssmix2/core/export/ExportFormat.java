package dev.ssmix2.core.export;

/** How tables are written. */
public enum ExportFormat {
  /** Apache Parquet through DuckDB's embedded engine (needs {@code org.duckdb:duckdb_jdbc}); the default. */
  PARQUET("parquet"),
  /** UTF-8 CSV with a header line, optionally with a byte-order mark for Excel; needs no extra library. */
  CSV("csv");

  private final String extension;

  ExportFormat(String extension) {
    this.extension = extension;
  }

  /** The file-name extension, also the name used on the command line. */
  public String extension() {
    return extension;
  }
}

package dev.ssmix2.core.export;

/**
 * An export that cannot start or go on: the output folder lies inside a storage root, the key file cannot be read or
 * created, Parquet was asked for without DuckDB on the class path, or the output cannot be written. The message
 * names the path and the reason. Bad data in the storage never throws: it becomes a row of the {@code files} table.
 */
public final class ExportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ExportException(String message) {
    super(message);
  }

  public ExportException(String message, Throwable cause) {
    super(message, cause);
  }
}

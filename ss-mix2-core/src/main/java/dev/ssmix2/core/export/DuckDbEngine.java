package dev.ssmix2.core.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One embedded in-memory DuckDB database for an export, with an explicit memory limit and spill folder (never inside
 * a storage root: the caller checks). Each worker thread gets its own connection to it. Only this class and
 * {@link ParquetUnitWriter} touch DuckDB, which is an optional dependency.
 */
final class DuckDbEngine implements AutoCloseable {
  private final Connection root;

  private DuckDbEngine(Connection root) {
    this.root = root;
  }

  /**
   * @throws ExportException when DuckDB is not on the class path or cannot start
   */
  static DuckDbEngine start(String memoryLimit, Path tempDir, int threads) {
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ExportException("Parquet needs DuckDB (Maven artifact org.duckdb:duckdb_jdbc) on the class path; "
          + "add it, or export CSV instead");
    }
    try {
      Files.createDirectories(tempDir);
      Connection c = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement s = c.createStatement()) {
        s.execute("SET memory_limit='" + memoryLimit + "'");
        s.execute("SET temp_directory='" + tempDir.toAbsolutePath().toString().replace("'", "''") + "'");
        s.execute("SET threads=" + threads);
        // Nothing of the export needs DuckDB's extension downloads; keep it from reaching the network.
        s.execute("SET autoinstall_known_extensions=false");
      }
      return new DuckDbEngine(c);
    } catch (SQLException | IOException e) {
      throw new ExportException("cannot start DuckDB for Parquet output: " + e.getMessage(), e);
    }
  }

  /** A new connection to the same database, for one worker thread. */
  Connection connect() throws SQLException {
    return ((org.duckdb.DuckDBConnection) root).duplicate();
  }

  @Override
  public void close() {
    try {
      root.close();
    } catch (SQLException ignored) {
      // Closing an in-memory database frees it; nothing to keep.
    }
  }
}

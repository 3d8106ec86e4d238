package dev.ssmix2.core.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Parquet through DuckDB: rows of the unit are appended to one DuckDB table per export table (DuckDB spills to its
 * temp folder beyond its memory limit), then {@code COPY … PARTITION_BY (facility, year)} writes them into a staging
 * folder of the output and each file is renamed into its partition. Column types are DuckDB's
 * (VARCHAR, INTEGER, DOUBLE, BOOLEAN, DATE, TIMESTAMP). As hive partitioning expects, the partition columns
 * (facility, year) live in the folder names only: Spark refuses a column that is in both.
 */
final class ParquetUnitWriter extends UnitWriter {
  private final Connection connection;
  private final Map<TableSpec, Open> open = new LinkedHashMap<>();

  private record Open(String sqlName, DuckDBAppender appender) {}

  ParquetUnitWriter(Layout layout, String unit, UnitStats stats, Connection connection) {
    super(layout, unit, stats);
    this.connection = connection;
  }

  private String sqlName(TableSpec table) {
    return ("u_" + unit + "_" + table.name()).replaceAll("[^A-Za-z0-9_]", "_");
  }

  @Override
  void write(TableSpec.Row row) {
    try {
      Open o = open.get(row.table());
      if (o == null) {
        o = create(row.table());
        open.put(row.table(), o);
      }
      DuckDBAppender a = o.appender();
      a.beginRow();
      Object[] values = row.values();
      List<Column> columns = row.table().columns();
      for (int i = 0; i < values.length; i++) {
        append(a, columns.get(i).type(), values[i]);
      }
      a.endRow();
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("DuckDB could not take a row of " + row.table().name()
          + ": " + e.getMessage(), e));
    }
  }

  private static void append(DuckDBAppender a, ColumnType type, Object v) throws SQLException {
    if (v == null) {
      a.appendNull();
      return;
    }
    switch (type) {
      case VARCHAR -> a.append((String) v);
      case INTEGER -> a.append(((Number) v).intValue());
      case BIGINT -> a.append(((Number) v).longValue());
      case DOUBLE -> a.append(((Number) v).doubleValue());
      case BOOLEAN -> a.append((boolean) (Boolean) v);
      case DATE -> a.append((LocalDate) v);
      case TIMESTAMP -> a.append((LocalDateTime) v);
    }
  }

  private Open create(TableSpec table) throws SQLException {
    String name = sqlName(table);
    StringBuilder ddl = new StringBuilder("CREATE OR REPLACE TABLE ").append(name).append(" (");
    List<Column> columns = table.columns();
    for (int i = 0; i < columns.size(); i++) {
      ddl.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).name()).append("\" ")
          .append(columns.get(i).type().name());
    }
    try (Statement s = connection.createStatement()) {
      s.execute(ddl.append(')').toString());
    }
    return new Open(name, ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, name));
  }

  @Override
  void commit() throws IOException {
    try {
      for (Map.Entry<TableSpec, Open> e : open.entrySet()) {
        TableSpec table = e.getKey();
        Open o = e.getValue();
        o.appender().close();
        Path staging = layout.staging().resolve(unit).resolve(table.name());
        deleteTree(staging);
        Files.createDirectories(staging.getParent());
        String partitions = layout.profile() == ExportProfile.SSMIXTOOLS ? ""
            : table.byYear() ? ", PARTITION_BY (facility, year)" : ", PARTITION_BY (facility)";
        String target = partitions.isEmpty() ? staging.resolve("data.parquet").toString() : staging.toString();
        try (Statement s = connection.createStatement()) {
          // zstd level 1, not DuckDB's default 3: each file's column chunks are small (a unit's rows of one
          // partition), so level 3 compresses them no better (the 10k export: 14.03 MB at level 1, 14.07 MB at 3)
          // and cost more CPU (10k export, 6 alternating runs each under load 7-16: 17.6 ± 1.1 s against
          // 20.0 ± 2.2 s of process CPU, lower in each of 5 back-to-back pairs; benchmarks/README.md, "Research
          // export, session 8").
          s.execute("COPY (SELECT * FROM " + o.sqlName() + ") TO '" + target.replace("'", "''")
              + "' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1" + partitions + ")");
          s.execute("DROP TABLE " + o.sqlName());
        }
        place(table, staging);
      }
      open.clear();
      deleteTree(layout.staging().resolve(unit));
    } catch (SQLException e) {
      throw new IOException("DuckDB could not write Parquet for unit " + unit + ": " + e.getMessage(), e);
    }
  }

  /** Moves every Parquet file DuckDB wrote under {@code staging} to its final name. */
  private void place(TableSpec table, Path staging) throws IOException {
    try (Stream<Path> files = Files.walk(staging)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        String facility = null;
        Integer year = null;
        for (Path part : staging.relativize(f)) {
          String s = part.toString();
          if (s.startsWith("facility=")) {
            facility = s.substring("facility=".length());
          } else if (s.startsWith("year=")) {
            year = Integer.valueOf(s.substring("year=".length()));
          }
        }
        moveIntoPlace(f, layout.file(table, facility, year, unit));
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(p);
        } else {
          Files.delete(p);
        }
      }
    }
    Files.delete(dir);
  }

  @Override
  public void close() {
    for (Open o : open.values()) {
      try (Statement s = connection.createStatement()) {
        o.appender().close();
        s.execute("DROP TABLE IF EXISTS " + o.sqlName());
      } catch (SQLException ignored) {
        // After a failure: the in-memory table goes with the database at the end of the export.
      }
    }
    open.clear();
  }
}

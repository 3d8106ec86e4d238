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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/**
 * Parquet through DuckDB: rows of the unit are appended to one DuckDB table per export table (DuckDB spills to its
 * temp folder beyond its memory limit), then {@code COPY … PARTITION_BY (facility, year)} writes them into a staging
 * folder of the output and each file is renamed into its partition. Column types are DuckDB's
 * (VARCHAR, INTEGER, DOUBLE, BOOLEAN, DATE, TIMESTAMP). As hive partitioning expects, the partition columns
 * (facility, year) live in the folder names only: Spark refuses a column that is in both.
 *
 * <p>Text reaches DuckDB as numbers: the unit keeps one dictionary of the distinct strings of its rows, appends each
 * string's number to an INTEGER column, and the {@code COPY} turns the numbers back into the strings (an index into
 * one list of the unit's strings), so the Parquet columns are VARCHAR as before. Every row of a file repeats its
 * 32-digit {@code patient_key} and {@code record_id}, and codes, units and test names repeat across rows: appending
 * each string to DuckDB costs an encoding to UTF-8 and, for 12 bytes or more, one call into native code, and DuckDB
 * then stores and scans it; the dictionary appends each distinct string once ({@code benchmarks/README.md},
 * "Research export, session 9"). The dictionary is bounded ({@link #DICTIONARY_MAX_STRINGS},
 * {@link #DICTIONARY_MAX_CHARS}): once full, the unit's further rows go to tables with VARCHAR columns, appended
 * after the coded rows.
 */
final class ParquetUnitWriter extends UnitWriter {
  /**
   * At most this many distinct strings per unit in the dictionary; with {@link #DICTIONARY_MAX_CHARS} it bounds the
   * dictionary's heap to about 40 MB per worker ({@code docs/research-export.md}, "Work units, resuming, memory").
   */
  static final int DICTIONARY_MAX_STRINGS = 1 << 18;
  /** At most this many characters of distinct strings per unit in the dictionary. */
  static final long DICTIONARY_MAX_CHARS = 1L << 23;

  private final Connection connection;
  private final int maxStrings;
  private final long maxChars;
  private final Map<TableSpec, Open> open = new LinkedHashMap<>();
  /** The unit's distinct strings, numbered from 1 in order of first use (a DuckDB list index). */
  private final Map<String, Integer> dictionary = new HashMap<>();
  private final List<String> strings = new ArrayList<>();
  private long chars;
  /** Whether the dictionary was full once: from then on every row of the unit goes to the plain tables. */
  private boolean full;
  /** The numbers of the strings of the row being written. */
  private int[] codes = new int[0];

  /** One export table of the unit: the table of coded rows and the table of plain rows (either may be absent). */
  private static final class Open {
    @Nullable String coded;
    @Nullable DuckDBAppender codedAppender;
    @Nullable String plain;
    @Nullable DuckDBAppender plainAppender;
  }

  ParquetUnitWriter(Layout layout, String unit, UnitStats stats, Connection connection) {
    this(layout, unit, stats, connection, DICTIONARY_MAX_STRINGS, DICTIONARY_MAX_CHARS);
  }

  /** With the dictionary's bounds given (tests fill it with a few strings). */
  ParquetUnitWriter(Layout layout, String unit, UnitStats stats, Connection connection, int maxStrings,
      long maxChars) {
    super(layout, unit, stats);
    this.connection = connection;
    this.maxStrings = maxStrings;
    this.maxChars = maxChars;
  }

  private String sqlName(String table) {
    return ("u_" + unit + "_" + table).replaceAll("[^A-Za-z0-9_]", "_");
  }

  @Override
  void write(TableSpec.Row row) {
    try {
      Open o = open.computeIfAbsent(row.table(), t -> new Open());
      Object[] values = row.values();
      List<Column> columns = row.table().columns();
      int[] codes = codes(values.length);
      if (!full && code(values, columns, codes)) {
        if (o.codedAppender == null) {
          o.coded = sqlName(row.table().name());
          o.codedAppender = create(o.coded, columns, true);
        }
        DuckDBAppender a = o.codedAppender;
        a.beginRow();
        for (int i = 0; i < values.length; i++) {
          Object v = values[i];
          if (v == null) {
            a.appendNull();
          } else if (columns.get(i).type() == ColumnType.VARCHAR) {
            a.append(codes[i]);
          } else {
            append(a, columns.get(i).type(), v);
          }
        }
        a.endRow();
        return;
      }
      if (o.plainAppender == null) {
        o.plain = sqlName(row.table().name() + "_plain");
        o.plainAppender = create(o.plain, columns, false);
      }
      DuckDBAppender a = o.plainAppender;
      a.beginRow();
      for (int i = 0; i < values.length; i++) {
        append(a, columns.get(i).type(), values[i]);
      }
      a.endRow();
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException("DuckDB could not take a row of " + row.table().name()
          + ": " + e.getMessage(), e));
    }
  }

  private int[] codes(int columns) {
    if (codes.length < columns) {
      codes = new int[columns];
    }
    return codes;
  }

  /**
   * Puts every string of the row into the dictionary and its number into {@code codes}; false (and the dictionary is
   * full from now on) when one does not fit.
   */
  private boolean code(Object[] values, List<Column> columns, int[] codes) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof String s && columns.get(i).type() == ColumnType.VARCHAR) {
        Integer n = dictionary.get(s);
        if (n == null) {
          if (strings.size() >= maxStrings || chars + s.length() > maxChars) {
            full = true;
            return false;
          }
          strings.add(s);
          n = strings.size();
          dictionary.put(s, n);
          chars += s.length();
        }
        codes[i] = n;
      }
    }
    return true;
  }

  private static void append(DuckDBAppender a, ColumnType type, @Nullable Object v) throws SQLException {
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
      case TIMESTAMP -> timestamp(a, (LocalDateTime) v);
    }
  }

  /**
   * A TIMESTAMP as microseconds since 1970 (what DuckDB stores), computed directly rather than by the appender's
   * {@code LocalDateTime.until}; a time with a fraction of a microsecond goes through the appender, which truncates it.
   */
  private static void timestamp(DuckDBAppender a, LocalDateTime t) throws SQLException {
    int nano = t.getNano();
    if (nano % 1000 != 0) {
      a.append(t);
      return;
    }
    a.appendEpochMicros(Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L), nano / 1000));
  }

  /** Creates a table of the unit: VARCHAR columns as INTEGER string numbers when {@code coded}. */
  private DuckDBAppender create(String name, List<Column> columns, boolean coded) throws SQLException {
    StringBuilder ddl = new StringBuilder("CREATE OR REPLACE TABLE ").append(name).append(" (");
    for (int i = 0; i < columns.size(); i++) {
      ColumnType type = columns.get(i).type();
      ddl.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).name()).append("\" ")
          .append(coded && type == ColumnType.VARCHAR ? "INTEGER" : type.name());
    }
    try (Statement s = connection.createStatement()) {
      s.execute(ddl.append(')').toString());
    }
    return ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, name);
  }

  /** The unit's strings as a one-row table holding their list, in number order. */
  private String dictionaryTable() throws SQLException {
    String table = sqlName("strings");
    String list = sqlName("string_list");
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TABLE " + table + " (n INTEGER, s VARCHAR)");
    }
    try (DuckDBAppender a = ((DuckDBConnection) connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
      for (int i = 0; i < strings.size(); i++) {
        a.beginRow();
        a.append(i + 1);
        a.append(strings.get(i));
        a.endRow();
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TABLE " + list + " AS SELECT list(s ORDER BY n) AS strings FROM " + table);
      s.execute("DROP TABLE " + table);
    }
    return list;
  }

  /** The rows of one export table in insertion order, coded rows first, with the strings put back. */
  private static String source(TableSpec table, Open o, @Nullable String list) {
    StringBuilder q = new StringBuilder();
    if (o.coded != null) {
      q.append("SELECT ");
      List<Column> columns = table.columns();
      for (int i = 0; i < columns.size(); i++) {
        String c = '"' + columns.get(i).name() + '"';
        q.append(i == 0 ? "" : ", ");
        if (columns.get(i).type() == ColumnType.VARCHAR) {
          q.append("d.strings[t.").append(c).append("] AS ").append(c);
        } else {
          q.append("t.").append(c);
        }
      }
      q.append(" FROM ").append(o.coded).append(" AS t CROSS JOIN ").append(list).append(" AS d");
    }
    if (o.plain != null) {
      q.append(o.coded != null ? " UNION ALL " : "").append("SELECT * FROM ").append(o.plain);
    }
    return q.toString();
  }

  @Override
  void commit() throws IOException {
    try {
      String list = null;
      for (Open o : open.values()) {
        if (o.codedAppender != null) {
          o.codedAppender.close();
        }
        if (o.plainAppender != null) {
          o.plainAppender.close();
        }
      }
      if (open.values().stream().anyMatch(o -> o.coded != null)) {
        list = dictionaryTable();
      }
      for (Map.Entry<TableSpec, Open> e : open.entrySet()) {
        TableSpec table = e.getKey();
        Open o = e.getValue();
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
          s.execute("COPY (" + source(table, o, list) + ") TO '" + target.replace("'", "''")
              + "' (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1" + partitions + ")");
          drop(s, o);
        }
        place(table, staging);
      }
      if (list != null) {
        try (Statement s = connection.createStatement()) {
          s.execute("DROP TABLE " + list);
        }
      }
      open.clear();
      deleteTree(layout.staging().resolve(unit));
    } catch (SQLException e) {
      throw new IOException("DuckDB could not write Parquet for unit " + unit + ": " + e.getMessage(), e);
    }
  }

  private static void drop(Statement s, Open o) throws SQLException {
    if (o.coded != null) {
      s.execute("DROP TABLE IF EXISTS " + o.coded);
    }
    if (o.plain != null) {
      s.execute("DROP TABLE IF EXISTS " + o.plain);
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
        if (o.codedAppender != null) {
          o.codedAppender.close();
        }
        if (o.plainAppender != null) {
          o.plainAppender.close();
        }
        drop(s, o);
      } catch (SQLException ignored) {
        // After a failure: the in-memory table goes with the database at the end of the export.
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + sqlName("strings"));
      s.execute("DROP TABLE IF EXISTS " + sqlName("string_list"));
    } catch (SQLException ignored) {
      // As above.
    }
    open.clear();
  }
}

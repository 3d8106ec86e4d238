package dev.ssmix2.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer hands text to DuckDB as numbers of a per-unit dictionary and puts the strings back when it writes
 * Parquet: what is read back must be the rows as given, strings, nulls and order included, whether the dictionary
 * held every string or filled up halfway.
 */
class ParquetUnitWriterTest {
  @TempDir Path tmp;

  private static final TableSpec FILES = Tables.of(false).stream().filter(t -> t.name().equals(Tables.FILES))
      .findFirst().orElseThrow();

  /** Rows of the files table: repeated keys, texts of 12 bytes and more, a surrogate pair, a quote, nulls. */
  private static List<TableSpec.Row> rows() {
    String[] types = {"OMP-01", "ADT-00", "OML-11", "PPR-01"};
    String[] departments = {"01", "内科", "𠮷田'クリニック外来", null};
    List<TableSpec.Row> rows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      rows.add(FILES.row()
          .put("facility", "-")
          .put("patient_key", "%032x".formatted(i / 7))
          .put("record_id", "%032x".formatted(1000 + i))
          .put("data_type", types[i % types.length])
          .put("care_date", i % 5 == 0 ? null : LocalDate.of(2020 + i % 3, 1 + i % 12, 1 + i % 28))
          // times before 1970 and with a fraction of a microsecond too
          .put("file_time", LocalDateTime.of(i % 7 == 0 ? 1965 : 2020 + i % 3, 1 + i % 12, 1 + i % 28, i % 24,
              i % 60, 7, i % 10 == 0 ? 123_456_789 : 500_000))
          .put("department", departments[i % departments.length])
          .put("condition_flag", String.valueOf(i % 3))
          .put("status", i % 4 == 0 ? "superseded" : "current")
          .put("size", 100L + i)
          .put("was_read", i % 2 == 0)
          .put("read_problem", i % 9 == 0 ? "decode-failed" : null)
          .put("year", 2020 + i % 3));
    }
    return rows;
  }

  @Test
  void rowsReadBackAsWrittenWhenTheDictionaryHoldsEveryString() throws Exception {
    assertThat(writeAndReadBack(ParquetUnitWriter.DICTIONARY_MAX_STRINGS, ParquetUnitWriter.DICTIONARY_MAX_CHARS))
        .isEqualTo(expected());
  }

  @Test
  void rowsReadBackAsWrittenWhenTheDictionaryFillsUpHalfway() throws Exception {
    // 40 distinct strings fit: the first rows are coded, the rest go to the plain table after them.
    assertThat(writeAndReadBack(40, ParquetUnitWriter.DICTIONARY_MAX_CHARS)).isEqualTo(expected());
    assertThat(writeAndReadBack(ParquetUnitWriter.DICTIONARY_MAX_STRINGS, 300)).isEqualTo(expected());
    assertThat(writeAndReadBack(0, 0)).isEqualTo(expected());
  }

  /** Per partition file (sorted by path), the rows in the order given, as DuckDB reads them back. */
  private List<String> writeAndReadBack(int maxStrings, long maxChars) throws Exception {
    Path out = Files.createTempDirectory(tmp, "out");
    Layout layout = new Layout(out, ExportProfile.TABLES, ExportFormat.PARQUET);
    try (DuckDbEngine engine = DuckDbEngine.start("256MB", tmp.resolve("duck"), 2);
        Connection c = engine.connect();
        ParquetUnitWriter w = new ParquetUnitWriter(layout, "000-001-00", new UnitStats(), c, maxStrings,
            maxChars)) {
      for (TableSpec.Row r : rows()) {
        w.accept(r);
      }
      w.commit();
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(out)) {
      files = s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
    List<String> got = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (Path f : files) {
        got.add(out.relativize(f).toString());
        try (ResultSet r = s.executeQuery("SELECT * EXCLUDE (file_row_number) FROM read_parquet('" + f
            + "', file_row_number = true, hive_partitioning = false) ORDER BY file_row_number")) {
          ResultSetMetaData m = r.getMetaData();
          while (r.next()) {
            Object[] v = new Object[m.getColumnCount()];
            for (int i = 0; i < v.length; i++) {
              v[i] = r.getObject(i + 1);
            }
            got.add(Arrays.toString(v));
          }
        }
      }
      try (ResultSet r = s.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('"
          + files.get(0) + "', hive_partitioning = false))")) {
        while (r.next()) {
          got.add(r.getString(1) + " " + r.getString(2));
        }
      }
    }
    return got;
  }

  /** The same rows as written by a plain DuckDB table with VARCHAR columns and read back. */
  private List<String> expected() throws Exception {
    Path out = Files.createTempDirectory(tmp, "expected");
    List<String> want = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      List<Column> columns = FILES.columns();
      StringBuilder ddl = new StringBuilder("CREATE TABLE t (");
      for (int i = 0; i < columns.size(); i++) {
        ddl.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).name()).append("\" ")
            .append(columns.get(i).type().name());
      }
      s.execute(ddl.append(')').toString());
      try (var a = ((org.duckdb.DuckDBConnection) c).createAppender(org.duckdb.DuckDBConnection.DEFAULT_SCHEMA,
          "t")) {
        for (TableSpec.Row r : rows()) {
          a.beginRow();
          for (Object v : r.values()) {
            if (v == null) {
              a.appendNull();
            } else if (v instanceof String x) {
              a.append(x);
            } else if (v instanceof Integer x) {
              a.append(x.intValue());
            } else if (v instanceof Long x) {
              a.append(x.longValue());
            } else if (v instanceof Boolean x) {
              a.append(x.booleanValue());
            } else if (v instanceof LocalDate x) {
              a.append(x);
            } else {
              a.append((LocalDateTime) v);
            }
          }
          a.endRow();
        }
      }
      List<Object[]> keys = new ArrayList<>();
      try (ResultSet r = s.executeQuery("SELECT DISTINCT facility, year FROM t ORDER BY ALL")) {
        while (r.next()) {
          keys.add(new Object[] {r.getString(1), r.getInt(2)});
        }
      }
      for (Object[] k : keys) {
        want.add(Path.of(Tables.FILES, "facility=" + k[0], "year=" + k[1], "part-000-001-00.parquet").toString());
        try (ResultSet r = s.executeQuery("SELECT * EXCLUDE (facility, year) FROM t WHERE facility = '" + k[0]
            + "' AND year = " + k[1] + " ORDER BY rowid")) {
          ResultSetMetaData m = r.getMetaData();
          while (r.next()) {
            Object[] v = new Object[m.getColumnCount()];
            for (int i = 0; i < v.length; i++) {
              v[i] = r.getObject(i + 1);
            }
            want.add(Arrays.toString(v));
          }
        }
      }
      s.execute("COPY (SELECT * FROM t) TO '" + out + "' (FORMAT parquet, PARTITION_BY (facility, year))");
      try (Stream<Path> files = Files.walk(out)) {
        Path first = files.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        try (ResultSet r = s.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
            + "read_parquet('" + first + "', hive_partitioning = false))")) {
          while (r.next()) {
            want.add(r.getString(1) + " " + r.getString(2));
          }
        }
      }
    }
    return want;
  }
}

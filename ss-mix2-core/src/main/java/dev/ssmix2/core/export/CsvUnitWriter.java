package dev.ssmix2.core.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV in UTF-8 (optionally with a byte-order mark for Excel), one file per table and partition of the unit,
 * header first. Rows stream straight to disk: memory is one buffer per open file. Needs no library.
 */
final class CsvUnitWriter extends UnitWriter {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");
  private final boolean bom;
  private final Map<Path, Writer> open = new LinkedHashMap<>();

  CsvUnitWriter(Layout layout, String unit, UnitStats stats, boolean bom) {
    super(layout, unit, stats);
    this.bom = bom;
  }

  @Override
  void write(TableSpec.Row row) {
    Path target = layout.file(row.table(), facility(row), year(row), unit);
    try {
      Writer w = open.get(target);
      if (w == null) {
        w = start(row.table(), target);
        open.put(target, w);
      }
      line(w, row.values());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + Layout.temp(target) + ": " + e.getMessage(), e);
    }
  }

  private Writer start(TableSpec table, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    BufferedWriter w = Files.newBufferedWriter(Layout.temp(target), StandardCharsets.UTF_8);
    if (bom) {
      w.write('\uFEFF');
    }
    List<Column> columns = table.columns();
    Object[] header = new Object[columns.size()];
    for (int i = 0; i < header.length; i++) {
      header[i] = columns.get(i).name();
    }
    line(w, header);
    return w;
  }

  static void line(Writer w, Object[] values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        w.write(',');
      }
      Object v = values[i];
      if (v != null) {
        w.write(quote(text(v)));
      }
    }
    w.write("\r\n");
  }

  static String text(Object v) {
    if (v instanceof LocalDateTime t) {
      return TIME.format(t);
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }

  private static String quote(String s) {
    boolean needs = s.isEmpty();
    for (int i = 0; i < s.length() && !needs; i++) {
      char c = s.charAt(i);
      needs = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  @Override
  void commit() throws IOException {
    for (Map.Entry<Path, Writer> e : open.entrySet()) {
      e.getValue().close();
    }
    for (Path target : open.keySet()) {
      moveIntoPlace(Layout.temp(target), target);
    }
    open.clear();
  }

  @Override
  public void close() {
    for (Map.Entry<Path, Writer> e : open.entrySet()) {
      try {
        e.getValue().close();
        Files.deleteIfExists(Layout.temp(e.getKey()));
      } catch (IOException ignored) {
        // Best effort after a failure; the next run replaces temporary files anyway.
      }
    }
    open.clear();
  }
}

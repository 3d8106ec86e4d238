package dev.ssmix2.core.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the tab-separated vocabulary resources shipped beside this class ({@code #} lines are comments). */
final class Tsv {
  private Tsv() {}

  static List<String[]> read(String resource, int columns) {
    InputStream in = Tsv.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("vocabulary resource " + resource + " is missing from the jar");
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != columns) {
          throw new IllegalStateException(resource + " line " + n + " has " + cells.length + " columns; expected "
              + columns);
        }
        rows.add(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return rows;
  }
}

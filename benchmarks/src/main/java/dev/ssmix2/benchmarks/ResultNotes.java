package dev.ssmix2.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts the forked benchmark JVMs learn at setup (mean message size, file counts, index size, search-case hits) that
 * are not timings, handed to {@link Report} through a {@code key<TAB>value} file in the work folder. A later line with
 * the same key wins.
 */
final class ResultNotes {
  private ResultNotes() {}

  static Path file() {
    return Workspace.work().resolve("notes.tsv");
  }

  static synchronized void record(String key, Object value) {
    String line = key + "\t" + value + "\n";
    try {
      Files.writeString(file(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file(), e);
    }
  }

  static Map<String, String> read() {
    Map<String, String> notes = new LinkedHashMap<>();
    Path f = file();
    if (!Files.exists(f)) {
      return notes;
    }
    try {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (String line : lines) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
          notes.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
    return notes;
  }

  /**
   * Forgets every note of earlier runs except those about the cache (generation and index build times, index sizes),
   * which stay true for as long as the cached storage or index they describe exists.
   */
  static void clearExceptCache() {
    Map<String, String> keep = new LinkedHashMap<>();
    read().forEach((k, v) -> {
      if (k.startsWith("generate-seconds.") || k.startsWith("index-build-seconds.")
          || (k.startsWith("index-bytes.") && (k.endsWith(".ssmix2") || k.endsWith(".kuromoji")))) {
        keep.put(k, v);
      }
    });
    StringBuilder b = new StringBuilder();
    keep.forEach((k, v) -> b.append(k).append('\t').append(v).append('\n'));
    try {
      Files.writeString(file(), b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite " + file(), e);
    }
  }
}

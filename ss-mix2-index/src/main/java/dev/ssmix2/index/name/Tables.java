package dev.ssmix2.index.name;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Loads the bundled TSV tables (UTF-8, '#' comments, tab-separated) and fingerprints them for {@link NameKeys#TABLE_VERSION}. */
final class Tables {
  private Tables() {}

  static final String UNIHAN = "variant-fold-unihan.tsv";
  static final String SUPPLEMENT = "variant-fold-supplement.tsv";
  static final String ROMAJI = "romaji.tsv";
  static final String READINGS = "name-readings.tsv";
  static final String KANJI_READINGS = "kanji-name-readings.tsv";

  /** Rows of a bundled table, each split on tabs; blank and '#' lines skipped. */
  static List<String[]> rows(String table) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Tables.class.getResourceAsStream(table)) {
      if (in == null) {
        throw new NameTableException(table, "resource missing from the class path next to " + Tables.class.getName());
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        rows.add(line.split("\t", -1));
      }
    } catch (IOException e) {
      throw new NameTableException(table, "unreadable: " + e.getMessage(), e);
    }
    return rows;
  }

  /** Short SHA-256 over every table's bytes plus the rule revision, so any table edit changes the version. */
  static String fingerprint(String ruleRevision) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(ruleRevision.getBytes(StandardCharsets.UTF_8));
      for (String table : List.of(UNIHAN, SUPPLEMENT, ROMAJI, READINGS, KANJI_READINGS)) {
        try (InputStream in = Tables.class.getResourceAsStream(table)) {
          if (in == null) {
            throw new NameTableException(table, "resource missing from the class path");
          }
          digest.update(in.readAllBytes());
        }
      }
      return ruleRevision + "-" + HexFormat.of().formatHex(digest.digest(), 0, 6);
    } catch (IOException e) {
      throw new NameTableException("name tables", "unreadable: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}

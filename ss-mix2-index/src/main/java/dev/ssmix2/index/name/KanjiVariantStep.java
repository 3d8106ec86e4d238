package dev.ssmix2.index.name;

import com.google.common.collect.ImmutableMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds kanji variants (異体字) with the bundled tables: {@link Level#STRICT} maps unambiguous glyph variants (髙→高,
 * 﨑→崎, 齋→斎, 𠮷→吉, the Unihan kJinmeiyoKanji old/new pairs); {@link Level#LOOSE} additionally merges distinct
 * characters people confuse in names (斉→斎). 埼 is never folded to 崎. Strict is applied before loose, and chains of
 * rows are resolved when the table loads (齊→斉→斎 in the loose level).
 */
final class KanjiVariantStep implements NameStep {
  static final String STRICT_NAME = "kanjiStrict";
  static final String LOOSE_NAME = "kanjiLoose";

  enum Level { STRICT, LOOSE }

  private static final class Holder {
    static final KanjiVariantStep STRICT = new KanjiVariantStep(Level.STRICT);
    static final KanjiVariantStep LOOSE = new KanjiVariantStep(Level.LOOSE);
  }

  private final Level level;
  private final ImmutableMap<Integer, Integer> folds;

  static KanjiVariantStep strict() {
    return Holder.STRICT;
  }

  static KanjiVariantStep loose() {
    return Holder.LOOSE;
  }

  private KanjiVariantStep(Level level) {
    this.level = level;
    Map<Integer, Integer> map = new HashMap<>();
    load(Tables.UNIHAN, map, Level.STRICT);
    load(Tables.SUPPLEMENT, map, Level.STRICT);
    if (level == Level.LOOSE) {
      // Loose rows act on strict output, so compose: strict target → loose target.
      Map<Integer, Integer> loose = new HashMap<>();
      load(Tables.SUPPLEMENT, loose, Level.LOOSE);
      map.replaceAll((from, to) -> loose.getOrDefault(to, to));
      loose.forEach(map::putIfAbsent);
    }
    this.folds = ImmutableMap.copyOf(resolveChains(map));
  }

  private static void load(String table, Map<Integer, Integer> into, Level wanted) {
    List<String[]> rows = Tables.rows(table);
    int line = 0;
    for (String[] row : rows) {
      line++;
      if (row.length < 3 || row[0].codePointCount(0, row[0].length()) != 1
          || row[1].codePointCount(0, row[1].length()) != 1) {
        throw new NameTableException(
            table, "data row " + line + " must be <one character> TAB <one character> TAB strict|loose, got '"
                + String.join("\\t", row) + "'");
      }
      Level rowLevel = switch (row[2]) {
        case "strict" -> Level.STRICT;
        case "loose" -> Level.LOOSE;
        default -> throw new NameTableException(
            table, "data row " + line + " has level '" + row[2] + "', expected strict or loose");
      };
      if (rowLevel == wanted) {
        into.put(row[0].codePointAt(0), row[1].codePointAt(0));
      }
    }
  }

  private static Map<Integer, Integer> resolveChains(Map<Integer, Integer> map) {
    Map<Integer, Integer> resolved = new HashMap<>();
    for (Integer from : map.keySet()) {
      int to = map.get(from);
      for (int hops = 0; map.containsKey(to) && map.get(to) != to; hops++) {
        if (hops > 8) {
          throw new NameTableException(
              Tables.SUPPLEMENT, "variant rows form a cycle through " + Character.toString(from));
        }
        to = map.get(to);
      }
      if (to != from) {
        resolved.put(from, to);
      }
    }
    return resolved;
  }

  @Override
  public String name() {
    return level == Level.STRICT ? STRICT_NAME : LOOSE_NAME;
  }

  @Override
  public String apply(String text) {
    return CodePoints.map(text, cp -> folds.getOrDefault(cp, cp));
  }

  int size() {
    return folds.size();
  }
}

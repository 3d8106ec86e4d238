package dev.ssmix2.index.name;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Composes readings of a name part character by character from the bundled per-kanji name readings ({@code
 * kanji-name-readings.tsv}: 翔 ショウ/ト/カケル, 真 マ/シン …), falling back to IPADIC's readings of a single kanji the
 * table does not list. 翔真 → [ショウマ, ショウシン, トマ, …]. Kana in the name stands for itself (ひろ子 → ヒロコ).
 *
 * <p>Bounded so one odd name cannot flood the index: at most {@value #MAX_LENGTH} characters, the first {@value
 * #READINGS_PER_CHARACTER} readings of each, and the {@value #MAX_RESULTS} combinations whose readings rank best
 * together (lowest sum of per-character ranks, ties in table order).
 */
final class ReadingComposer {
  static final int MAX_LENGTH = 4;
  static final int READINGS_PER_CHARACTER = 4;
  static final int MAX_RESULTS = 16;

  private final ImmutableListMultimap<Integer, String> perKanji;

  private ReadingComposer(ImmutableListMultimap<Integer, String> perKanji) {
    this.perKanji = perKanji;
  }

  /** A composer over the bundled per-kanji table. */
  static ReadingComposer create() {
    ImmutableListMultimap.Builder<Integer, String> table = ImmutableListMultimap.builder();
    int line = 0;
    for (String[] row : Tables.rows(Tables.KANJI_READINGS)) {
      line++;
      String kanji = row[0].strip();
      if (row.length < 2 || kanji.codePointCount(0, kanji.length()) != 1 || row[1].isBlank()) {
        throw new NameTableException(
            Tables.KANJI_READINGS, "data row " + line + " must be one kanji TAB readings[,reading…]");
      }
      for (String reading : Splitter.on(',').trimResults().omitEmptyStrings().split(row[1])) {
        table.put(kanji.codePointAt(0), NameKeys.kanaExact(reading));
      }
    }
    return new ReadingComposer(table.build());
  }

  /**
   * Composed katakana readings of {@code name} (its strict kanji key: 々 expanded, variants folded), best first; empty
   * when it is longer than {@value #MAX_LENGTH} characters or some character has no known reading.
   */
  List<String> compose(String name) {
    int[] cps = name.codePoints().toArray();
    if (cps.length == 0 || cps.length > MAX_LENGTH) {
      return List.of();
    }
    List<List<String>> choices = new ArrayList<>();
    for (int cp : cps) {
      List<String> readings = readingsOf(cp);
      if (readings.isEmpty()) {
        return List.of();
      }
      choices.add(readings.subList(0, Math.min(READINGS_PER_CHARACTER, readings.size())));
    }
    List<Combination> all = new ArrayList<>();
    combine(choices, 0, "", 0, all);
    all.sort(Comparator.comparingInt(Combination::rankSum)); // stable: ties stay in table order
    Set<String> out = new LinkedHashSet<>();
    for (Combination c : all) {
      if (out.size() == MAX_RESULTS) {
        break;
      }
      out.add(c.reading());
    }
    return ImmutableList.copyOf(out);
  }

  private record Combination(String reading, int rankSum) {}

  private static void combine(List<List<String>> choices, int at, String prefix, int rankSum, List<Combination> out) {
    if (at == choices.size()) {
      out.add(new Combination(prefix, rankSum));
      return;
    }
    List<String> here = choices.get(at);
    for (int rank = 0; rank < here.size(); rank++) {
      combine(choices, at + 1, prefix + here.get(rank), rankSum + rank, out);
    }
  }

  private List<String> readingsOf(int cp) {
    String ch = Character.toString(cp);
    if (CodePoints.isKana(cp)) {
      String kana = NameKeys.kanaExact(ch);
      return kana.isEmpty() ? List.of() : List.of(kana);
    }
    List<String> listed = perKanji.get(cp);
    return listed.isEmpty() ? IpadicNames.anyWordReadings(ch) : listed;
  }
}

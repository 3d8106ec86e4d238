package dev.ssmix2.index.name;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.ja.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.ja.dict.TokenInfoFST;
import org.apache.lucene.util.IntsRef;
import org.apache.lucene.util.fst.FST;

/**
 * Every person-name reading (人名 entry) IPADIC holds for one exact surface, most common first.
 *
 * <p>Kuromoji's tokenizer returns only the reading of its single best path, and for a name that is often the common
 * noun (平野 ヘイヤ, 長尾 チョウビ) or the most frequent of several surnames (菅野 カンノ, never スガノ). IPADIC itself
 * lists the name readings separately (名詞-固有名詞-人名-姓/名), so looking the whole surface up gives all of them:
 * 菅野 → [カンノ, スゲノ, スガノ], 河野 → [コウノ, カワノ].
 *
 * <pre>{@code
 * IpadicNames.readings("長尾");  // [ナガオ]
 * IpadicNames.readings("陽太");  // [] (not an IPADIC entry)
 * IpadicNames.anyWordReadings("翔");  // every reading of every entry spelt 翔
 * }</pre>
 */
final class IpadicNames {
  private static final String PERSON_NAME = "名詞-固有名詞-人名";
  private static final String SURNAME = "名詞-固有名詞-人名-姓";

  private IpadicNames() {}

  /** Katakana readings of IPADIC's person-name entries for exactly {@code surface}, by word cost; empty if none. */
  static List<String> readings(String surface) {
    return readings(surface, PERSON_NAME);
  }

  /** Katakana readings of IPADIC's surname entries (人名-姓) for exactly {@code surface}, by word cost: 河野 → [コウノ, カワノ]. */
  static List<String> surnameReadings(String surface) {
    return readings(surface, SURNAME);
  }

  /**
   * Katakana readings of every IPADIC entry for exactly {@code surface}, whatever its part of speech, by word cost: the
   * fallback for one kanji that the curated per-kanji table does not list (颯 → ソウ, サツ …).
   */
  static List<String> anyWordReadings(String surface) {
    return readings(surface, "");
  }

  private static List<String> readings(String surface, String partOfSpeech) {
    if (surface.isEmpty()) {
      return List.of();
    }
    TokenInfoDictionary dictionary = TokenInfoDictionary.getInstance();
    char[] chars = surface.toCharArray();
    IntsRef ids = new IntsRef();
    try {
      TokenInfoFST fst = dictionary.getFST();
      FST.BytesReader reader = fst.getBytesReader();
      FST.Arc<Long> arc = fst.getFirstArc(new FST.Arc<>());
      long output = 0;
      // The FST is keyed by UTF-16 units, so surrogate pairs (𠮷) are walked unit by unit like the tokenizer does.
      for (int i = 0; i < chars.length; i++) {
        if (fst.findTargetArc(chars[i], arc, arc, i == 0, reader) == null) {
          return List.of();
        }
        output += arc.output();
      }
      if (!arc.isFinal()) {
        return List.of();
      }
      dictionary.lookupWordIds((int) (output + arc.nextFinalOutput()), ids);
    } catch (IOException e) {
      throw new UncheckedIOException("kuromoji's bundled IPADIC could not be read for '" + surface + "'", e);
    }
    List<int[]> names = new ArrayList<>();
    for (int k = 0; k < ids.length; k++) {
      int id = ids.ints[ids.offset + k];
      if (dictionary.getPartOfSpeech(id).startsWith(partOfSpeech)) {
        names.add(new int[] {id, dictionary.getWordCost(id)});
      }
    }
    names.sort(Comparator.comparingInt(n -> n[1]));
    Set<String> readings = new LinkedHashSet<>();
    for (int[] name : names) {
      String reading = dictionary.getReading(name[0], chars, 0, chars.length);
      if (reading != null && !reading.isEmpty()) {
        readings.add(NameKeys.kanaExact(reading));
      }
    }
    return List.copyOf(readings);
  }
}

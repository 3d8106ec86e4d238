package dev.ssmix2.index.name;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Guesses katakana readings (読み) of a kanji name part, for records whose PID-5 has no kana and for query-side kanji →
 * reading expansion. Callers must treat every result as a guess (読み推定), never as the registered reading.
 *
 * <p>Sources, best first: the bundled curated {@code name-readings.tsv} (hard surnames such as 小鳥遊 タカナシ, 四月一日
 * ワタヌキ, several readings for 渡部, modern given names such as 陽太 ヨウタ/ヒナタ), then every person-name entry of
 * kuromoji's IPADIC for the whole name (about 34 k entries: 菅野 カンノ/スゲノ/スガノ, 東海林 ショウジ), then the reading of
 * kuromoji's best segmentation. IPADIC is asked about the variant-folded form first, because it knows 高橋 but not
 * 髙橋, and a segmentation with any unknown piece (濵 of 濵田) is discarded rather than returned half-read.
 *
 * <pre>{@code
 * ReadingGuesser guesser = ReadingGuesser.create();
 * guesser.guess("髙橋");    // [タカハシ]
 * guesser.guess("渡部");    // [ワタナベ, ワタベ]
 * guesser.guess("〓田");    // [] (an unknown character has a reading too)
 * }</pre>
 *
 * <p>Thread-safe; kuromoji tokenizers are kept per thread.
 */
public final class ReadingGuesser {
  private static final int MAX_CANDIDATES = 8;

  private final ImmutableListMultimap<String, String> curated;
  private final ImmutableListMultimap<String, String> curatedFamily;
  private final ReadingComposer composer = ReadingComposer.create();
  private final ThreadLocal<JapaneseTokenizer> tokenizers =
      ThreadLocal.withInitial(() -> new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL));

  private ReadingGuesser(
      ImmutableListMultimap<String, String> curated, ImmutableListMultimap<String, String> curatedFamily) {
    this.curated = curated;
    this.curatedFamily = curatedFamily;
  }

  /** A guesser over the bundled curated readings and kuromoji's built-in IPADIC. */
  public static ReadingGuesser create() {
    ImmutableListMultimap.Builder<String, String> curated = ImmutableListMultimap.builder();
    ImmutableListMultimap.Builder<String, String> curatedFamily = ImmutableListMultimap.builder();
    int line = 0;
    for (String[] row : Tables.rows(Tables.READINGS)) {
      line++;
      if (row.length < 2 || row[0].isEmpty() || row[1].isEmpty()) {
        throw new NameTableException(
            Tables.READINGS, "data row " + line + " must be kanji TAB readings[,reading…] TAB family|given");
      }
      String key = NameKeys.kanjiStrict(row[0]);
      for (String reading : Splitter.on(',').trimResults().omitEmptyStrings().split(row[1])) {
        curated.put(key, NameKeys.kanaExact(reading));
        if (row.length > 2 && row[2].strip().equals("family")) {
          curatedFamily.put(key, NameKeys.kanaExact(reading));
        }
      }
    }
    return new ReadingGuesser(curated.build(), curatedFamily.build());
  }

  /**
   * Candidate katakana readings of {@code name} (one part, or an undelimited full name), best first, at most eight;
   * empty when nothing could be read. Kana input is returned as its exact kana key.
   */
  public List<String> guess(String name) {
    String exact = NameKeys.kanjiExact(name);
    if (exact.isEmpty() || NameKeys.hasPlaceholder(name)) { // 〓田 is not 田: the unknown character has a sound too
      return List.of();
    }
    if (Script.of(exact) == Script.KANA) {
      return List.of(NameKeys.kanaExact(exact));
    }
    Set<String> candidates = new LinkedHashSet<>();
    String strict = NameKeys.kanjiStrict(exact);
    String loose = NameKeys.kanjiLoose(exact);
    candidates.addAll(curated.get(strict));
    candidates.addAll(curated.get(loose));
    for (String form : new LinkedHashSet<>(List.of(strict, exact, loose))) {
      candidates.addAll(IpadicNames.readings(form));
    }
    for (String form : new LinkedHashSet<>(List.of(strict, exact, loose))) {
      kuromojiReading(form).ifPresent(candidates::add);
    }
    return ImmutableList.copyOf(candidates).subList(0, Math.min(MAX_CANDIDATES, candidates.size()));
  }

  /**
   * The readings a surname spelt {@code kanji} commonly has, most common first, at most eight: the curated family rows
   * and IPADIC's surname entries (人名-姓) for the variant-folded, exact and loose spelling. 河野 → [コウノ, カワノ],
   * 上村 → [ウエムラ, カミムラ], 山崎 → [ヤマザキ, ヤマサキ]. Empty for a spelling no dictionary lists as a surname,
   * and for one holding a placeholder.
   *
   * <p>A registered reading says how this patient reads the name; the others are how a clerk who hears or guesses
   * another reading types it (かわの for a 河野 registered コウノ). Callers index them apart and rank them below
   * every registered reading (読み候補一致).
   */
  public List<String> surnameReadings(String kanji) {
    String exact = NameKeys.kanjiExact(kanji);
    if (exact.isEmpty() || NameKeys.hasPlaceholder(kanji) || Script.of(exact) != Script.KANJI) {
      return List.of();
    }
    String strict = NameKeys.kanjiStrict(exact);
    String loose = NameKeys.kanjiLoose(exact);
    Set<String> candidates = new LinkedHashSet<>();
    candidates.addAll(curatedFamily.get(strict));
    candidates.addAll(curatedFamily.get(loose));
    for (String form : new LinkedHashSet<>(List.of(strict, exact, loose))) {
      candidates.addAll(IpadicNames.surnameReadings(form));
    }
    return ImmutableList.copyOf(candidates).subList(0, Math.min(MAX_CANDIDATES, candidates.size()));
  }

  /**
   * Readings composed character by character from common name readings (翔真 → ショウマ, 結月 → ユヅキ, 琥太郎 →
   * コタロウ), best first, at most {@value ReadingComposer#MAX_RESULTS}: a weaker guess than {@link #guess(String)}, for
   * a name part that neither the curated table nor IPADIC knows as a whole, so a modern given name without a
   * registered reading can still be found by its sound. Empty when a dictionary knows the whole part (its readings
   * are better), when the part holds a placeholder, or when it is longer than {@value ReadingComposer#MAX_LENGTH}
   * characters. Callers index these below dictionary guesses and mark them as guesses (読み推定).
   *
   * <pre>{@code
   * guesser.compose("翔真");  // [ショウマ, ショウシン, トマ, …]
   * guesser.compose("高橋");  // [] (IPADIC knows タカハシ)
   * }</pre>
   */
  public List<String> compose(String name) {
    String exact = NameKeys.kanjiExact(name);
    if (exact.isEmpty() || NameKeys.hasPlaceholder(name) || Script.of(exact) != Script.KANJI) {
      return List.of();
    }
    String strict = NameKeys.kanjiStrict(exact);
    String loose = NameKeys.kanjiLoose(exact);
    for (String form : new LinkedHashSet<>(List.of(strict, exact, loose))) {
      if (curated.containsKey(form) || !IpadicNames.readings(form).isEmpty()) {
        return List.of();
      }
    }
    return composer.compose(strict);
  }

  /** The concatenated reading of kuromoji's best segmentation, or empty if any piece has no reading. */
  private Optional<String> kuromojiReading(String text) {
    JapaneseTokenizer tokenizer = tokenizers.get();
    StringBuilder reading = new StringBuilder();
    boolean complete = true;
    try {
      tokenizer.setReader(new StringReader(text));
      CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
      ReadingAttribute readingAttribute = tokenizer.addAttribute(ReadingAttribute.class);
      tokenizer.reset();
      while (tokenizer.incrementToken()) {
        String piece = readingAttribute.getReading();
        if (piece == null) {
          String surface = term.toString();
          if (Script.of(surface) != Script.KANA) {
            complete = false;
            continue;
          }
          piece = surface;
        }
        reading.append(piece);
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException("kuromoji could not read the in-memory name '" + text + "'", e);
    } finally {
      try {
        tokenizer.close();
      } catch (IOException e) {
        // closing a StringReader cannot fail in a way that matters here
      }
    }
    String katakana = NameKeys.kanaExact(reading.toString());
    return complete && !katakana.isEmpty() ? Optional.of(katakana) : Optional.empty();
  }
}

package dev.ssmix2.index.query;

import com.google.common.base.Preconditions;
import java.util.List;
import java.util.Optional;

/**
 * A query token that names a person.
 *
 * @param text the token after width folding (ﾔﾏﾀﾞ → ヤマダ, ＹＡＭＡＤＡ → YAMADA); case is kept
 * @param kind which key family the planner should search with it
 */
public record NameToken(String text, Kind kind) {

  /** How the token is written. */
  public enum Kind {
    /** Hiragana and/or katakana (incl. half-width input): reading clauses. */
    KANA,
    /** Latin letters: romaji clauses, and kana clauses through romaji → kana candidates. */
    LATIN,
    /** At least one kanji, possibly mixed with kana (本間しんいち, ひろ子): kanji clauses. */
    KANJI
  }

  public NameToken {
    Preconditions.checkArgument(!text.isEmpty(), "a name token must not be empty");
    Preconditions.checkNotNull(kind, "kind must not be null");
  }

  /**
   * For a KANJI token written as kanji then kana with no space (東海林さだお), the two runs; otherwise empty. Lets the
   * planner try kanji family + kana given.
   */
  public Optional<List<String>> kanjiThenKana() {
    if (kind != Kind.KANJI) {
      return Optional.empty();
    }
    int[] cps = text.codePoints().toArray();
    int split = 0;
    while (split < cps.length && Chars.isIdeograph(cps[split])) {
      split++;
    }
    if (split == 0 || split == cps.length) {
      return Optional.empty();
    }
    for (int i = split; i < cps.length; i++) {
      if (!Chars.isKana(cps[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(List.of(new String(cps, 0, split), new String(cps, split, cps.length - split)));
  }
}

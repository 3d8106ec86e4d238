package dev.ssmix2.index.search;

import com.google.common.base.Preconditions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hits of one search and what the desk should know about them.
 *
 * <p>When several patients match the typed name equally well (同姓同名: same score, every name token matched by its
 * spelling or registered reading) and no birth date was typed, {@link #sameName()} counts them and {@link #hint()} says
 * how they are ordered and that a birth date tells them apart. Equal hits are always ordered by their newest 診療日
 * (most recent first), then by patient ID, so the order is the same for every search and every user.
 *
 * <pre>{@code
 * SearchResult r = index.searchResult("佐藤 花子", 20);
 * r.hits();        // three 佐藤 花子, newest 診療日 first
 * r.sameName();    // 3
 * r.hint();        // Optional[同姓同名の患者が3名います（最終受診日の新しい順）。生年月日を加えると絞り込めます（例: 佐藤 花子 S50.3.15）]
 * }</pre>
 *
 * @param hits best first
 * @param sameName how many of the hits share the best score as exact homonyms; 0 when there is no such tie
 * @param moreSameName whether the tie may go on beyond the returned hits (every hit was part of it)
 */
public record SearchResult(List<PatientHit> hits, int sameName, boolean moreSameName) {

  public SearchResult {
    hits = List.copyOf(hits);
    Preconditions.checkArgument(sameName == 0 || sameName >= 2, "sameName must be 0 or at least 2, got %s", sameName);
    Preconditions.checkArgument(sameName <= hits.size(), "sameName %s exceeds the %s hits", sameName, hits.size());
  }

  /**
   * The hint to show above the hits when exact homonyms tie: how many, in which order, and that a birth date tells
   * them apart; empty otherwise.
   */
  public Optional<String> hint() {
    if (sameName == 0) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "同姓同名の患者が%d名%sいます（最終受診日の新しい順）。生年月日を加えると絞り込めます（例: %s S50.3.15）",
        sameName, moreSameName ? "以上" : "", hits.get(0).name().isEmpty() ? "氏名" : hits.get(0).name()));
  }
}

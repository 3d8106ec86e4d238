package dev.ssmix2.examples.web;

import java.util.List;

/**
 * The answer to a search: the query as understood, the hits, best first, and the hint to add a birth date when exact
 * homonyms (同姓同名) tie at the top ("" otherwise).
 *
 * <p>JSON: {@code {"query":"やまだ","hits":[{"patientId":"0001","name":"山田 太郎","kana":"ヤマダ タロウ",
 * "birthDate":"1950-04-01","age":75,"sex":"M","score":12.5,"matched":["読み一致"]}],"hint":""}}
 */
public record SearchResponse(String query, List<SearchHit> hits, String hint) {

  public SearchResponse {
    query = Texts.orEmpty(query);
    hits = Texts.copy(hits);
    hint = Texts.orEmpty(hint);
  }

  /** A response without a hint. */
  public SearchResponse(String query, List<SearchHit> hits) {
    this(query, hits, "");
  }

  /** A response without hits. */
  public static SearchResponse empty(String query) {
    return new SearchResponse(query, List.of());
  }
}

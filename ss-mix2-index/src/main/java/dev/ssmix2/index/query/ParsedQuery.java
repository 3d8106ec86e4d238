package dev.ssmix2.index.query;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import dev.ssmix2.core.record.Sex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A free-text patient query split into what it names: patient IDs, a birth-date range, sex and name tokens. Engine-neutral;
 * the planner turns it into index queries.
 *
 * <pre>{@code
 * ParsedQuery q = ParsedQuery.parse("やまだ　たろう S50.3.15 男");
 * q.names();      // [NameToken[やまだ, KANA], NameToken[たろう, KANA]]
 * q.birthDate();  // Optional[1975-03-15..1975-03-15]
 * q.sex();        // Optional[MALE]
 * ParsedQuery.parse("19480405").ids();   // [IdToken[19480405 …]] and birthDate 1948-04-05: the planner decides
 * }</pre>
 *
 * <p>Tokens are split on white space (incl. U+3000), ・, ',', '、', '^', '=', ':', ';', quotes and brackets after NFKC
 * (full-width digits and letters, half-width kana). A token that could be an ID and a date (19480405, S230405) is
 * listed as both. A provisional-registration mark in front of a name ((仮)山田, ｶ)ﾔﾏﾀﾞ) is dropped. Form labels and honorifics (患者ID:, 生年月日, No.777, 中村様, さん) are no names: a label alone is
 * unrecognized, a label or honorific written against its value is dropped from it.
 *
 * @param ids ID-like tokens (ASCII letters/digits/hyphens, 1–15 characters, at least one digit; a
 *     4-digit year such as 2000 is listed here and as a birth year)
 * @param birthDate the first valid date or date range; further dates go to {@code unrecognized}
 * @param sex the first sex token (M F 男 女 男性 女性 男児 女児 ♂ ♀)
 * @param names name tokens in typed order
 * @param unrecognized tokens used for nothing: invalid dates (S64.2.1), extra dates or sexes, punctuation, labels
 *     (患者ID, 生年月日, 様), words with digits that are no ID or date (58歳)
 */
public record ParsedQuery(
    List<IdToken> ids,
    Optional<BirthDateRange> birthDate,
    Optional<Sex> sex,
    List<NameToken> names,
    List<String> unrecognized) {

  public ParsedQuery {
    ids = ImmutableList.copyOf(ids);
    birthDate = Preconditions.checkNotNull(birthDate, "birthDate must not be null (use Optional.empty())");
    sex = Preconditions.checkNotNull(sex, "sex must not be null (use Optional.empty())");
    names = ImmutableList.copyOf(names);
    unrecognized = ImmutableList.copyOf(unrecognized);
  }

  /** Parses free text typed into the search box; never fails, blank text gives an empty query. */
  public static ParsedQuery parse(String text) {
    Preconditions.checkNotNull(text, "query text must not be null (use \"\")");
    List<IdToken> ids = new ArrayList<>();
    Optional<BirthDateRange> birth = Optional.empty();
    Optional<Sex> sex = Optional.empty();
    List<NameToken> names = new ArrayList<>();
    List<String> unrecognized = new ArrayList<>();
    for (String token : QueryTokens.split(text)) {
      QueryTokens.Classified c = QueryTokens.classify(token);
      boolean used = false;
      if (c.date().isPresent() && birth.isEmpty()) {
        birth = c.date();
        used = true;
      }
      if (c.id().isPresent()) {
        ids.add(c.id().get());
        used = true;
      }
      if (c.sex().isPresent() && sex.isEmpty()) {
        sex = c.sex();
        used = true;
      }
      if (c.name().isPresent()) {
        names.add(c.name().get());
        used = true;
      }
      if (!used) {
        unrecognized.add(token);
      }
    }
    return new ParsedQuery(ids, birth, sex, names, unrecognized);
  }

  /** True when nothing searchable was typed. */
  public boolean isEmpty() {
    return ids.isEmpty() && birthDate.isEmpty() && sex.isEmpty() && names.isEmpty();
  }

  /**
   * True when exactly one name token was typed: it may be a family name, a given name or an undelimited full name
   * (山田太郎, やまだたろう), so the planner should try all three.
   */
  public boolean singleNameToken() {
    return names.size() == 1;
  }
}

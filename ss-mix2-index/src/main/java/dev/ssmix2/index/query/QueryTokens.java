package dev.ssmix2.index.query;

import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import dev.ssmix2.core.record.Sex;
import dev.ssmix2.index.name.NameStep;
import dev.ssmix2.index.name.NameSteps;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Splits query text into tokens and classifies each one. */
final class QueryTokens {
  private QueryTokens() {}

  private static final NameStep JOIN_DAKUTEN = NameSteps.forName("joinDakuten");
  /** (仮)山田, ｶ)ﾔﾏﾀﾞ: typed as printed on a provisional registration's wristband; the mark is no part of the name. */
  private static final NameStep PROVISIONAL = NameSteps.forName("removeProvisionalMark");
  private static final Splitter SPLITTER =
      Splitter.on(CharMatcher.whitespace().or(CharMatcher.anyOf("・,、^=|:;()[]{}「」『』【】〈〉《》\""))).omitEmptyStrings()
          .trimResults();
  private static final Pattern ID_LIKE = Pattern.compile("[A-Za-z0-9-]{1,15}");
  private static final Pattern LATIN_NAME = Pattern.compile("[\\p{IsLatin}'.\\-]+");

  /** What one token can be; a token may be several things at once (19480405: ID and date). */
  record Classified(Optional<IdToken> id, Optional<BirthDateRange> date, Optional<Sex> sex, Optional<NameToken> name) {
    static final Classified NOTHING = new Classified(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static List<String> split(String text) {
    // Join ゛ before NFKC, which would otherwise turn a spacing ゛ into a space and split the name.
    String folded = Normalizer.normalize(JOIN_DAKUTEN.apply(text), Normalizer.Form.NFKC);
    return SPLITTER.splitToList(PROVISIONAL.apply(folded));
  }

  static Classified classify(String token) {
    if (QueryLabels.isLabel(token)) {
      return Classified.NOTHING;
    }
    Optional<String> labelled = QueryLabels.valueAfterLabel(token);
    if (labelled.isPresent()) {
      return classify(labelled.get());
    }
    Optional<Sex> sex = sex(token);
    if (sex.isPresent()) {
      return new Classified(Optional.empty(), Optional.empty(), sex, Optional.empty());
    }
    BirthDates.Result date = BirthDates.parse(token);
    boolean digitsOnly = token.chars().allMatch(c -> c >= '0' && c <= '9');
    boolean idShaped = ID_LIKE.matcher(token).matches() && token.chars().anyMatch(c -> c >= '0' && c <= '9');
    boolean id;
    if (!date.dateShaped()) {
      id = idShaped;
    } else if (digitsOnly) {
      // 19480405 may be an ID or a date, and 2000 a birth year or an unpadded ID (0000002000): the planner ranks an
      // exact ID above every birth-date match, so the year still lists its patients when no ID matches.
      id = idShaped;
    } else {
      // Era shorthands without separators (S230405, S50) look like IDs too; separated dates do not.
      id = idShaped && token.indexOf('-') < 0 && date.range().isPresent() && Character.isLetter(token.charAt(0));
    }
    if (date.dateShaped() || id) {
      return new Classified(
          id ? Optional.of(IdToken.of(token)) : Optional.empty(), date.range(), Optional.empty(), Optional.empty());
    }
    return new Classified(
        Optional.empty(), Optional.empty(), Optional.empty(), name(QueryLabels.withoutHonorific(token)));
  }

  private static Optional<Sex> sex(String token) {
    return switch (token) {
      case "M", "m", "男", "男性", "男児", "♂", "male", "Male", "MALE" -> Optional.of(Sex.MALE);
      case "F", "f", "女", "女性", "女児", "♀", "female", "Female", "FEMALE" -> Optional.of(Sex.FEMALE);
      default -> Optional.empty();
    };
  }

  private static Optional<NameToken> name(String token) {
    int[] cps = token.codePoints().toArray();
    boolean ideograph = false;
    boolean kana = false;
    boolean other = false;
    for (int cp : cps) {
      if (cp >= '0' && cp <= '9') {
        return Optional.empty(); // 58歳, 3F: no name holds digits, and a name token must match
      }
      if (Chars.isIdeograph(cp)) {
        ideograph = true;
      } else if (Chars.isKana(cp)) {
        kana = true;
      } else if (!Chars.isLatinLetter(cp) && cp != '\'' && cp != '-' && cp != '.') {
        other = true;
      }
    }
    if (ideograph) {
      return Optional.of(new NameToken(token, NameToken.Kind.KANJI));
    }
    if (kana && !other) {
      return Optional.of(new NameToken(token, NameToken.Kind.KANA));
    }
    if (!kana && !other && LATIN_NAME.matcher(token).matches() && token.codePoints().anyMatch(Chars::isLatinLetter)) {
      return Optional.of(new NameToken(token, NameToken.Kind.LATIN));
    }
    return Optional.empty();
  }
}

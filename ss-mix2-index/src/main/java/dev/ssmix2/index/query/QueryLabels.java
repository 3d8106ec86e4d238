package dev.ssmix2.index.query;

import com.google.common.collect.ImmutableSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words around the values a clinician types: field labels copied from a form or a wristband (患者ID:0000000777,
 * 生年月日 S33.5.5, No.777) and honorifics (中村様, なかむら さん). They name nothing, so they must never become a
 * name token that every hit has to match. Applied after NFKC, so ＩＤ：７７７ arrives as ID:777.
 */
final class QueryLabels {
  private QueryLabels() {}

  private static final ImmutableSet<String> LABELS = ImmutableSet.of(
      "id", "pid", "no", "no.", "#", "患者id", "患者no", "患者no.", "患者番号", "患者コード", "カルテ", "カルテ番号",
      "カルテno", "カルテno.", "診察券番号", "番号", "生年月日", "生年", "誕生日", "生", "生まれ", "性別", "性", "氏名",
      "名前", "患者名", "患者氏名", "カナ", "カナ氏名", "フリガナ", "ふりがな", "様", "さま", "さん", "殿", "くん", "ちゃん");
  /** A label written against its value (No.777, ID777, 患者ID0000000777): only before a digit, never before a name. */
  private static final Pattern LABEL_THEN_VALUE =
      Pattern.compile("(?i)(患者ID|患者番号|カルテ番号|診察券番号|PID|ID|No\\.?|#)(\\d[0-9A-Za-z-]*)");
  /** Honorifics written against a name (中村様, なかむらさん); the name must keep at least one character. */
  private static final List<String> HONORIFICS = List.of("様", "殿", "さん", "さま", "くん", "ちゃん");

  /** Whether {@code token} is only a label or an honorific. */
  static boolean isLabel(String token) {
    return LABELS.contains(token.toLowerCase(Locale.ROOT));
  }

  /** The value after a label written against it: "No.777" → "777"; empty when the token has no such label. */
  static Optional<String> valueAfterLabel(String token) {
    Matcher m = LABEL_THEN_VALUE.matcher(token);
    return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
  }

  /** {@code token} without a trailing honorific: "中村様" → "中村"; the token itself when it has none. */
  static String withoutHonorific(String token) {
    for (String honorific : HONORIFICS) {
      if (token.endsWith(honorific) && token.length() > honorific.length()) {
        return token.substring(0, token.length() - honorific.length());
      }
    }
    return token;
  }
}

package dev.ssmix2.index.name;

import java.util.regex.Pattern;

/**
 * Removes the provisional-registration mark (仮登録) that emergency registrations carry in front of a name and that
 * wristbands and labels print: {@code (仮)山田}, {@code （仮）山田}, {@code 仮)山田}, {@code ｶ)ﾔﾏﾀﾞ}, {@code カ)ヤマダ},
 * in either width and with any of the usual brackets. The mark is no part of the name: a clerk who types it as printed
 * ({@code (仮)やまだ}) must find the same patient as one who leaves it out, and a patient registered with it must be
 * found without it.
 *
 * <p>Only a mark at the start of the text or of a word is removed; a word needs its closing bracket to count as a mark
 * ({@code カ)}), so a name beginning with カ or 仮 (仮屋, カトウ) is never touched.
 */
final class ProvisionalMarkStep implements NameStep {
  static final String NAME = "removeProvisionalMark";

  /**
   * An optional opening bracket, the mark 仮 or 仮登録 (or カリ, or just カ/か), a closing bracket, trailing spaces;
   * repeated marks ((仮)(仮), written by two systems) go together.
   */
  private static final Pattern MARK = Pattern.compile(
      "(^|[\\s\\u3000])(?:[(（\\[［【〔]?(?:仮(?:登録)?|カリ|ｶﾘ|かり|[カｶか])[)）\\]］】〕][\\s\\u3000]*)+");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    if (!mayHoldMark(text)) {
      return text;
    }
    return MARK.matcher(text).replaceAll("$1");
  }

  /** Whether {@code text} holds a provisional-registration mark this step would remove. */
  static boolean hasMark(String text) {
    return mayHoldMark(text) && MARK.matcher(text).find();
  }

  private static boolean mayHoldMark(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ')' || c == '）' || c == ']' || c == '］' || c == '】' || c == '〕') {
        return true;
      }
    }
    return false;
  }
}

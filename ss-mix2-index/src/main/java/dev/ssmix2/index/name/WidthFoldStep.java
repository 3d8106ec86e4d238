package dev.ssmix2.index.name;

import java.text.Normalizer;

/**
 * NFKC width folding: half-width katakana → full width (ｻｲﾄｳ → サイトウ, ﾔﾏﾀﾞ → ヤマダ), full-width ASCII → ASCII
 * (ＹＡＭＡＤＡ → YAMADA), Kangxi radicals → ideographs.
 *
 * <p>CJK compatibility ideographs (隆 U+F9DC, 神 U+FA19 …) are deliberately left as registered: NFKC would silently fold
 * them, which belongs to the variant levels ({@link CompatibilityIdeographStep}), not to the exact key. Run {@link
 * DakutenJoinStep} first: NFKC turns a spacing ゛ into a space plus a combining mark.
 */
final class WidthFoldStep implements NameStep {
  static final String NAME = "widthFold";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int runStart = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (CodePoints.isCompatibilityIdeograph(cp)) {
        out.append(Normalizer.normalize(text.substring(runStart, i), Normalizer.Form.NFKC));
        out.appendCodePoint(cp);
        runStart = next;
      }
      i = next;
    }
    out.append(Normalizer.normalize(text.substring(runStart), Normalizer.Form.NFKC));
    return out.toString();
  }
}

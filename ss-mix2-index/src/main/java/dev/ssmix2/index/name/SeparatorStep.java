package dev.ssmix2.index.name;

/**
 * Removes separators typed inside a name part: white space (incl. U+3000), ・ ･ and = ＝ ゠ (foreign names are often
 * written スミス＝ヴィクトリア or スミス・ヴィクトリア). Keys are compared without separators.
 */
final class SeparatorStep implements NameStep {
  static final String NAME = "removeSeparators";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    return CodePoints.map(text, cp -> isSeparator(cp) ? -1 : cp);
  }

  static boolean isSeparator(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x30FB || cp == 0xFF65 || cp == '='
        || cp == 0xFF1D || cp == 0x30A0;
  }
}

package dev.ssmix2.index.name;

/**
 * Loose fold of the ヴ row onto the バ row: ヴァ→バ, ヴィ→ビ, ヴ→ブ, ヴェ→ベ, ヴォ→ボ, ヴュ→ビュ (ヴィクトリア = ビクトリア).
 * Also ヷ ヸ ヹ ヺ → バ ビ ベ ボ.
 */
final class VuFoldStep implements NameStep {
  static final String NAME = "foldVu";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int[] cps = text.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int cp = cps[i];
      if (cp == 'ヴ') {
        int next = i + 1 < cps.length ? cps[i + 1] : 0;
        switch (next) {
          case 'ァ' -> { out.append('バ'); i++; }
          case 'ィ' -> { out.append('ビ'); i++; }
          case 'ェ' -> { out.append('ベ'); i++; }
          case 'ォ' -> { out.append('ボ'); i++; }
          case 'ャ', 'ュ', 'ョ' -> out.append('ビ');
          default -> out.append('ブ');
        }
        continue;
      }
      switch (cp) {
        case 'ヷ' -> out.append('バ');
        case 'ヸ' -> out.append('ビ');
        case 'ヹ' -> out.append('ベ');
        case 'ヺ' -> out.append('ボ');
        default -> out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}

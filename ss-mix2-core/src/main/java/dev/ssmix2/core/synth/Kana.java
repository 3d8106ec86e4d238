package dev.ssmix2.core.synth;

import java.text.Normalizer;

/** The kana spellings real storages contain: half-width (JIS X 0201) and split dakuten (カ゛). */
final class Kana {
  private static final String FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンァィゥェォャュョッー";
  private static final String HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｧｨｩｪｫｬｭｮｯｰ";

  private Kana() {}

  /** Full-width katakana to half-width, voiced sounds as two characters (ガ → ｶﾞ). */
  static String halfWidth(String kana) {
    String d = Normalizer.normalize(kana, Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(d.length() + 4);
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      int k = FULL.indexOf(c);
      if (k >= 0) {
        sb.append(HALF.charAt(k));
      } else if (c == '\u3099') {
        sb.append('ﾞ');
      } else if (c == '\u309A') {
        sb.append('ﾟ');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Voiced kana written with a separate spacing dakuten (ガ → カ゛), as some systems store them. */
  static String splitDakuten(String kana) {
    String d = Normalizer.normalize(kana, Normalizer.Form.NFD);
    return d.replace('\u3099', '゛').replace('\u309A', '゜');
  }

  static boolean hasVoicedSound(String kana) {
    return !Normalizer.normalize(kana, Normalizer.Form.NFD).equals(kana);
  }
}

package dev.ssmix2.benchmarks;

import java.util.Map;

/**
 * Kana to Hepburn romaji for making romaji queries (what a clerk types from a kana reading: {@code ヤマダ タロウ} →
 * {@code yamada tarou}). Deliberately independent of the library's own romaji tables, so the benchmark does not test
 * the library against itself. Unknown characters are dropped.
 */
final class Hepburn {
  private Hepburn() {}

  private static final Map<String, String> DIGRAPHS = Map.ofEntries(
      Map.entry("キャ", "kya"), Map.entry("キュ", "kyu"), Map.entry("キョ", "kyo"),
      Map.entry("シャ", "sha"), Map.entry("シュ", "shu"), Map.entry("ショ", "sho"),
      Map.entry("チャ", "cha"), Map.entry("チュ", "chu"), Map.entry("チョ", "cho"),
      Map.entry("ニャ", "nya"), Map.entry("ニュ", "nyu"), Map.entry("ニョ", "nyo"),
      Map.entry("ヒャ", "hya"), Map.entry("ヒュ", "hyu"), Map.entry("ヒョ", "hyo"),
      Map.entry("ミャ", "mya"), Map.entry("ミュ", "myu"), Map.entry("ミョ", "myo"),
      Map.entry("リャ", "rya"), Map.entry("リュ", "ryu"), Map.entry("リョ", "ryo"),
      Map.entry("ギャ", "gya"), Map.entry("ギュ", "gyu"), Map.entry("ギョ", "gyo"),
      Map.entry("ジャ", "ja"), Map.entry("ジュ", "ju"), Map.entry("ジョ", "jo"),
      Map.entry("ビャ", "bya"), Map.entry("ビュ", "byu"), Map.entry("ビョ", "byo"),
      Map.entry("ピャ", "pya"), Map.entry("ピュ", "pyu"), Map.entry("ピョ", "pyo"));

  private static final String[][] MONO = {
      {"アイウエオ", "a i u e o"}, {"カキクケコ", "ka ki ku ke ko"}, {"サシスセソ", "sa shi su se so"},
      {"タチツテト", "ta chi tsu te to"}, {"ナニヌネノ", "na ni nu ne no"}, {"ハヒフヘホ", "ha hi fu he ho"},
      {"マミムメモ", "ma mi mu me mo"}, {"ヤユヨ", "ya yu yo"}, {"ラリルレロ", "ra ri ru re ro"},
      {"ワヲン", "wa o n"}, {"ガギグゲゴ", "ga gi gu ge go"}, {"ザジズゼゾ", "za ji zu ze zo"},
      {"ダヂヅデド", "da ji zu de do"}, {"バビブベボ", "ba bi bu be bo"}, {"パピプペポ", "pa pi pu pe po"},
      {"ァィゥェォ", "a i u e o"}, {"ャュョ", "ya yu yo"}, {"ヴ", "vu"}};

  static String of(String katakana) {
    StringBuilder out = new StringBuilder();
    boolean doubleNext = false;
    for (int i = 0; i < katakana.length(); i++) {
      char c = katakana.charAt(i);
      String syllable;
      if (i + 1 < katakana.length() && DIGRAPHS.containsKey(katakana.substring(i, i + 2))) {
        syllable = DIGRAPHS.get(katakana.substring(i, i + 2));
        i++;
      } else if (c == 'ッ') {
        doubleNext = true;
        continue;
      } else if (c == 'ー') {
        if (out.length() > 0) {
          out.append(out.charAt(out.length() - 1));
        }
        continue;
      } else if (c == ' ' || c == '\u3000') {
        syllable = " ";
      } else {
        syllable = mono(c);
      }
      if (doubleNext && !syllable.isBlank()) {
        out.append(syllable.startsWith("ch") ? 't' : syllable.charAt(0));
      }
      doubleNext = false;
      out.append(syllable);
    }
    return out.toString().trim();
  }

  private static String mono(char c) {
    for (String[] row : MONO) {
      int i = row[0].indexOf(c);
      if (i >= 0) {
        return row[1].split(" ")[i];
      }
    }
    return "";
  }
}

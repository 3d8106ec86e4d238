package dev.ssmix2.index.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes ADT-00 test files into a temporary storage: ISO-2022-JP when JIS X 0208 holds the name, else UTF-8. */
final class Adt00Files {
  private static final Charset JIS = Charset.forName("ISO-2022-JP");

  private Adt00Files() {}

  /** Writes {@code <root>/<pid[0..3)>/<pid[3..6)>/<pid>/-/ADT-00/<pid>_-_ADT-00_999999999999999_<ts>_-_<flag>}. */
  static Path write(Path root, String pid, String pid5, String birth, String sex, String timestamp, char flag) {
    String text = "MSH|^~\\&|HIS|HOSP|GW|RCV|" + timestamp.substring(0, 14) + "||ADT^A08^ADT_A01|" + timestamp
        + "|P|2.5||||||~ISO IR87||ISO 2022-1994\r"
        + "EVN||" + timestamp.substring(0, 12) + "\r"
        + "PID|0001||" + pid + "^^^^PI||" + pid5 + "||" + birth + "|" + sex + "\r"
        + "PV1|0001|O\r";
    byte[] bytes = JIS.newEncoder().canEncode(text) ? text.getBytes(JIS) : text.getBytes(StandardCharsets.UTF_8);
    Path dir = root.resolve(pid.substring(0, 3)).resolve(pid.substring(3, 6)).resolve(pid).resolve("-")
        .resolve("ADT-00");
    Path file = dir.resolve(pid + "_-_ADT-00_999999999999999_" + timestamp + "_-_" + flag);
    try {
      Files.createDirectories(dir);
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** A registered name in PID-5 form: kanji repetition (I) and, when not blank, kana repetition (P). */
  static String pid5(String kanjiFamily, String kanjiGiven, String kanaFamily, String kanaGiven) {
    String kanji = kanjiFamily + "^" + kanjiGiven + "^^^^^L^I";
    return kanaFamily.isEmpty() && kanaGiven.isEmpty() ? kanji
        : kanji + "~" + kanaFamily + "^" + kanaGiven + "^^^^^L^P";
  }
}

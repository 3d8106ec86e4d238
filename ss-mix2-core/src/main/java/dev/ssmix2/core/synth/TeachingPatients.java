package dev.ssmix2.core.synth;

import java.time.LocalDate;
import java.util.List;

/**
 * Fixed patients that make the documented example searches find someone in a generated storage: 山田 太郎 born
 * 1948-04-05 with ID 0000000777 (with allergies, labs over several visits and superseded versions), a variant-kanji
 * 髙橋, 齋藤, 𠮷田 (a surrogate pair, so UTF-8), 佐藤 花子 born 1975-03-15, ハットリ born in 平成元年, 東海林 with no
 * registered reading, 山崎, ハマダ ケン whose kanji arrived as 〓田 (a missing-glyph placeholder), readings stored
 * without small kana (ハツトリ, シヨウジ), 河野 registered コウノ, and ■橋 and 〓崎 with no reading.
 *
 * <p>They take the IDs 0000000777 to 0000000790, below the generated range (0000100001 on), so they never collide
 * with generated patients, and they are the same for every seed.
 */
final class TeachingPatients {
  private TeachingPatients() {}

  /**
   * One teaching patient.
   *
   * @param writtenFamily the family name as the files write it (a placeholder or variant may stand for a kanji)
   * @param kana whether PID-5 carries the kana reading
   * @param lesson allergies, six visits with labs and prescriptions, and a superseded first order
   */
  record Teaching(String id, String familyKanji, String writtenFamily, String givenKanji, String familyKana,
      String givenKana, boolean kana, LocalDate birthDate, char sex, boolean lesson) {}

  static final List<Teaching> ALL = List.of(
      new Teaching("0000000777", "山田", "山田", "太郎", "ヤマダ", "タロウ", true, LocalDate.of(1948, 4, 5), 'M', true),
      new Teaching("0000000778", "髙橋", "髙橋", "一生", "タカハシ", "イッセイ", true, LocalDate.of(1962, 11, 3), 'M',
          false),
      new Teaching("0000000779", "齋藤", "齋藤", "美咲", "サイトウ", "ミサキ", true, LocalDate.of(1985, 7, 21), 'F',
          false),
      new Teaching("0000000780", "𠮷田", "𠮷田", "智子", "ヨシダ", "トモコ", true, LocalDate.of(1970, 1, 15), 'F', false),
      new Teaching("0000000781", "佐藤", "佐藤", "花子", "サトウ", "ハナコ", true, LocalDate.of(1975, 3, 15), 'F', true),
      new Teaching("0000000782", "服部", "服部", "誠", "ハットリ", "マコト", true, LocalDate.of(1989, 6, 9), 'M', false),
      new Teaching("0000000783", "東海林", "東海林", "正", "", "", false, LocalDate.of(1950, 6, 6), 'M', false),
      new Teaching("0000000784", "山崎", "山崎", "由美", "ヤマザキ", "ユミ", true, LocalDate.of(1968, 2, 28), 'F', false),
      new Teaching("0000000785", "浜田", "〓田", "健", "ハマダ", "ケン", true, LocalDate.of(1944, 12, 1), 'M', false),
      new Teaching("0000000786", "服部", "服部", "茂", "ハツトリ", "シゲル", true, LocalDate.of(1939, 8, 20), 'M', false),
      new Teaching("0000000787", "庄司", "庄司", "昭", "シヨウジ", "アキラ", true, LocalDate.of(1941, 5, 3), 'M', false),
      new Teaching("0000000788", "河野", "河野", "洋子", "コウノ", "ヨウコ", true, LocalDate.of(1966, 10, 10), 'F', false),
      new Teaching("0000000789", "高橋", "■橋", "進", "", "", false, LocalDate.of(1952, 3, 3), 'M', false),
      new Teaching("0000000790", "山崎", "〓崎", "勇", "", "", false, LocalDate.of(1946, 9, 30), 'M', false));
}

package dev.ssmix2.index.population;

import java.util.List;

/**
 * The names {@link ReceptionPopulation} draws from, with weights roughly proportional to how common they are in
 * Japan (per mille of the population, rounded; rare surnames get 1). Written for this project from common knowledge;
 * the alternative readings of surnames are this table's own ground truth, independent of the dictionaries the search
 * uses, so the population also holds readings the search does not know.
 */
final class NameTables {
  private NameTables() {}

  /** A surname: kanji, its readings (most common first), weight. */
  record Surname(String kanji, List<String> readings, int weight) {}

  /** A given name: kanji (or kana), reading, weight, sex (M/F). */
  record Given(String written, String reading, int weight, String sex) {}

  /** A foreign name part in katakana and Latin letters. */
  record Foreign(String katakana, String latin) {}

  static final List<Surname> SURNAMES = List.of(
      s("佐藤", 18, "サトウ"), s("鈴木", 17, "スズキ"), s("高橋", 14, "タカハシ"), s("田中", 13, "タナカ"),
      s("伊藤", 10, "イトウ"), s("渡辺", 10, "ワタナベ"), s("山本", 10, "ヤマモト"), s("中村", 10, "ナカムラ"),
      s("小林", 10, "コバヤシ"), s("加藤", 8, "カトウ"), s("吉田", 8, "ヨシダ"), s("山田", 8, "ヤマダ"),
      s("佐々木", 7, "ササキ"), s("山口", 6, "ヤマグチ"), s("松本", 6, "マツモト"), s("井上", 6, "イノウエ"),
      s("木村", 5, "キムラ"), s("林", 5, "ハヤシ"), s("斎藤", 5, "サイトウ"), s("清水", 5, "シミズ"),
      s("山崎", 5, "ヤマザキ", "ヤマサキ"), s("森", 4, "モリ"), s("池田", 4, "イケダ"), s("橋本", 4, "ハシモト"),
      s("阿部", 4, "アベ"), s("石川", 4, "イシカワ"), s("中島", 4, "ナカジマ", "ナカシマ"),
      s("前田", 4, "マエダ", "マエタ"), s("藤田", 4, "フジタ"), s("小川", 4, "オガワ"), s("後藤", 4, "ゴトウ"),
      s("岡田", 4, "オカダ"), s("長谷川", 4, "ハセガワ"), s("村上", 4, "ムラカミ"), s("近藤", 3, "コンドウ"),
      s("石井", 3, "イシイ"), s("坂本", 3, "サカモト"), s("遠藤", 3, "エンドウ"), s("青木", 3, "アオキ"),
      s("藤井", 3, "フジイ"), s("西村", 3, "ニシムラ"), s("福田", 3, "フクダ"), s("太田", 3, "オオタ"),
      s("三浦", 3, "ミウラ"), s("藤原", 3, "フジワラ", "フジハラ"), s("岡本", 3, "オカモト"), s("松田", 3, "マツダ"),
      s("中川", 3, "ナカガワ"), s("中野", 3, "ナカノ"), s("原田", 3, "ハラダ"), s("小野", 3, "オノ"),
      s("大野", 2, "オオノ"), s("田村", 3, "タムラ"), s("竹内", 3, "タケウチ"), s("金子", 3, "カネコ"),
      s("和田", 3, "ワダ"), s("中山", 3, "ナカヤマ"), s("河野", 2, "コウノ", "カワノ"), s("川野", 1, "カワノ"),
      s("上村", 2, "カミムラ", "ウエムラ"), s("植村", 1, "ウエムラ"), s("菅野", 2, "カンノ", "スガノ"),
      s("角田", 1, "ツノダ", "カクダ"), s("高田", 2, "タカダ", "タカタ"), s("小山", 2, "コヤマ", "オヤマ"),
      s("東", 1, "ヒガシ", "アズマ"), s("新田", 1, "ニッタ", "アラタ"), s("上田", 2, "ウエダ", "カミダ"),
      s("谷口", 2, "タニグチ", "タニクチ"), s("今野", 1, "コンノ", "イマノ"), s("吉川", 1, "ヨシカワ", "キッカワ"),
      s("長田", 1, "ナガタ", "オサダ"), s("宮崎", 2, "ミヤザキ", "ミヤサキ"), s("服部", 2, "ハットリ"),
      s("羽鳥", 1, "ハトリ"), s("東海林", 1, "ショウジ"), s("庄司", 1, "ショウジ"), s("中條", 1, "チュウジョウ", "ナカジョウ"),
      s("北條", 1, "ホウジョウ"), s("堀", 1, "ホリ"), s("秋山", 1, "アキヤマ"), s("細川", 1, "ホソカワ"),
      s("森本", 2, "モリモト"), s("岡崎", 1, "オカザキ"), s("濱田", 1, "ハマダ"), s("浜田", 2, "ハマダ"),
      s("八木", 1, "ヤギ"), s("今村", 1, "イマムラ"), s("大塚", 2, "オオツカ"), s("千葉", 2, "チバ"));

  static final List<Given> GIVEN = List.of(
      g("花子", "ハナコ", 3, "F"), g("恵子", "ケイコ", 4, "F"), g("京子", "キョウコ", 3, "F"), g("幸子", "サチコ", 4, "F"),
      g("陽子", "ヨウコ", 3, "F"), g("由美子", "ユミコ", 3, "F"), g("美穂", "ミホ", 2, "F"), g("直美", "ナオミ", 2, "F"),
      g("真理", "マリ", 2, "F"), g("愛", "アイ", 2, "F"), g("陽菜", "ヒナ", 2, "F"), g("結衣", "ユイ", 2, "F"),
      g("美咲", "ミサキ", 2, "F"), g("彩", "アヤ", 2, "F"), g("智子", "トモコ", 3, "F"), g("久美子", "クミコ", 3, "F"),
      g("千鶴", "チヅル", 1, "F"), g("翔子", "ショウコ", 1, "F"), g("涼子", "リョウコ", 2, "F"), g("優子", "ユウコ", 3, "F"),
      g("恭子", "キョウコ", 2, "F"), g("順子", "ジュンコ", 3, "F"), g("節子", "セツコ", 3, "F"), g("和子", "カズコ", 4, "F"),
      g("さくら", "サクラ", 1, "F"), g("ひろ子", "ヒロコ", 1, "F"), g("千代", "チヨ", 1, "F"), g("美香", "ミカ", 2, "F"),
      g("太郎", "タロウ", 3, "M"), g("一郎", "イチロウ", 3, "M"), g("健", "ケン", 2, "M"), g("誠", "マコト", 3, "M"),
      g("修", "オサム", 3, "M"), g("翔太", "ショウタ", 3, "M"), g("大輔", "ダイスケ", 3, "M"), g("拓也", "タクヤ", 3, "M"),
      g("健太", "ケンタ", 3, "M"), g("亮", "リョウ", 2, "M"), g("浩", "ヒロシ", 3, "M"), g("隆", "タカシ", 3, "M"),
      g("勝", "マサル", 2, "M"), g("博", "ヒロシ", 2, "M"), g("純一", "ジュンイチ", 2, "M"), g("正", "タダシ", 2, "M"),
      g("俊介", "シュンスケ", 2, "M"), g("蓮", "レン", 2, "M"), g("悠真", "ユウマ", 2, "M"), g("陽翔", "ハルト", 2, "M"),
      g("湊", "ミナト", 1, "M"), g("翔", "ショウ", 2, "M"), g("勇", "イサム", 2, "M"), g("茂", "シゲル", 3, "M"),
      g("徹", "トオル", 2, "M"), g("秀樹", "ヒデキ", 2, "M"), g("直樹", "ナオキ", 2, "M"), g("和也", "カズヤ", 2, "M"),
      g("達也", "タツヤ", 2, "M"), g("亮介", "リョウスケ", 2, "M"), g("恭平", "キョウヘイ", 1, "M"), g("昭", "アキラ", 2, "M"),
      g("一生", "イッセイ", 1, "M"), g("竜也", "タツヤ", 1, "M"), g("隼", "ハヤト", 1, "M"), g("清", "キヨシ", 3, "M"));

  /** Given names of women born before the war, often registered in katakana only. */
  static final List<String> OLD_KANA_GIVEN = List.of(
      "トメ", "ハル", "キク", "ウメ", "マツ", "ツル", "カメ", "タケ", "シズ", "ヨネ", "ミツ", "フミ", "ハナ", "チヨ");

  static final List<Foreign> FOREIGN_GIVEN = List.of(
      f("マリア", "MARIA"), f("アナ", "ANA"), f("ジョゼ", "JOSE"), f("カルロス", "CARLOS"), f("ルイス", "LUIS"),
      f("ジョン", "JOHN"), f("エミリー", "EMILY"), f("パウロ", "PAULO"), f("ロサ", "ROSA"), f("ミゲル", "MIGUEL"));

  static final List<Foreign> FOREIGN_FAMILY = List.of(
      f("サントス", "SANTOS"), f("シルバ", "SILVA"), f("ガルシア", "GARCIA"), f("ロペス", "LOPEZ"),
      f("スミス", "SMITH"), f("ブラウン", "BROWN"), f("オリベイラ", "OLIVEIRA"), f("レイエス", "REYES"),
      f("ペレイラ", "PEREIRA"), f("ゴメス", "GOMEZ"));

  /** Vietnamese names: family, then a middle name by sex (THI for women, VAN for men), then the name used. */
  static final List<String> VIETNAMESE_FAMILY = List.of("NGUYEN", "TRAN", "LE", "PHAM", "HOANG", "VU", "DANG");

  static final List<String> VIETNAMESE_GIVEN = List.of(
      "HOA", "LAN", "MAI", "NAM", "HUNG", "DUC", "LINH", "ANH", "TUAN", "THAO", "HIEU", "QUANG");

  private static Surname s(String kanji, int weight, String... readings) {
    return new Surname(kanji, List.of(readings), weight);
  }

  private static Given g(String written, String reading, int weight, String sex) {
    return new Given(written, reading, weight, sex);
  }

  private static Foreign f(String katakana, String latin) {
    return new Foreign(katakana, latin);
  }
}

package dev.ssmix2.index.store;

import static dev.ssmix2.index.store.Adt00Files.pid5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.search.MatchTag;
import dev.ssmix2.index.search.PatientHit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 30 hard name queries (docs/index-design.md, "Hard name cases") and precision checks, over fixture patients and
 * distractors.
 */
class HardNameCasesTest {
  @TempDir static Path work;
  static PatientIndex index;

  @BeforeAll
  static void build() {
    Path root = work.resolve("storage");
    String ts = "20240101093000000";
    Adt00Files.write(root, "0000123456", pid5("山田", "太郎", "ヤマダ", "タロウ"), "19750315", "M", ts, '1');   // P1
    Adt00Files.write(root, "0000000002", pid5("髙橋", "一生", "タカハシ", "イッセイ"), "19800101", "M", ts, '1');
    Adt00Files.write(root, "0000000003", pid5("高橋", "花子", "タカハシ", "ハナコ"), "19810101", "F", ts, '1');
    Adt00Files.write(root, "0000000004", pid5("渡邉", "恒雄", "ワタナベ", "ツネオ"), "19260101", "M", ts, '1');
    Adt00Files.write(root, "0000000005", pid5("齋藤", "由美子", "ｻｲﾄｳ", "ﾕﾐｺ"), "19700101", "F", ts, '1');
    Adt00Files.write(root, "0000000006", pid5("山﨑", "翔太", "ヤマザキ", "ショウタ"), "19900101", "M", ts, '1');
    Adt00Files.write(root, "0000000007", pid5("佐藤", "京子", "サトウ", "キョウコ"), "19600101", "F", ts, '1');
    Adt00Files.write(root, "0000000008", pid5("大野", "修", "オオノ", "オサム"), "19500101", "M", ts, '1');
    Adt00Files.write(root, "0000000009", pid5("小野", "勉", "オノ", "ツトム"), "19510101", "M", ts, '1');
    Adt00Files.write(root, "0000000010", pid5("佐々木", "純一", "ササキ", "ジュンイチ"), "19520101", "M", ts, '1');
    Adt00Files.write(root, "0000000011", pid5("小鳥遊", "陽翔", "タカナシ", "ハルト"), "20100101", "M", ts, '1');
    Adt00Files.write(root, "0000000012", pid5("濵田", "千鶴", "ハマダ", "チヅル"), "19450101", "F", ts, '1');
    Adt00Files.write(root, "0000000013", pid5("本間", "真一", "ホンマ", "シンイチ"), "19650101", "M", ts, '1');
    Adt00Files.write(root, "0000000014", pid5("服部", "蓮", "ハットリ", "レン"), "20000101", "M", ts, '1');
    Adt00Files.write(root, "0000000114", pid5("羽鳥", "蓮", "ハトリ", "レン"), "20000202", "M", ts, '1');
    Adt00Files.write(root, "0000000015", pid5("𠮷田", "葵", "ヨシダ", "アオイ"), "20050101", "F", ts, '1');
    Adt00Files.write(root, "0000000016", pid5("葛\uDB40\uDD00城", "恵", "カツラギ", "メグミ"), "19990101", "F", ts, '1');
    Adt00Files.write(root, "0000000017", pid5("スミス", "ヴィクトリア", "スミス", "ヴィクトリア"), "19880101", "F", ts,
        '1');
    Adt00Files.write(root, "0000000018", pid5("東海林", "さだお", "", ""), "19400101", "M", ts, '1');
    Adt00Files.write(root, "0000000019", pid5("〓田", "健", "ハマダ", "ケン"), "19770101", "M", ts, '1');
    Adt00Files.write(root, "0000000020", pid5("澤田", "恵", "サワダ", "メグミ"), "19830101", "F", ts, '1');
    Adt00Files.write(root, "0000000120", pid5("沢田", "恵美", "サワダ", "エミ"), "19840101", "F", ts, '1');
    // distractors
    Adt00Files.write(root, "0000000200", pid5("山埼", "翔太", "ヤマサキ", "ショウタ"), "19910101", "M", ts, '1');
    Adt00Files.write(root, "0000000201", pid5("斉藤", "由美子", "サイトウ", "ユミコ"), "19710101", "F", ts, '1');
    Adt00Files.write(root, "0000000202", pid5("佐中", "一", "サナカ", "ハジメ"), "19720101", "M", ts, '1');
    Adt00Files.write(root, "0000000203", pid5("田辺", "一", "タナベ", "ハジメ"), "19730101", "M", ts, '1');
    Adt00Files.write(root, "0000000204", pid5("田中", "一", "タナカ", "ハジメ"), "19740101", "M", ts, '1');
    Adt00Files.write(root, "0000000205", pid5("山田", "花子", "ヤマダ", "ハナコ"), "19760101", "F", ts, '1');
    Adt00Files.write(root, "0000000206", pid5("吉田", "太郎", "ヨシダ", "タロウ"), "19750315", "M", ts, '1');
    index = PatientIndex.open(work.resolve("index"));
    index.update(Storage.open(root), ProgressListener.none());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static List<String> ids(String query) {
    return index.search(query, 10).stream().map(h -> h.patientId().value()).toList();
  }

  @ParameterizedTest(name = "{0} → {1} first")
  @CsvSource(delimiter = '|', value = {
      "0000123456|0000123456", "123456|0000123456", "やまだ たろう|0000123456", "ﾔﾏﾀﾞ ﾀﾛｳ|0000123456",
      "yamada taro|0000123456", "YAMADA TAROH|0000123456", "やまだ S50.3.15|0000123456", "山田太郎|0000123456",
      "太郎 山田|0000123456", "髙橋|0000000002", "さいとう ゆみこ|0000000005", "sato kyoko|0000000007",
      "サトー|0000000007", "ohno|0000000008", "ono|0000000009", "佐佐木|0000000010", "sasaki zyunniti|0000000010",
      "小鳥遊|0000000011", "たかなし|0000000011", "はると|0000000011", "hamada chizuru|0000000012",
      "はまだ ちずる|0000000012", "homma|0000000013", "honma|0000000013", "本間 しんいち|0000000013",
      "shin'ichi|0000000013", "sinniti|0000000013", "hatori ren|0000000114", "吉田 葵|0000000015",
      "𠮷田|0000000015", "葛城|0000000016", "ビクトリア|0000000017", "victoria|0000000017", "しょうじ|0000000018",
      "東海林|0000000018", "浜田 健|0000000019", "沢田 恵|0000000020", "渡辺|0000000004", "山崎|0000000006"})
  void ranksExpectedPatientFirst(String query, String expected) {
    assertThat(ids(query)).as(query).first().isEqualTo(expected);
  }

  @Test
  void exactGlyphBeatsVariantFold() {
    assertThat(ids("高橋")).startsWith("0000000003", "0000000002");
    assertThat(ids("髙橋")).startsWith("0000000002", "0000000003");
  }

  @Test
  void looseKanjiFoldRanksBelowTheRealSpelling() {
    assertThat(ids("斉藤")).startsWith("0000000201", "0000000005");
    assertThat(index.search("斉藤", 10).get(1).matched()).contains(MatchTag.VARIANT);
  }

  @Test
  void longVowelSpellingsRankExactFirst() {
    assertThat(ids("ohno")).containsSubsequence("0000000008", "0000000009");
    assertThat(ids("ono")).containsSubsequence("0000000009", "0000000008");
  }

  @Test
  void sokuonDropRanksBelowExactReading() {
    assertThat(ids("hatori ren")).startsWith("0000000114", "0000000014");
  }

  @Test
  void placeholderNameFoundByReadingWhileTheVariantIsNot() {
    List<PatientHit> hits = index.search("浜田 健", 10);
    assertThat(hits.get(0).patientId().value()).isEqualTo("0000000019");
    assertThat(hits.get(0).matched()).as("浜田 through the registered reading ハマダ; not 完全一致, 浜田 is not written")
        .containsExactly(MatchTag.READING);
    assertThat(ids("浜田 健")).doesNotContain("0000000012");
  }

  @Test
  void guessedReadingIsTagged() {
    assertThat(index.search("しょうじ", 10).get(0).matched()).containsExactly(MatchTag.GUESSED_READING);
  }

  @Test
  void variantOnlyMatchDoesNotReachTheSameTier() {
    List<PatientHit> hits = index.search("山崎", 10);
    assertThat(hits.get(0).patientId().value()).isEqualTo("0000000006");
    hits.stream().filter(h -> h.patientId().value().equals("0000000200"))
        .forEach(h -> assertThat(h.score()).isLessThan(hits.get(0).score()));
  }

  @Test
  void idHitIsTaggedAndOnly() {
    List<PatientHit> hits = index.search("0000123456", 10);
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).matched()).containsExactly(MatchTag.ID);
  }

  @Test
  void tanakaDoesNotReturnNearMissesInTopTiers() {
    assertThat(ids("たなか")).containsExactly("0000000204");
  }

  @Test
  void misheardNameFoundOnlyByFuzzy() {
    List<PatientHit> hits = index.search("ヤナダ タロウ", 10);
    assertThat(hits).extracting(h -> h.patientId().value()).contains("0000123456");
    assertThat(hits.get(0).matched()).contains(MatchTag.FUZZY);
  }

  @Test
  void yearAloneIsABirthRangeNotAnId() {
    List<PatientHit> hits = index.search("1975", 10);
    assertThat(hits).extracting(h -> h.patientId().value())
        .containsExactlyInAnyOrder("0000123456", "0000000206");
    assertThat(hits).allMatch(h -> h.matched().equals(List.of(MatchTag.BIRTH_DATE)));
  }

  @Test
  void sexAloneReturnsNothing() {
    assertThat(index.search("M", 10)).isEmpty();
  }

  @Test
  void sawadaMegumiBeatsSawadaEmi() {
    assertThat(ids("沢田 恵")).startsWith("0000000020");
  }

  @Test
  void prefixWhileTyping() {
    assertThat(ids("やまだ た")).first().isEqualTo("0000123456");
    assertThat(index.search("やまだ た", 10).get(0).matched()).contains(MatchTag.PREFIX);
  }
}

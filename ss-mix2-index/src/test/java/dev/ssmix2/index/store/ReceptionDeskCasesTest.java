package dev.ssmix2.index.store;

import static dev.ssmix2.index.store.Adt00Files.pid5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.search.MatchTag;
import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.search.SearchResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kinds of patient a reception desk still lost: provisional registrations typed as printed, surnames typed in
 * another of their readings, names written in one component, foreign names, small kana stored large, placeholders
 * searched by the real kanji, and exact homonyms. Each kind with look-alike patients, so that a fix that pulls a
 * wrong patient to rank 1 fails.
 */
class ReceptionDeskCasesTest {
  @TempDir static Path work;
  static PatientIndex index;

  @BeforeAll
  static void build() {
    Path root = work.resolve("storage");
    writeStorage(root);
    index = PatientIndex.open(work.resolve("index"));
    index.update(Storage.open(root), ProgressListener.none());
  }

  /** The reception-desk patients, one ADT-00 each; also searched on SolrCloud by SolrSearchEqualityTest. */
  static void writeStorage(Path root) {
    String ts = "20240101093000000";
    // provisional registrations, and one whose name only begins with 仮
    Adt00Files.write(root, "0000001001", pid5("(仮)山本", "健二", "ｶ)ﾔﾏﾓﾄ", "ｹﾝｼﾞ"), "19700101", "M", ts, '1');
    Adt00Files.write(root, "0000001002", pid5("（仮）救急", "一号", "カ)キュウキュウ", "イチゴウ"), "19000101", "U", ts, '1');
    Adt00Files.write(root, "0000001003", pid5("仮屋", "健二", "カリヤ", "ケンジ"), "19710101", "M", ts, '1');
    Adt00Files.write(root, "0000001004", pid5("山本", "健", "ヤマモト", "ケン"), "19720101", "M", ts, '1');
    // surnames registered in one reading, typed in another
    Adt00Files.write(root, "0000002001", pid5("河野", "太郎", "コウノ", "タロウ"), "19600101", "M", ts, '1');
    Adt00Files.write(root, "0000002002", pid5("川野", "太郎", "カワノ", "タロウ"), "19610101", "M", ts, '1');
    Adt00Files.write(root, "0000002003", pid5("河野", "花子", "カワノ", "ハナコ"), "19620101", "F", ts, '1');
    Adt00Files.write(root, "0000002004", pid5("上村", "修", "カミムラ", "オサム"), "19630101", "M", ts, '1');
    Adt00Files.write(root, "0000002005", pid5("植村", "修", "ウエムラ", "オサム"), "19640101", "M", ts, '1');
    Adt00Files.write(root, "0000002006", pid5("山崎", "良子", "ヤマザキ", "ヨシコ"), "19650101", "F", ts, '1');
    Adt00Files.write(root, "0000002007", pid5("中島", "誠", "ナカジマ", "マコト"), "19660101", "M", ts, '1');
    Adt00Files.write(root, "0000002008", pid5("中嶋", "誠", "ナカシマ", "マコト"), "19670101", "M", ts, '1');
    // the whole name in one component
    Adt00Files.write(root, "0000003001", pid5("森本\u3000トメ", "", "モリモト\u3000トメ", ""), "19200101", "F", ts, '1');
    Adt00Files.write(root, "0000003002", pid5("森本", "トメ子", "モリモト", "トメコ"), "19210101", "F", ts, '1');
    Adt00Files.write(root, "0000003003", pid5("山口\u3000花", "", "ヤマグチ\u3000ハナ", ""), "19300101", "F", ts, '1');
    Adt00Files.write(root, "0000003004", pid5("山口", "花子", "ヤマグチ", "ハナコ"), "19310101", "F", ts, '1');
    Adt00Files.write(root, "0000003005", pid5("山口", "花代", "ヤマグチ", "ハナヨ"), "19320101", "F", ts, '1');
    Adt00Files.write(root, "0000003006", pid5("大西ウメ", "", "", ""), "19190101", "F", ts, '1');
    Adt00Files.write(root, "0000003007", pid5("大西", "ウメ子", "オオニシ", "ウメコ"), "19180101", "F", ts, '1');
    // foreign names
    Adt00Files.write(root, "0000004001", pid5("マリア・サントス", "", "マリア・サントス", ""), "19850101", "F", ts, '1');
    Adt00Files.write(root, "0000004002", pid5("サントス", "ジョゼ", "サントス", "ジョゼ"), "19860101", "M", ts, '1');
    Adt00Files.write(root, "0000004003", "NGUYEN^THI HOA^^^^^L^A", "19950101", "F", ts, '1');
    Adt00Files.write(root, "0000004004", "TRAN VAN NAM^^^^^^L^I", "19960101", "M", ts, '1');
    Adt00Files.write(root, "0000004005", "NGUYEN^VAN HOANG^^^^^L^A", "19970101", "M", ts, '1');
    // small kana stored large, and the name they could be confused with
    Adt00Files.write(root, "0000005001", pid5("服部", "勝", "ハツトリ", "マサル"), "19500101", "M", ts, '1');
    Adt00Files.write(root, "0000005002", pid5("羽鳥", "勝", "ハトリ", "マサル"), "19510101", "M", ts, '1');
    Adt00Files.write(root, "0000005003", pid5("東海林", "翔", "シヨウジ", "シヨウ"), "19520101", "M", ts, '1');
    // placeholders for lost characters
    Adt00Files.write(root, "0000006001", pid5("■崎", "真理", "", ""), "19800101", "F", ts, '1');
    Adt00Files.write(root, "0000006002", pid5("岡崎", "真理", "オカザキ", "マリ"), "19810101", "F", ts, '1');
    Adt00Files.write(root, "0000006003", pid5("〓橋", "一生", "", ""), "19820101", "M", ts, '1');
    // exact homonyms
    Adt00Files.write(root, "0000007003", pid5("佐藤", "花子", "サトウ", "ハナコ"), "19550505", "F", ts, '1');
    Adt00Files.write(root, "0000007001", pid5("佐藤", "花子", "サトウ", "ハナコ"), "19400101", "F", ts, '1');
    Adt00Files.write(root, "0000007002", pid5("佐藤", "花子", "サトウ", "ハナコ"), "19881224", "F", ts, '1');
    Adt00Files.write(root, "0000007004", pid5("佐藤", "花", "サトウ", "ハナ"), "19890101", "F", ts, '1');
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static List<String> ids(String query) {
    return index.search(query, 10).stream().map(h -> h.patientId().value()).toList();
  }

  static PatientHit hit(String query, String id) {
    return index.search(query, 10).stream().filter(h -> h.patientId().value().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError(id + " not found for " + query + ": " + ids(query)));
  }

  @ParameterizedTest(name = "{0} → {1} first")
  @CsvSource(delimiter = '|', value = {
      "(仮)山本 健二|0000001001", "（仮）山本 健二|0000001001", "仮)山本 健二|0000001001", "ｶ)ﾔﾏﾓﾄ ｹﾝｼﾞ|0000001001",
      "カ)ヤマモト ケンジ|0000001001", "(仮)やまもと けんじ|0000001001", "やまもと けんじ|0000001001",
      "山本 健二|0000001001", "（仮）救急 一号|0000001002", "仮屋 健二|0000001003", "かりや|0000001003",
      "森本 トメ|0000003001", "もりもと とめ|0000003001", "森本トメ|0000003001", "モリモト トメ|0000003001",
      "やまぐち はな|0000003003", "山口 花|0000003003", "大西 ウメ|0000003006", "(仮登録)山本 健二|0000001001",
      "さんとす まりあ|0000004001", "まりあ さんとす|0000004001", "サントス マリア|0000004001",
      "nguyen hoa|0000004003", "hoa nguyen|0000004003", "nguyen thi hoa|0000004003", "tran nam|0000004004",
      "はっとり まさる|0000005001", "hattori masaru|0000005001", "しょうじ しょう|0000005003",
      "山崎 真理|0000006001", "髙橋 一生|0000006003"})
  void ranksThePatientFirst(String query, String expected) {
    assertThat(ids(query)).as(query).first().isEqualTo(expected);
  }

  @Test
  void provisionalMarkAloneFindsNothingAndAddsNothing() {
    assertThat(index.search("(仮)", 10)).isEmpty();
    assertThat(ids("(仮)山本 健")).first().as("the mark does not favour provisional patients").isEqualTo("0000001004");
  }

  @ParameterizedTest(name = "{0}: registered {1} before {2}, tagged 読み候補一致")
  @CsvSource(delimiter = '|', value = {
      "かわの たろう|0000002002|0000002001", "kawano taro|0000002002|0000002001",
      "うえむら おさむ|0000002005|0000002004", "なかしま まこと|0000002008|0000002007"})
  void anotherReadingOfTheSurnameRanksBelowTheRegisteredOne(String query, String registered, String candidate) {
    assertThat(ids(query)).as(query).startsWith(registered, candidate);
    assertThat(hit(query, candidate).matched()).as(query).contains(MatchTag.READING_CANDIDATE);
    assertThat(hit(query, candidate).score()).isLessThan(hit(query, registered).score());
  }

  @Test
  void surnameAloneRanksEveryRegisteredReadingAboveTheOtherReadings() {
    List<String> kawano = ids("かわの");
    assertThat(kawano.subList(0, 2)).containsExactlyInAnyOrder("0000002002", "0000002003");
    assertThat(kawano).contains("0000002001");
    assertThat(ids("やまさき")).first().isEqualTo("0000002006");
    assertThat(hit("やまさき", "0000002006").matched()).containsExactly(MatchTag.READING_CANDIDATE);
    assertThat(ids("こうの たろう")).first().as("the registered reading itself").isEqualTo("0000002001");
    assertThat(hit("こうの たろう", "0000002001").matched()).containsExactly(MatchTag.READING);
  }

  @Test
  void readingCandidatesAreForSurnamesOnly() {
    assertThat(ids("たろう かわの")).as("typed given name first").startsWith("0000002002", "0000002001");
    assertThat(ids("こうの")).as("registered コウノ, then the 河野 registered カワノ").containsExactly("0000002001",
        "0000002003");
  }

  @Test
  void oneComponentExactNameBeatsPrefixHitsOfOthers() {
    assertThat(ids("やまぐち はな")).startsWith("0000003003");
    assertThat(hit("やまぐち はな", "0000003003").score())
        .isGreaterThan(hit("やまぐち はな", "0000003004").score());
    assertThat(hit("森本 トメ", "0000003001").matched()).containsExactly(MatchTag.EXACT);
    assertThat(ids("森本 トメ")).contains("0000003002");
  }

  @Test
  void foreignNamesInOneComponentAreShownAsRegistered() {
    PatientHit maria = hit("さんとす まりあ", "0000004001");
    assertThat(maria.name()).isEqualTo("マリア・サントス");
    assertThat(ids("さんとす")).contains("0000004001", "0000004002");
    assertThat(ids("nguyen hoa")).as("HOANG only by prefix").startsWith("0000004003");
  }

  @Test
  void largeKanaStorageRanksAboveASokuonDropLookAlike() {
    assertThat(ids("はっとり まさる")).startsWith("0000005001", "0000005002");
    assertThat(hit("はっとり まさる", "0000005001").matched()).containsExactly(MatchTag.READING, MatchTag.READING_LOOSE);
    assertThat(ids("はとり まさる")).first().isEqualTo("0000005002");
  }

  @Test
  void placeholderMatchIsTaggedAndNeverBeatsTheRealSpelling() {
    assertThat(hit("山崎 真理", "0000006001").matched()).as("真理 as written, but not the whole name: no 完全一致")
        .containsExactly(MatchTag.PLACEHOLDER);
    assertThat(ids("岡崎 真理")).first().isEqualTo("0000006002");
    assertThat(hit("岡崎 真理", "0000006001").score()).isLessThan(hit("岡崎 真理", "0000006002").score());
    assertThat(ids("真理")).contains("0000006001", "0000006002");
  }

  @Test
  void exactHomonymsComeInAStableOrderWithAHintToAddTheBirthDate() {
    SearchResult r = index.searchResult("佐藤 花子", 10);
    assertThat(r.hits()).extracting(h -> h.patientId().value())
        .startsWith("0000007001", "0000007002", "0000007003");
    assertThat(r.sameName()).isEqualTo(3);
    assertThat(r.hint()).hasValueSatisfying(h -> assertThat(h).contains("3名").contains("生年月日"));
    assertThat(r.hits().subList(0, 3)).allMatch(h -> h.birthDate().isPresent());
    for (int i = 0; i < 5; i++) {
      assertThat(index.searchResult("さとう はなこ", 10).hits()).extracting(h -> h.patientId().value())
          .startsWith("0000007001", "0000007002", "0000007003");
    }
    assertThat(index.searchResult("佐藤 花子 S30.5.5", 10)).satisfies(withDate -> {
      assertThat(withDate.hits()).extracting(h -> h.patientId().value()).containsExactly("0000007003");
      assertThat(withDate.hint()).isEmpty();
    });
  }

  @Test
  void exactFullNameComesBeforePrefixHits() {
    assertThat(ids("さとう はな")).first().isEqualTo("0000007004");
    assertThat(index.searchResult("さとう はな", 10).hint()).isEmpty();
    assertThat(index.searchResult("佐藤 花", 10).sameName()).isZero();
  }

  @Test
  void noHintForAUniqueOrAFuzzyHit() {
    assertThat(index.searchResult("河野 太郎", 10).hint()).isEmpty();
    assertThat(index.searchResult("さとう はなご", 10).hint()).isEmpty();
  }
}

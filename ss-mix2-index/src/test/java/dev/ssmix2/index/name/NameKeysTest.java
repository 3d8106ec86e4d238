package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The normalisation side of the hard name cases (docs/index-design.md, "Hard name cases"). */
class NameKeysTest {

  @Test
  void halfWidthSourceIsFoldedAndFlagged() { // P5, query 4 and 14
    NameKeys keys = NameKeys.of("齋藤", "由美子", "ｻｲﾄｳ", "ﾕﾐｺ");
    assertThat(keys.family().kanaExact()).isEqualTo("サイトウ");
    assertThat(keys.given().kanaExact()).isEqualTo("ユミコ");
    assertThat(keys.flags()).contains(NameFlag.HALFWIDTH_SOURCE);
    assertThat(NameKeys.kanaExact("さいとう")).isEqualTo(keys.family().kanaExact());
    assertThat(NameKeys.kanaExact("ﾔﾏﾀﾞ")).isEqualTo("ヤマダ");
  }

  @Test
  void longVowelSpellingsShareRomajiAndLooseKeys() { // P7, queries 16 and 17
    for (String spelling : List.of("sato", "satoh", "satou", "SATOU", "サトー", "サトウ", "さとう")) {
      assertThat(NameKeys.romajiKey(spelling)).as(spelling).isEqualTo("sato");
    }
    assertThat(NameKeys.kanaLoose("サトー")).isEqualTo(NameKeys.kanaLoose("サトウ"));
    assertThat(NameKeys.kanaExact("サトー")).isNotEqualTo(NameKeys.kanaExact("サトウ"));
    assertThat(NameKeys.romajiKey("kyoko")).isEqualTo(NameKeys.romajiKey("キョウコ"));
    assertThat(NameKeys.romajiKey("taroh")).isEqualTo(NameKeys.romajiKey("タロウ")).isEqualTo("taro");
  }

  @Test
  void ohnoAndOnoDifferExactlyButAgreeLoosely() { // P8/P9, queries 18 and 19
    List<String> ohno = NameKeys.romajiToKanaCandidates("ohno");
    List<String> ono = NameKeys.romajiToKanaCandidates("ono");
    assertThat(ohno).contains("オオノ").doesNotContain("オノ");
    assertThat(ono).containsExactly("オノ");
    assertThat(NameKeys.kanaExact("オオノ")).isNotEqualTo(NameKeys.kanaExact("オノ"));
    assertThat(NameKeys.kanaLoose("オオノ")).isEqualTo(NameKeys.kanaLoose("オノ"));
    assertThat(NameKeys.romajiKey("ohno")).isEqualTo(NameKeys.romajiKey("ono"));
  }

  @Test
  void passportMAndNAreOneKey() { // P13, queries 23 and 24
    assertThat(NameKeys.romajiKey("homma")).isEqualTo(NameKeys.romajiKey("honma")).isEqualTo(NameKeys.romajiKey("ホンマ"));
    assertThat(NameKeys.romajiToKanaCandidates("homma")).first().isEqualTo("ホンマ");
    for (String spelling : List.of("shin'ichi", "sinniti", "shinichi", "shinnichi", "シンイチ")) {
      assertThat(NameKeys.romajiKey(spelling)).as(spelling).isEqualTo("shinichi");
    }
  }

  @Test
  void kunreiAndDoubleNMatchHepburn() { // P10, query 20
    assertThat(NameKeys.romajiKey("sasaki")).isEqualTo(NameKeys.romajiKey("ササキ"));
    assertThat(NameKeys.romajiKey("zyunniti")).isEqualTo(NameKeys.romajiKey("ジュンイチ")).isEqualTo("junichi");
    assertThat(NameKeys.romajiToKanaCandidates("zyunniti")).contains("ジュンイチ");
  }

  @Test
  void sokuonDropMakesHatoriAndHattoriLooselyEqual() { // P14, query 25
    assertThat(NameKeys.kanaExact("ハトリ")).isNotEqualTo(NameKeys.kanaExact("ハットリ"));
    assertThat(NameKeys.romajiKey("hatori")).isNotEqualTo(NameKeys.romajiKey("hattori"));
    assertThat(NameKeys.kanaLoose(NameKeys.romajiToKanaCandidates("hatori").get(0)))
        .isEqualTo(NameKeys.kanaLoose("ハットリ"));
  }

  @Test
  void dzuAndZuAreLooselyEqual() { // P12, query 22
    assertThat(NameKeys.kanaLoose("チヅル")).isEqualTo(NameKeys.kanaLoose("ちずる"));
    assertThat(NameKeys.romajiKey("chizuru")).isEqualTo(NameKeys.romajiKey("チヅル"));
  }

  @Test
  void vuAndBuAreLooselyEqualAndRomajiTriesBoth() { // P17, query 28
    assertThat(NameKeys.kanaLoose("ヴィクトリア")).isEqualTo(NameKeys.kanaLoose("ビクトリア"));
    assertThat(NameKeys.romajiToKanaCandidates("victoria")).contains("ヴィクトリア", "ビクトリア");
    assertThat(NameKeys.romajiKey("VICTORIA")).isEqualTo(NameKeys.romajiKey("ヴィクトリア"));
  }

  @Test
  void spoofingVariantFoldsAndSurrogatePairsSurvive() { // P15, query 26
    NameKeys keys = NameKeys.of("𠮷田", "葵", "ヨシダ", "アオイ");
    assertThat(keys.family().kanjiExact()).isEqualTo("𠮷田");
    assertThat(keys.family().kanjiStrict()).isEqualTo("吉田");
    assertThat(keys.full().kanjiExact()).isEqualTo("𠮷田葵");
    assertThat(keys.full().kanjiExact().codePointCount(0, keys.full().kanjiExact().length())).isEqualTo(3);
    assertThat(NameKeys.kanjiStrict("吉田")).isEqualTo(keys.family().kanjiStrict());
  }

  @Test
  void ideographicVariationSequenceIsStripped() { // P16, query 27
    NameKeys keys = NameKeys.of("葛\uDB40\uDD00城", "恵", "カツラギ", "メグミ");
    assertThat(keys.family().kanjiRaw()).isEqualTo("葛\uDB40\uDD00城");
    assertThat(keys.family().kanjiExact()).isEqualTo("葛城");
  }

  @Test
  void placeholderIsFlaggedAndOnlyRealCharactersRemain() { // P19, query 30
    NameKeys keys = NameKeys.of("〓田", "健", "ハマダ", "ケン");
    assertThat(keys.family().kanjiExact()).isEqualTo("田");
    assertThat(keys.family().kanjiHasPlaceholder()).isTrue();
    assertThat(keys.given().kanjiHasPlaceholder()).isFalse();
    assertThat(keys.flags()).contains(NameFlag.KANJI_PLACEHOLDER);
    assertThat(keys.family().kanaExact()).isEqualTo("ハマダ");
    assertThat(NameKeys.of("\uE000山", "", "", "").family().kanjiExact()).isEqualTo("山");
  }

  @Test
  void iterationMarkAndRepeatedKanjiAreOneKey() { // P10, query 20
    assertThat(NameKeys.kanjiExact("佐々木")).isEqualTo(NameKeys.kanjiExact("佐佐木"));
  }

  @Test
  void kanjiVariantLevels() { // queries 10–15
    assertThat(NameKeys.kanjiStrict("髙橋")).isEqualTo(NameKeys.kanjiStrict("高橋"));
    assertThat(NameKeys.kanjiExact("髙橋")).isNotEqualTo(NameKeys.kanjiExact("高橋"));
    assertThat(NameKeys.kanjiStrict("渡邉")).isEqualTo(NameKeys.kanjiStrict("渡辺"));
    assertThat(NameKeys.kanjiStrict("斉藤")).isNotEqualTo(NameKeys.kanjiStrict("齋藤"));
    assertThat(NameKeys.kanjiLoose("斉藤")).isEqualTo(NameKeys.kanjiLoose("齋藤"));
    assertThat(NameKeys.kanjiStrict("山崎")).isEqualTo(NameKeys.kanjiStrict("山﨑"));
    assertThat(NameKeys.kanjiLoose("山埼")).isNotEqualTo(NameKeys.kanjiLoose("山崎"));
    assertThat(NameKeys.kanjiStrict("澤田")).isEqualTo(NameKeys.kanjiStrict("沢田"));
  }

  @Test
  void compatibilityIdeographIsExactAsRegisteredButFoldedStrictly() {
    String registered = "\uF9DC"; // 隆 U+F9DC, which NFKC rewrites to U+9686
    assertThat(NameKeys.kanjiExact(registered)).isEqualTo(registered);
    assertThat(NameKeys.kanjiStrict(registered)).isEqualTo("隆");
    assertThat(NameKeys.kanjiStrict("\uFA1E\uFA26")).isEqualTo("羽都");
  }

  @Test
  void missingKanaIsFlaggedAndKanaInTheKanjiFieldIsUsedAsReading() { // P18, query 29
    NameKeys keys = NameKeys.of("東海林", "さだお", "", "");
    assertThat(keys.flags()).contains(NameFlag.NO_KANA, NameFlag.KANA_IN_KANJI_FIELD);
    assertThat(keys.family().kanaExact()).isEmpty();
    assertThat(keys.given().kanaExact()).isEqualTo("サダオ");
    assertThat(keys.full().kanaExact()).as("never half a full name").isEmpty();
    assertThat(keys.full().kanjiExact()).isEqualTo("東海林さだお");
  }

  @Test
  void kanjiInTheKanaFieldIsNeverAReading() {
    NameKeys keys = NameKeys.of("", "", "山田", "太郎");
    assertThat(keys.flags()).contains(NameFlag.KANJI_IN_KANA_FIELD, NameFlag.NO_KANA);
    assertThat(keys.family().kanjiExact()).isEqualTo("山田");
    assertThat(keys.family().kanaExact()).isEmpty();
  }

  @Test
  void foreignPatientWithRomajiName() { // P17
    NameKeys keys =
        NameKeys.builder().kanji("スミス", "ヴィクトリア").kana("スミス", "ヴィクトリア").romaji("SMITH", "VICTORIA").build();
    assertThat(keys.given().kanaExact()).isEqualTo("ヴィクトリア");
    assertThat(keys.given().kanaLoose()).isEqualTo("ビクトリア");
    assertThat(keys.given().romajiKeys()).containsExactly("bikutoria");
    assertThat(keys.family().romajiKey()).isEqualTo(NameKeys.romajiKey("smith"));
    assertThat(keys.flags()).contains(NameFlag.LATIN_NAME);

    NameKeys romajiOnly = NameKeys.builder().romaji("SMITH", "VICTORIA").build();
    assertThat(romajiOnly.given().kanaExact()).isEqualTo("ヴィクトリア");
    assertThat(romajiOnly.flags()).contains(NameFlag.KANA_FROM_ROMAJI).doesNotContain(NameFlag.NO_KANA);
  }

  @Test
  void fullKeysAreTheConcatenatedNameSoUndelimitedQueriesMatch() { // P1, queries 5 and 8
    NameKeys keys = NameKeys.of("山田", "太郎", "ヤマダ", "タロウ");
    assertThat(keys.full().kanjiExact()).isEqualTo("山田太郎");
    assertThat(keys.full().kanaExact()).isEqualTo(NameKeys.kanaExact("やまだたろう"));
    assertThat(keys.full().kanaLoose()).isEqualTo(NameKeys.kanaLoose("やまだたろう"));
    assertThat(keys.full().romajiKey()).isEqualTo(NameKeys.romajiKey("yamadataro"));
    assertThat(keys.given().romajiKey()).isEqualTo(NameKeys.romajiKey("TAROH"));
    assertThat(keys.flags()).isEmpty();
  }

  @Test
  void splitVoicingMarksAreJoined() {
    assertThat(NameKeys.kanaExact("ヤマタ゛")).isEqualTo("ヤマダ");
    assertThat(NameKeys.kanaExact("ﾔﾏﾀﾞ ﾀﾛｳ")).isEqualTo("ヤマダタロウ");
  }

  @Test
  void missingPartsAreEmptyNotNull() {
    NameKeys keys = NameKeys.builder().build();
    assertThat(keys.family().isEmpty()).isTrue();
    assertThat(keys.full().romajiKey()).isEmpty();
    assertThatThrownBy(() -> NameKeys.of(null, "", "", ""))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("kanji family");
  }

  @Test
  void tableVersionIsAStableFingerprint() {
    assertThat(NameKeys.TABLE_VERSION).matches("keys-r\\d+-[0-9a-f]{12}");
  }

  @Test
  void markupIsRemovedFromEveryFieldAndFlagged() {
    NameKeys keys = NameKeys.builder()
        .kanji("<b>菊地</b>", "&#x5F69;")
        .kana("<b>キクチ</b>", "アヤ")
        .build();
    assertThat(keys.family().kanjiExact()).isEqualTo("菊地");
    assertThat(keys.family().kanjiRaw()).isEqualTo("菊地");
    assertThat(keys.given().kanjiExact()).isEqualTo("彩");
    assertThat(keys.family().kanaExact()).isEqualTo("キクチ");
    assertThat(keys.full().romajiKey()).isEqualTo("kikuchiaya");
    assertThat(keys.flags()).contains(NameFlag.MARKUP);
  }

  @Test
  void scriptOnlyFieldLeavesNoRomajiName() {
    NameKeys keys = NameKeys.builder().kanji("<script>alert('x')</script>", "太郎").kana("スクリプト", "タロウ").build();
    assertThat(keys.family().hasKanji()).isFalse();
    assertThat(keys.family().romajiKeys()).containsExactly("sukuriputo");
    assertThat(keys.flags()).contains(NameFlag.MARKUP).doesNotContain(NameFlag.LATIN_NAME);
  }

  @Test
  void plainNamesAreNotFlaggedAsMarkup() {
    assertThat(NameKeys.of("田中", "太郎", "タナカ", "タロウ").flags()).doesNotContain(NameFlag.MARKUP);
  }

  @Test
  void provisionalMarkIsNoPartOfAnyKey() {
    NameKeys keys = NameKeys.of("(仮)山本", "健二", "ｶ)ﾔﾏﾓﾄ", "ｹﾝｼﾞ");
    assertThat(keys.family().kanjiExact()).isEqualTo("山本");
    assertThat(keys.family().kanjiRaw()).isEqualTo("山本");
    assertThat(keys.family().kanaExact()).isEqualTo("ヤマモト");
    assertThat(keys.full().kanaExact()).isEqualTo("ヤマモトケンジ");
    assertThat(keys.flags()).contains(NameFlag.PROVISIONAL);
    assertThat(NameKeys.of("仮屋", "一郎", "カリヤ", "イチロウ").flags()).doesNotContain(NameFlag.PROVISIONAL);
  }

  @Test
  void oneComponentNameSplitsFamilyFirst() {
    List<NameKeys> all = NameKeys.builder().kanji("森本\u3000トメ", "").kana("モリモト\u3000トメ", "").buildAll();
    assertThat(all).hasSize(1);
    NameKeys keys = all.get(0);
    assertThat(keys.family().kanjiExact()).isEqualTo("森本");
    assertThat(keys.given().kanjiExact()).isEqualTo("トメ");
    assertThat(keys.family().kanaExact()).isEqualTo("モリモト");
    assertThat(keys.given().kanaExact()).isEqualTo("トメ");
    assertThat(keys.full().kanjiExact()).isEqualTo("森本トメ");
    assertThat(keys.flags()).contains(NameFlag.ONE_COMPONENT);
    assertThat(NameKeys.builder().kanji("森本", "トメ").build().flags()).doesNotContain(NameFlag.ONE_COMPONENT);
  }

  @Test
  void foreignNameInOneComponentIsReadInBothOrders() {
    List<NameKeys> all = NameKeys.builder().kanji("マリア・サントス", "").kana("マリア・サントス", "").buildAll();
    assertThat(all).extracting(k -> k.family().kanaExact() + "|" + k.given().kanaExact())
        .containsExactly("マリア|サントス", "サントス|マリア");
    assertThat(NameKeys.builder().kana("アナ＝マリア＝ロペス", "").buildAll())
        .extracting(k -> k.family().kanaExact() + "|" + k.given().kanaExact())
        .contains("アナ|マリアロペス", "ロペス|アナマリア", "ロペス|アナ", "ロペス|マリア");
  }

  @Test
  void everyGivenNameOfARomajiNameIsAKeyOfItsOwn() {
    List<NameKeys> oneField = NameKeys.builder().kanji("NGUYEN THI HOA", "").buildAll();
    assertThat(oneField).extracting(k -> k.family().romajiKey() + "|" + k.given().romajiKey())
        .contains("nguyen|thihoa", "nguyen|hoa", "nguyen|thi", "hoa|nguyenthi");
    List<NameKeys> twoFields = NameKeys.builder().romaji("NGUYEN", "THI HOA").buildAll();
    assertThat(twoFields).extracting(k -> k.family().romajiKey() + "|" + k.given().romajiKey())
        .containsExactly("nguyen|thihoa", "nguyen|thi", "nguyen|hoa");
    assertThat(twoFields.get(0)).isEqualTo(NameKeys.builder().romaji("NGUYEN", "THI HOA").build());
  }

  @Test
  void masksOfTypedKanjiMeetTheMaskedKeyOfALostCharacter() {
    assertThat(NameKeys.kanjiMasked("■橋")).isEqualTo("〓橋");
    assertThat(NameKeys.kanjiMasked("髙橋")).isEmpty();
    assertThat(NameKeys.kanjiMasks("髙橋")).containsExactly("〓橋", "高〓");
    assertThat(NameKeys.kanjiMasks("長谷川")).contains("〓谷川", "長〓川", "長谷〓", "〓〓川").doesNotContain("〓〓〓");
    assertThat(NameKeys.kanjiMasks("林")).isEmpty();
    assertThat(NameKeys.kanjiMasks("〓田")).isEmpty();
    assertThat(NameKeys.kanjiMasks("𠮷田")).containsExactly("〓田", "吉〓");
  }

  @Test
  void largeKanaFormIsHowSystemsWithoutSmallKanaStoredTheReading() {
    assertThat(NameKeys.kanaLarge("はっとり")).isEqualTo("ハツトリ");
    assertThat(NameKeys.kanaLarge("しょうじ")).isEqualTo("シヨウジ");
    assertThat(NameKeys.kanaLarge("やまだ")).isEqualTo(NameKeys.kanaExact("やまだ"));
  }
}

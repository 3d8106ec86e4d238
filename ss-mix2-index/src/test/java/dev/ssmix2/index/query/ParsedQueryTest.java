package dev.ssmix2.index.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.record.Sex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedQueryTest {

  private static List<String> names(ParsedQuery q) {
    return q.names().stream().map(NameToken::text).toList();
  }

  private static List<NameToken.Kind> kinds(ParsedQuery q) {
    return q.names().stream().map(NameToken::kind).toList();
  }

  @Test
  void patientIdKeepsAnUnpaddedForm() {
    ParsedQuery q = ParsedQuery.parse("0000123456");
    assertThat(q.ids()).containsExactly(new IdToken("0000123456", "0000123456", "123456"));
    assertThat(q.names()).isEmpty();
    assertThat(q.birthDate()).isEmpty();
  }

  @Test
  void fullWidthDigitsAndLettersAreIds() {
    assertThat(ParsedQuery.parse("０１２３４５").ids()).extracting(IdToken::normalized).containsExactly("012345");
    assertThat(ParsedQuery.parse("ab-12-3").ids()).containsExactly(new IdToken("ab-12-3", "AB123", "AB123"));
  }

  @Test
  void yearAloneIsADateRangeAndAnUnpaddedId() {
    ParsedQuery q = ParsedQuery.parse("1975");
    assertThat(q.ids()).extracting(IdToken::unpadded).containsExactly("1975");
    assertThat(q.birthDate())
        .contains(new BirthDateRange(LocalDate.of(1975, 1, 1), LocalDate.of(1975, 12, 31)));
  }

  @Test
  void oneKanjiEraAbbreviation() {
    assertThat(ParsedQuery.parse("昭33.5.5").birthDate()).contains(BirthDateRange.day(LocalDate.of(1958, 5, 5)));
    assertThat(ParsedQuery.parse("平元年1月8日").birthDate()).contains(BirthDateRange.day(LocalDate.of(1989, 1, 8)));
    assertThat(ParsedQuery.parse("令1.4.30").birthDate()).as("令和 began on 2019-05-01").isEmpty();
  }

  @Test
  void eightDigitDateIsBothIdAndDate() {
    ParsedQuery q = ParsedQuery.parse("19480405");
    assertThat(q.ids()).extracting(IdToken::text).containsExactly("19480405");
    assertThat(q.birthDate()).contains(BirthDateRange.day(LocalDate.of(1948, 4, 5)));
    assertThat(ParsedQuery.parse("19481340").birthDate()).as("not a date, so only an ID").isEmpty();
    assertThat(ParsedQuery.parse("19481340").ids()).hasSize(1);
  }

  @Test
  void separatedDatesAreNeverIds() {
    ParsedQuery q = ParsedQuery.parse("1948-04-05");
    assertThat(q.ids()).isEmpty();
    assertThat(q.birthDate()).contains(BirthDateRange.day(LocalDate.of(1948, 4, 5)));
  }

  @Test
  void invalidDateIsReportedNotGuessed() {
    ParsedQuery q = ParsedQuery.parse("やまだ S64.2.1");
    assertThat(q.birthDate()).isEmpty();
    assertThat(q.ids()).isEmpty();
    assertThat(q.unrecognized()).containsExactly("S64.2.1");
    assertThat(names(q)).containsExactly("やまだ");
  }

  @Test
  void kanaNameWithEraDate() { // kana name with an era date
    ParsedQuery q = ParsedQuery.parse("やまだ S50.3.15");
    assertThat(names(q)).containsExactly("やまだ");
    assertThat(kinds(q)).containsExactly(NameToken.Kind.KANA);
    assertThat(q.birthDate()).contains(BirthDateRange.day(LocalDate.of(1975, 3, 15)));
  }

  @Test
  void sexTokens() {
    assertThat(ParsedQuery.parse("山田 男").sex()).contains(Sex.MALE);
    assertThat(ParsedQuery.parse("山田 女性").sex()).contains(Sex.FEMALE);
    assertThat(ParsedQuery.parse("yamada F").sex()).contains(Sex.FEMALE);
    assertThat(ParsedQuery.parse("yamada F").names()).extracting(NameToken::text).containsExactly("yamada");
  }

  @Test
  void loneMIsSexNotAName() {
    ParsedQuery q = ParsedQuery.parse("M");
    assertThat(q.sex()).contains(Sex.MALE);
    assertThat(q.names()).isEmpty();
    assertThat(q.ids()).isEmpty();
  }

  @Test
  void halfWidthKanaQueryIsFoldedAndSplit() { // half-width kana with voiced marks
    ParsedQuery q = ParsedQuery.parse("ﾔﾏﾀﾞ ﾀﾛｳ");
    assertThat(names(q)).containsExactly("ヤマダ", "タロウ");
    assertThat(kinds(q)).containsOnly(NameToken.Kind.KANA);
  }

  @Test
  void splitsOnFullWidthSpaceNakaguroCommaAndCaret() {
    assertThat(names(ParsedQuery.parse("山田\u3000太郎"))).containsExactly("山田", "太郎");
    assertThat(names(ParsedQuery.parse("山田^太郎"))).containsExactly("山田", "太郎");
    assertThat(names(ParsedQuery.parse("スミス・ヴィクトリア"))).containsExactly("スミス", "ヴィクトリア");
    assertThat(names(ParsedQuery.parse("yamada,taro"))).containsExactly("yamada", "taro");
  }

  @Test
  void latinNamesKeepCaseAndApostrophes() { // romaji, Latin case and apostrophes
    ParsedQuery q = ParsedQuery.parse("YAMADA TAROH");
    assertThat(names(q)).containsExactly("YAMADA", "TAROH");
    assertThat(kinds(q)).containsOnly(NameToken.Kind.LATIN);
    assertThat(names(ParsedQuery.parse("shin'ichi"))).containsExactly("shin'ichi");
    assertThat(kinds(ParsedQuery.parse("Ōno"))).containsExactly(NameToken.Kind.LATIN);
  }

  @Test
  void kanjiAndMixedTokens() { // kanji written together and mixed scripts
    ParsedQuery q = ParsedQuery.parse("本間 しんいち");
    assertThat(kinds(q)).containsExactly(NameToken.Kind.KANJI, NameToken.Kind.KANA);
    assertThat(kinds(ParsedQuery.parse("𠮷田"))).containsExactly(NameToken.Kind.KANJI);
    assertThat(kinds(ParsedQuery.parse("佐々木"))).containsExactly(NameToken.Kind.KANJI);
  }

  @Test
  void undelimitedFullNameIsASingleToken() {
    ParsedQuery q = ParsedQuery.parse("山田太郎");
    assertThat(q.singleNameToken()).isTrue();
    assertThat(q.names().get(0).kanjiThenKana()).isEmpty();
    assertThat(ParsedQuery.parse("東海林さだお").names().get(0).kanjiThenKana())
        .contains(List.of("東海林", "さだお"));
    assertThat(ParsedQuery.parse("やまだ たろう").singleNameToken()).isFalse();
  }

  @Test
  void splitVoicingMarkDoesNotSplitTheToken() {
    assertThat(names(ParsedQuery.parse("ヤマタ゛ タロウ"))).containsExactly("ヤマダ", "タロウ");
  }

  @Test
  void everythingTogether() {
    ParsedQuery q = ParsedQuery.parse("  やまだ　たろう 昭和50年3月15日 男 0000123456 ");
    assertThat(names(q)).containsExactly("やまだ", "たろう");
    assertThat(q.birthDate()).contains(BirthDateRange.day(LocalDate.of(1975, 3, 15)));
    assertThat(q.sex()).contains(Sex.MALE);
    assertThat(q.ids()).extracting(IdToken::unpadded).containsExactly("123456");
    assertThat(q.unrecognized()).isEmpty();
  }

  @Test
  void blankQueryIsEmpty() {
    assertThat(ParsedQuery.parse(" \u3000 ").isEmpty()).isTrue();
    assertThat(ParsedQuery.parse("・・").isEmpty()).isTrue();
  }

  @Test
  void eraShorthandWithoutSeparatorsIsAlsoAnIdCandidate() {
    ParsedQuery q = ParsedQuery.parse("S230405");
    assertThat(q.birthDate()).contains(BirthDateRange.day(LocalDate.of(1948, 4, 5)));
    assertThat(q.ids()).extracting(IdToken::text).containsExactly("S230405");
  }

  @Test
  void formLabelsBeforeAnIdAreNoNames() {
    for (String typed : List.of("ID:777", "ID 777", "ID：777", "患者ID:777", "患者ID　７７７", "患者番号 777", "No.777",
        "ID=777", "#777", "PID 777", "ID777")) {
      ParsedQuery q = ParsedQuery.parse(typed);
      assertThat(q.names()).as(typed).isEmpty();
      assertThat(q.ids()).as(typed).extracting(IdToken::unpadded).containsExactly("777");
    }
    assertThat(ParsedQuery.parse("患者ID:0000000777").ids()).extracting(IdToken::text).containsExactly("0000000777");
    assertThat(ParsedQuery.parse("ID 777").unrecognized()).containsExactly("ID");
  }

  @Test
  void labelsBeforeDatesAndSexAreNoNames() {
    ParsedQuery q = ParsedQuery.parse("中村裕子 生年月日:S33.5.5 性別:女");
    assertThat(names(q)).containsExactly("中村裕子");
    assertThat(q.birthDate()).contains(BirthDateRange.day(LocalDate.of(1958, 5, 5)));
    assertThat(q.sex()).contains(Sex.FEMALE);
  }

  @Test
  void bracketedDateIsSplitOff() {
    ParsedQuery q = ParsedQuery.parse("中村裕子（S33.5.5）");
    assertThat(names(q)).containsExactly("中村裕子");
    assertThat(q.birthDate()).contains(BirthDateRange.day(LocalDate.of(1958, 5, 5)));
  }

  @Test
  void bornSuffixAfterAnyDateShape() {
    for (String typed : List.of("S33.5.5生", "1958/5/5生", "1958-05-05生まれ", "昭和33年5月5日生", "s330505生")) {
      assertThat(ParsedQuery.parse(typed).birthDate()).as(typed).contains(BirthDateRange.day(LocalDate.of(1958, 5, 5)));
    }
  }

  @Test
  void clinicianDateForms() {
    for (String typed : List.of("1958年5月5日", "S33/5/5", "s33.05.05", "昭和33年5月5日生", "昭33年5月5日", "1958.05.05",
        "ｓ３３．５．５", "H1.1.8")) {
      assertThat(ParsedQuery.parse("近藤 " + typed).birthDate()).as(typed).isPresent();
      assertThat(names(ParsedQuery.parse("近藤 " + typed))).as(typed).containsExactly("近藤");
    }
    assertThat(ParsedQuery.parse("58.5.5").birthDate()).as("two-digit year without era is ambiguous").isEmpty();
  }

  @Test
  void honorificsAreDropped() {
    assertThat(names(ParsedQuery.parse("中村様"))).containsExactly("中村");
    assertThat(names(ParsedQuery.parse("中村 裕子 様"))).containsExactly("中村", "裕子");
    assertThat(names(ParsedQuery.parse("なかむらさん"))).containsExactly("なかむら");
    assertThat(names(ParsedQuery.parse("様"))).isEmpty();
  }

  @Test
  void moreSexWords() {
    assertThat(ParsedQuery.parse("山田 男児").sex()).contains(Sex.MALE);
    assertThat(ParsedQuery.parse("山田 ♀").sex()).contains(Sex.FEMALE);
  }

  @Test
  void wordsWithDigitsAreNoNames() {
    ParsedQuery q = ParsedQuery.parse("中村 58歳");
    assertThat(names(q)).containsExactly("中村");
    assertThat(q.unrecognized()).containsExactly("58歳");
  }
}

package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadingGuesserTest {
  private static final ReadingGuesser GUESSER = ReadingGuesser.create();

  @Test
  void ipadicKnowsCommonSurnames() {
    assertThat(GUESSER.guess("浜田")).startsWith("ハマダ");
    assertThat(GUESSER.guess("東海林")).startsWith("ショウジ");
    assertThat(GUESSER.guess("山田太郎")).contains("ヤマダタロウ");
  }

  @Test
  void variantsAreFoldedBeforeAskingKuromoji() {
    // IPADIC has no 髙, 濵 or 𠮷; unfolded it answers 髙/橋(キョウ) and 田(タ).
    assertThat(GUESSER.guess("髙橋")).startsWith("タカハシ").doesNotContain("キョウ");
    assertThat(GUESSER.guess("濵田")).containsExactly("ハマダ");
    assertThat(GUESSER.guess("𠮷田")).containsExactly("ヨシダ");
  }

  @Test
  void curatedReadingsComeFirstAndMayBeSeveral() {
    assertThat(GUESSER.guess("小鳥遊")).first().isEqualTo("タカナシ");
    assertThat(GUESSER.guess("四月一日")).first().isEqualTo("ワタヌキ");
    assertThat(GUESSER.guess("渡部")).startsWith("ワタナベ", "ワタベ");
    assertThat(GUESSER.guess("陽翔")).contains("ハルト", "ヒロト");
  }

  @Test
  void everyPersonNameReadingOfIpadicNotOnlyTheBestPath() {
    // kuromoji's best path reads 菅野 カンノ only, 平野 and 長尾 as the common nouns ヘイヤ and チョウビ
    assertThat(GUESSER.guess("菅野")).startsWith("カンノ").contains("スガノ");
    assertThat(GUESSER.guess("平野")).first().isEqualTo("ヒラノ");
    assertThat(GUESSER.guess("長尾")).first().isEqualTo("ナガオ");
    assertThat(GUESSER.guess("河野")).contains("コウノ", "カワノ");
  }

  @Test
  void curatedModernGivenNamesThatIpadicLacks() {
    assertThat(GUESSER.guess("陽太")).startsWith("ヨウタ", "ヒナタ");
    assertThat(GUESSER.guess("颯太")).first().isEqualTo("ソウタ");
    assertThat(GUESSER.guess("実")).first().isEqualTo("ミノル");
  }

  @Test
  void atMostEightCandidates() {
    assertThat(IpadicNames.readings("光")).hasSizeGreaterThan(1);
    assertThat(GUESSER.guess("光")).hasSizeLessThanOrEqualTo(8);
  }

  @Test
  void ipadicLookupIsForTheWholeSurfaceOnly() {
    assertThat(IpadicNames.readings("陽太")).isEmpty();
    assertThat(IpadicNames.readings("")).isEmpty();
    assertThat(IpadicNames.readings("𠮷田")).isEmpty();
    assertThat(IpadicNames.readings("智子")).contains("トモコ", "サトコ");
  }

  @Test
  void kanaIsItsOwnReading() {
    assertThat(GUESSER.guess("さだお")).containsExactly("サダオ");
  }

  @Test
  void nothingIsGuessedForPlaceholdersOrEmptyText() {
    assertThat(GUESSER.guess("〓田")).isEmpty();
    assertThat(GUESSER.guess("")).isEmpty();
    assertThat(GUESSER.guess("・")).isEmpty();
  }

  @Test
  void composesGivenNamesNoDictionaryKnows() {
    assertThat(GUESSER.guess("翔真")).doesNotContain("ショウマ");
    assertThat(GUESSER.compose("翔真")).first().isEqualTo("ショウマ");
    assertThat(GUESSER.compose("和真")).contains("カズマ");
    assertThat(GUESSER.compose("結月")).contains("ユヅキ");
    assertThat(GUESSER.compose("琥太郎")).contains("コタロウ");
    assertThat(GUESSER.compose("菜々美")).as("々 is expanded first").contains("ナナミ");
  }

  @Test
  void composesNothingWhereADictionaryReadsTheWholePart() {
    assertThat(GUESSER.compose("高橋")).isEmpty(); // IPADIC
    assertThat(GUESSER.compose("陽翔")).isEmpty(); // curated
    assertThat(GUESSER.compose("〓真")).isEmpty();
    assertThat(GUESSER.compose("さくら")).isEmpty();
  }

  @Test
  void surnamesWithSeveralReadingsListThemAll() {
    assertThat(GUESSER.surnameReadings("河野")).contains("コウノ", "カワノ");
    assertThat(GUESSER.surnameReadings("上村")).contains("ウエムラ", "カミムラ");
    assertThat(GUESSER.surnameReadings("山﨑")).as("variant folded first").contains("ヤマザキ", "ヤマサキ");
    assertThat(GUESSER.surnameReadings("中島")).contains("ナカジマ", "ナカシマ");
    assertThat(GUESSER.surnameReadings("渡部")).as("curated family row").startsWith("ワタナベ", "ワタベ");
  }

  @Test
  void surnameReadingsAreSurnamesOnly() {
    assertThat(GUESSER.surnameReadings("陽翔")).as("a given name").isEmpty();
    assertThat(GUESSER.surnameReadings("〓田")).isEmpty();
    assertThat(GUESSER.surnameReadings("やまだ")).isEmpty();
    assertThat(GUESSER.surnameReadings("")).isEmpty();
  }
}

package dev.ssmix2.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NameBankTest {
  private final NameBank bank = NameBank.get();

  @Test
  void hasEnoughFamilyAndGivenNames() {
    assertThat(bank.family.items()).hasSizeGreaterThanOrEqualTo(300);
    assertThat(bank.male.items().size() + bank.female.items().size()).isGreaterThanOrEqualTo(300);
  }

  @Test
  void commonestFamilyNameIsAboutOneAndAHalfPercent() {
    assertThat(bank.family.share(0)).isBetween(0.012, 0.018);
    assertThat(bank.family.items().get(0).kanji()).isEqualTo("佐藤");
  }

  @Test
  void drawsFollowTheWeights() {
    SplittableRandom rng = new SplittableRandom(1);
    int sato = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      if (bank.family.draw(rng).kanji().equals("佐藤")) {
        sato++;
      }
    }
    assertThat((double) sato / n).isCloseTo(bank.family.share(0), org.assertj.core.data.Offset.offset(0.002));
  }

  @Test
  void containsHomophonesAndSameKanjiWithOtherReadings() {
    List<String> saito = bank.family.items().stream().filter(n -> n.kana().equals("サイトウ"))
        .map(NameBank.Name::kanji).toList();
    assertThat(saito).contains("斉藤", "斎藤", "齋藤");
    assertThat(readings("渡部")).containsExactlyInAnyOrder("ワタナベ", "ワタベ");
    assertThat(readings("東海林")).containsExactlyInAnyOrder("ショウジ", "トウカイリン");
  }

  private List<String> readings(String kanji) {
    return bank.family.items().stream().filter(n -> n.kanji().equals(kanji)).map(NameBank.Name::kana)
        .collect(Collectors.toList());
  }

  @Test
  void readingsAreFullWidthKatakana() {
    assertThat(bank.family.items()).allSatisfy(n -> assertThat(n.kana()).matches("[ァ-ヴー]+"));
    assertThat(bank.female.items()).allSatisfy(n -> assertThat(n.kana()).matches("[ァ-ヴー]+"));
  }
}

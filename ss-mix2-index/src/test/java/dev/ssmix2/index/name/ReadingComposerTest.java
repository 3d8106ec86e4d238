package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadingComposerTest {
  private static final ReadingComposer COMPOSER = ReadingComposer.create();

  @Test
  void bestRankedReadingsComeFirst() {
    assertThat(COMPOSER.compose("翔真")).startsWith("ショウマ");
    assertThat(COMPOSER.compose("晴斗")).first().isEqualTo("ハルト");
  }

  @Test
  void kanaStandsForItself() {
    assertThat(COMPOSER.compose("ひろ子")).containsExactly("ヒロコ");
  }

  @Test
  void aKanjiOutsideTheTableIsReadByIpadic() {
    assertThat(COMPOSER.compose("山")).contains("ヤマ");
    assertThat(COMPOSER.compose("驍")).as("neither the table nor IPADIC reads it").isEmpty();
  }

  @Test
  void isBounded() {
    assertThat(COMPOSER.compose("陽大翔真")).hasSize(ReadingComposer.MAX_RESULTS);
    assertThat(COMPOSER.compose("陽大翔真一")).as("longer than MAX_LENGTH").isEmpty();
    assertThat(COMPOSER.compose("")).isEmpty();
  }

  @Test
  void surrogatePairsAreOneCharacter() {
    assertThat(COMPOSER.compose("𠮷")).allSatisfy(r -> assertThat(r).doesNotContain("\uFFFD"));
  }
}

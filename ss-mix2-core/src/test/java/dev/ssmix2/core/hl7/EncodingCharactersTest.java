package dev.ssmix2.core.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncodingCharactersTest {
  @Test
  void defaultsAreTheSsMix2Delimiters() {
    assertThat(EncodingCharacters.of('|', "^~\\&")).isEqualTo(EncodingCharacters.DEFAULT);
    assertThat(EncodingCharacters.DEFAULT.msh2()).isEqualTo("^~\\&");
  }

  @Test
  void shortOrEmptyMsh2_fillsTheRestWithDefaults_andIgnoresATruncationCharacter() {
    assertThat(EncodingCharacters.of('|', "")).isEqualTo(EncodingCharacters.DEFAULT);
    assertThat(EncodingCharacters.of('|', "^~\\")).isEqualTo(EncodingCharacters.DEFAULT);
    assertThat(EncodingCharacters.of('|', "^~\\&#")).isEqualTo(EncodingCharacters.DEFAULT);
  }

  @Test
  void unusableDelimiters_areRejected() {
    assertThatThrownBy(() -> EncodingCharacters.of('|', "^~|&")).isInstanceOf(Hl7FormatException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> EncodingCharacters.of('|', "\uD842\uDFB7~\\&")).isInstanceOf(Hl7FormatException.class);
    assertThatThrownBy(() -> EncodingCharacters.of('A', "^~\\&")).isInstanceOf(Hl7FormatException.class);
  }
}

package dev.ssmix2.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(Json.string(new StringBuilder(), "a\"b\\c\r\n\u0001𠮷").toString())
        .isEqualTo("\"a\\\"b\\\\c\\r\\n\\u0001𠮷\"");
  }
}

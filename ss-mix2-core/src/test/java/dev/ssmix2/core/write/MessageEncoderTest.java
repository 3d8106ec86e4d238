package dev.ssmix2.core.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageEncoderTest {
  @Test
  void everySegmentEndsWithTheChosenTerminator() {
    assertThat(MessageEncoder.normalizeLineEndings("MSH|a\r\nPID|b\nPV1|c", "\r")).isEqualTo("MSH|a\rPID|b\rPV1|c\r");
  }

  @Test
  void dropsEmptyLinesAndMllpFraming() {
    assertThat(MessageEncoder.normalizeLineEndings("\u000bMSH|a\r\r\nPID|b\r\u001c\r", "\n"))
        .isEqualTo("MSH|a\nPID|b\n");
  }
}

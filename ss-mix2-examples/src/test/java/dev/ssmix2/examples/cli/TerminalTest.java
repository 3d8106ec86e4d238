package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TerminalTest {
  @Test
  void controlCharactersNewlinesAndBidiOverridesBecomeVisible() {
    assertThat(Terminal.safe("a\nERROR forged line")).isEqualTo("a\\nERROR forged line");
    assertThat(Terminal.safe("\u001B[2Jname\r")).isEqualTo("\\x1B[2Jname\\r");
    assertThat(Terminal.safe("file\u202Etxt.exe")).isEqualTo("file\\u202Etxt.exe");
    assertThat(Terminal.safe("山田　太郎 𠮷田")).isEqualTo("山田　太郎 𠮷田");
  }

  @Test
  void noOutputOfRandomTextHoldsAControlCharacter() {
    Random r = new Random(5);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < 20; j++) {
        sb.append((char) r.nextInt(0x3100));
      }
      String safe = Terminal.safe(sb.toString());
      assertThat(safe.chars()).noneMatch(c -> c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029);
    }
  }
}

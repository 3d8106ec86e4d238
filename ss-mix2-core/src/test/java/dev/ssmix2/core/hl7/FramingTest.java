package dev.ssmix2.core.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FramingTest {
  @Test
  void untouchedBytes_keepTheirOffsets() {
    Framing framing = Framing.strip(new byte[] {'A', 'B'});
    assertThat(framing.payload()).containsExactly('A', 'B');
    assertThat(framing.hadMllpFraming()).isFalse();
    assertThat(framing.originalOffset(1)).isEqualTo(1);
  }

  @Test
  void mllpBytesAndLeadingBom_areRemoved_offsetsPointIntoTheFile() {
    byte[] file = {0x0B, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'A', 0x1C, 'B', 0x1C, 0x0D};
    Framing framing = Framing.strip(file);
    assertThat(framing.payload()).containsExactly('A', 'B', 0x0D);
    assertThat(framing.hadMllpFraming()).isTrue();
    assertThat(framing.originalOffset(0)).isEqualTo(4);
    assertThat(framing.originalOffset(1)).isEqualTo(6);
    assertThat(framing.originalOffset(2)).isEqualTo(8);
  }

  @Test
  void bomInTheMiddle_isText() {
    byte[] file = {'A', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    assertThat(Framing.strip(file).payload()).hasSize(4);
  }
}

package dev.ssmix2.core.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TerserPathTest {
  @Test
  void defaultsAreFirstOccurrenceFirstRepetitionFirstComponent() {
    assertThat(TerserPath.parse("PID-3")).isEqualTo(new TerserPath("PID", 0, 3, 0, 1, 1));
  }

  @Test
  void everyPartCanBeGiven() {
    assertThat(TerserPath.parse("OBX(2)-5(1)-4-3")).isEqualTo(new TerserPath("OBX", 2, 5, 1, 4, 3));
    assertThat(TerserPath.parse("ZE1-3-2")).isEqualTo(new TerserPath("ZE1", 0, 3, 0, 2, 1));
  }

  @Test
  void malformedPaths_nameThePositionAndTheSyntax() {
    assertThatThrownBy(() -> TerserPath.parse("pid-3")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("position 0")
        .hasMessageContaining("SEG[(occurrence)]");
    assertThatThrownBy(() -> TerserPath.parse("PID-3-")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TerserPath.parse("PID-3-1-1-1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TerserPath.parse("PID-3-0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TerserPath.parse("/.PID-3")).isInstanceOf(IllegalArgumentException.class);
  }
}

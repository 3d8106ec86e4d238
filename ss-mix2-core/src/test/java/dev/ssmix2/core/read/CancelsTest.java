package dev.ssmix2.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.storage.StandardDataType;
import org.junit.jupiter.api.Test;

class CancelsTest {
  private static final String MSH = "MSH|^~\\&|A|B|C|D|20240101||RDE^O11|1|P|2.5\r";

  private static boolean cancel(String orcs) {
    return Cancels.isCancel(Hl7Message.parse(MSH + orcs), StandardDataType.OMP_01);
  }

  @Test
  void everyOrcWithAControlSayingCaCancels() {
    assertThat(cancel("ORC|CA\r")).isTrue();
    assertThat(cancel("ORC| ca \rORC|CA\r")).isTrue();
    assertThat(cancel("ORC|CA\rORC|\r")).as("an ORC without order control is left out").isTrue();
  }

  @Test
  void oneOtherControlOrNoControlAtAllIsNoCancel() {
    assertThat(cancel("ORC|CA\rORC|NW\r")).isFalse();
    assertThat(cancel("ORC|NW\rORC|CA\r")).isFalse();
    assertThat(cancel("ORC|\r")).isFalse();
    assertThat(cancel("")).isFalse();
  }

  @Test
  void anAdtCancelTriggerCancelsWhateverFolderItIsIn() {
    Hl7Message a23 = Hl7Message.parse("MSH|^~\\&|A|B|C|D|20240101||ADT^A23|1|P|2.5\r");
    assertThat(Cancels.isCancel(a23, StandardDataType.OMP_01)).isTrue();
  }
}

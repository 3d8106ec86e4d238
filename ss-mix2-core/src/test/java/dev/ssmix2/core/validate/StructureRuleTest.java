package dev.ssmix2.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StructureRuleTest {
  @Test
  void derivesRequiredAndAllowedSegmentsFromThePattern() {
    StructureRule rule = StructureRule.parse("RDE^O11",
        "^(MSH)(SFT)*((PID)(PD1)?)?((ORC)((TQ1)(TQ2)*)*(RXE)((TQ1)(TQ2)*)+(RXR)+(RXC)*)+");
    assertThat(rule.required()).containsExactlyInAnyOrder("MSH", "ORC", "RXE", "TQ1", "RXR");
    assertThat(rule.allowed()).contains("SFT", "PID", "PD1", "TQ2", "RXC");
    assertThat(rule.matches(List.of("MSH", "PID", "ORC", "RXE", "TQ1", "RXR"))).isTrue();
    assertThat(rule.matches(List.of("MSH", "PID", "ORC", "TQ1", "RXR"))).isFalse();
  }

  @Test
  void everyProfileStructureParses() {
    assertThat(Profile.get().structure("OUL^R22")).hasValueSatisfying(r -> {
      assertThat(r.matches(List.of("MSH", "PID", "PV1", "SPM", "OBR", "ORC", "OBX", "OBX"))).isTrue();
      assertThat(r.required()).contains("MSH", "SPM", "OBR");
    });
    assertThat(Profile.get().structure("PPR^ZD1")).hasValueSatisfying(r -> assertThat(r.required())
        .containsExactlyInAnyOrder("MSH", "PID", "PRB"));
    assertThat(Profile.get().structure("XYZ^Q99")).isEmpty();
  }

  @Test
  void numbersAreRecognised() {
    assertThat(MessageChecks.isNumber("6.9")).isTrue();
    assertThat(MessageChecks.isNumber("-14")).isTrue();
    assertThat(MessageChecks.isNumber(".5")).isTrue();
    assertThat(MessageChecks.isNumber("< 0.5")).isFalse();
    assertThat(MessageChecks.isNumber("ccc")).isFalse();
  }
}

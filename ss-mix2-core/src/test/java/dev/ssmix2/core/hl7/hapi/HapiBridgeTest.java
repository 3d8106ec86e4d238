package dev.ssmix2.core.hl7.hapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.model.GenericMessage;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.message.ADT_A01;
import ca.uhn.hl7v2.util.Terser;
import dev.ssmix2.core.hl7.Fixtures;
import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.hl7.Hl7FormatException;
import dev.ssmix2.core.hl7.Hl7Message;
import org.junit.jupiter.api.Test;

class HapiBridgeTest {
  @Test
  void adt00_becomesTheTypedV25Structure() throws Exception {
    Message hapi = HapiBridge.toHapi(
        parseFixture("999/901/9999013/-/ADT-00/9999013_-_ADT-00_999999999999999_20111220224447339_-_1"));
    assertThat(hapi).isInstanceOf(ADT_A01.class);
    assertThat(new Terser(hapi).get("/PID-5(1)-1")).isEqualTo("カンジャ");
  }

  @Test
  void pprZd1WithZSegments_becomesAGenericMessageThatKeepsThem() throws Exception {
    Hl7Message ppr =
        parseFixture("999/901/9999013/-/PPR-01/9999013_-_PPR-01_999999999999999_20111209163030000_01_1");
    assertThat(ppr.messageType().event()).isEqualTo("PPR^ZD1");
    Message hapi = HapiBridge.toHapi(ppr);
    assertThat(hapi).isInstanceOf(GenericMessage.class);
    assertThat(hapi.getVersion()).isEqualTo("2.5");
    ca.uhn.hl7v2.model.Segment zi1 = (ca.uhn.hl7v2.model.Segment) hapi.get("ZI1");
    assertThat(Terser.get(zi1, 2, 0, 2, 1)).isEqualTo(ppr.get("ZI1-2-2")).isNotEmpty();
  }

  @Test
  void olderVersionNumber_stillGetsV25Structures() {
    Message hapi = HapiBridge.toHapi(
        Hl7Message.parse("MSH|^~\\&|A|B|C|D|20240101||ADT^A08^ADT_A01|1|P|2.3\rEVN||20240101\rPID|1||123^^^^PI"));
    assertThat(hapi.getClass().getPackageName()).isEqualTo("ca.uhn.hl7v2.model.v25.message");
  }

  @Test
  void unparseableMessage_isAFormatErrorWithHapisReason() {
    Hl7Message truncated = Hl7Message.parse("MSH|^~\\&|HIS|HO");
    assertThatThrownBy(() -> HapiBridge.toHapi(truncated))
        .isInstanceOf(Hl7FormatException.class)
        .hasMessageStartingWith("HAPI cannot parse message without MSH-9")
        .hasCauseInstanceOf(ca.uhn.hl7v2.HL7Exception.class);
  }

  private static Hl7Message parseFixture(String relative) {
    return Hl7Message.parse(Hl7Decoder.decode(Fixtures.bytes(Fixtures.nho(relative))).text());
  }
}

package dev.ssmix2.index.patient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.record.Sex;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PidReaderTest {
  private static PidFacts read(String pid) {
    return PidReader.read(Hl7Message.parse("MSH|^~\\&|A|B|C|D|20240101000000||ADT^A08|1|P|2.5\r" + pid))
        .orElseThrow();
  }

  @Test
  void picksRepetitionsByRepresentationCodeNotPosition() {
    PidFacts f = read("PID|0001||1^^^^PI||ヤマダ^タロウ^^^^^L^P~山田^太郎^^^^^L^I~Yamada^Taro^^^^^L^A||19750315|M");
    assertThat(f.name()).hasValue(new RegisteredName("山田", "太郎", "ヤマダ", "タロウ", "Yamada", "Taro"));
    assertThat(f.birthDate()).hasValue(LocalDate.of(1975, 3, 15));
    assertThat(f.sex()).isEqualTo(Sex.MALE);
  }

  @Test
  void oneCaretShortStillFindsTheCode() {
    PidFacts f = read("PID|0001||1||山田^太郎^^^^L^I~ヤマダ^タロウ^^^^L^P||19750315|F");
    assertThat(f.name().orElseThrow().kanaFamily()).isEqualTo("ヤマダ");
  }

  @Test
  void unmarkedRepetitionsFallBackToPosition() {
    PidFacts f = read("PID|0001||1||山田^太郎~ヤマダ^タロウ");
    assertThat(f.name()).hasValue(new RegisteredName("山田", "太郎", "ヤマダ", "タロウ", "", ""));
    assertThat(f.birthDate()).isEmpty();
    assertThat(f.sex()).isEqualTo(Sex.UNKNOWN);
  }

  @Test
  void missingKanaRepetitionAndBadDate() {
    PidFacts f = read("PID|0001||1||東海林^さだお^^^^^L^I||19401399|M");
    assertThat(f.name().orElseThrow().hasKana()).isFalse();
    assertThat(f.birthDate()).isEmpty();
  }
}

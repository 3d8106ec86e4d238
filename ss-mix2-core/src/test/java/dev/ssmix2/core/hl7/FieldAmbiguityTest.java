package dev.ssmix2.core.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldAmbiguityTest {
  private static Field field(String raw) {
    return new Field(raw, EncodingCharacters.DEFAULT, false);
  }

  @Test
  void plainAndCorrectlyEscapedValuesAreUnambiguous() {
    assertThat(field("5.3").ambiguity()).isEmpty();
    assertThat(field("500×10\\S\\4").ambiguity()).isEmpty();
    assertThat(field("a\\F\\b\\E\\c\\.br\\d").ambiguity()).isEmpty();
    assertThat(field("1~2").ambiguity()).as("repetitions are judged by the caller").isEmpty();
    assertThat(field("").ambiguity()).isEmpty();
  }

  @Test
  void delimitersAndBrokenEscapesAreAmbiguous() {
    assertThat(field("500×10^4").ambiguity()).hasValueSatisfying(r -> assertThat(r).contains("'^'", "\\S\\"));
    assertThat(field("a&b").ambiguity()).hasValueSatisfying(r -> assertThat(r).contains("'&'", "\\T\\"));
    assertThat(field("C:\\temp").ambiguity()).hasValueSatisfying(r -> assertThat(r).contains("without its closing"));
    assertThat(field("\\Q\\").ambiguity()).hasValueSatisfying(r -> assertThat(r).contains("not an HL7 escape"));
    assertThat(field("\\X4\\").ambiguity()).hasValueSatisfying(r -> assertThat(r).contains("does not decode"));
  }

  @Test
  void valueTypesJudgeOnlyPrimitiveTypes() {
    assertThat(ValueTypes.ambiguity("ST", field("500×10^4"))).isPresent();
    assertThat(ValueTypes.ambiguity("CWE", field("01^陰性^JC10"))).isEmpty();
    assertThat(ValueTypes.ambiguity("SN", field("<^5"))).isEmpty();
    assertThat(ValueTypes.ambiguity("NM", field("1~2"))).hasValueSatisfying(r -> assertThat(r).contains("2 repetitions"));
    assertThat(ValueTypes.ambiguity("ST", field("1~2"))).isEmpty();
  }

  @Test
  void subcomponentsKeepEveryPart() {
    Field f = field("58368&7^R 振幅&V5^99MFR");
    assertThat(f.hasSubcomponents()).isTrue();
    assertThat(f.subcomponents(0, 1)).containsExactly("58368", "7");
    assertThat(f.subcomponents(0, 2)).containsExactly("R 振幅", "V5");
    assertThat(f.subcomponents(0, 3)).containsExactly("99MFR");
    assertThat(f.subcomponents(0, 4)).isEmpty();
    Field plain = field("32769^心拍数^99MFR");
    assertThat(plain.hasSubcomponents()).isFalse();
    assertThat(plain.subcomponents(0, 2)).containsExactly("心拍数");
    assertThat(plain.subcomponents(0, 5)).isEmpty();
  }
}

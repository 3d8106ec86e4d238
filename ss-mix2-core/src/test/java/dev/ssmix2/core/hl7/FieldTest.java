package dev.ssmix2.core.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldTest {
  private static Field field(String raw) {
    return new Field(raw, EncodingCharacters.DEFAULT, false);
  }

  @Test
  void repetitionsAreZeroBased_componentsOneBased() {
    Field name = field("患者^太郎^^^^^L^I~カンジャ^タロウ^^^^^L^P");
    assertThat(name.repetitionCount()).isEqualTo(2);
    assertThat(name.component(1)).isEqualTo("患者");
    assertThat(name.component(1, 2)).isEqualTo("タロウ");
    assertThat(name.component(1, 8)).isEqualTo("P");
    assertThat(name.component(0, 9)).as("beyond the last component").isEmpty();
    assertThat(name.component(2, 1)).as("beyond the last repetition").isEmpty();
    assertThat(name.componentCount(0)).isEqualTo(8);
    assertThat(name.repetition(1).raw()).isEqualTo("カンジャ^タロウ^^^^^L^P");
    assertThat(name.repetition(2).isEmpty()).isTrue();
    assertThat(name.repetitions()).extracting(Field::value).containsExactly("患者", "カンジャ");
  }

  @Test
  void componentIsItsFirstSubcomponent_likeTerser() {
    Field usage = field("1013044400000000&内服・経口・１日３回朝昼夕食後&JAMISDP01^x");
    assertThat(usage.component(1)).isEqualTo("1013044400000000");
    assertThat(usage.subcomponent(0, 1, 2)).isEqualTo("内服・経口・１日３回朝昼夕食後");
    assertThat(usage.subcomponent(0, 1, 3)).isEqualTo("JAMISDP01");
    assertThat(usage.subcomponent(0, 1, 4)).isEmpty();
    assertThat(usage.rawComponent(0, 1)).isEqualTo("1013044400000000&内服・経口・１日３回朝昼夕食後&JAMISDP01");
    assertThat(usage.value()).isEqualTo("1013044400000000");
  }

  @Test
  void emptyAndExplicitNull_areDistinct() {
    Field empty = field("");
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.isNull()).isFalse();
    assertThat(empty.repetitionCount()).isZero();
    assertThat(empty.value()).isEmpty();

    Field deleted = field("\"\"");
    assertThat(deleted.isEmpty()).isFalse();
    assertThat(deleted.isNull()).isTrue();
    assertThat(deleted.value()).as("as HAPI returns it").isEqualTo("\"\"");
  }

  @Test
  void valuesAreUnescaped_rawIsNot() {
    Field f = field("a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f^x");
    assertThat(f.component(1)).isEqualTo("a|b^c&d~e\\f");
    assertThat(f.rawComponent(0, 1)).isEqualTo("a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f");
    assertThat(f.componentCount(0)).as("escaped delimiters do not split").isEqualTo(2);
  }

  @Test
  void formattingAndHexEscapes() {
    assertThat(field("\\H\\重要\\N\\です").value()).isEqualTo("重要です");
    assertThat(field("1行目\\.br\\2行目\\.sp\\").value()).isEqualTo("1行目\n2行目");
    assertThat(field("\\X41\\B").value()).isEqualTo("AB");
    assertThat(field("\\XE9AB99\\").value()).as("hex bytes go through the same charset detection").isEqualTo("髙");
    assertThat(field("\\C2842\\x\\C2842\\").value()).isEqualTo("x");
  }

  @Test
  void unknownOrUnclosedEscapes_areKeptLiterally() {
    assertThat(field("C:\\temp").value()).isEqualTo("C:\\temp");
    assertThat(field("a\\Q\\b").value()).isEqualTo("a\\Q\\b");
    assertThat(field("a\\Q\\F\\b").value()).isEqualTo("a\\Q|b");
  }

  @Test
  void emptyComponentsAndTrailingSeparators_areEmptyStrings() {
    Field f = field("a^^c^");
    assertThat(f.componentCount(0)).as("a trailing separator opens one more, empty component").isEqualTo(4);
    assertThat(f.component(2)).isEmpty();
    assertThat(f.component(3)).isEqualTo("c");
    assertThat(f.component(4)).isEmpty();
    assertThat(f.component(5)).isEmpty();
    assertThat(f.subcomponent(0, 3, 2)).isEmpty();
  }

  @Test
  void emptyRepetitions_countButHaveNoComponents() {
    Field f = field("~b^c~");
    assertThat(f.repetitionCount()).isEqualTo(3);
    assertThat(f.componentCount(0)).isZero();
    assertThat(f.repetition(0).isEmpty()).isTrue();
    assertThat(f.component(0, 1)).isEmpty();
    assertThat(f.componentCount(1)).isEqualTo(2);
    assertThat(f.component(1, 2)).isEqualTo("c");
    assertThat(f.componentCount(2)).isZero();
    assertThat(f.componentCount(3)).isZero();
    assertThat(f.repetition(1).component(2)).as("a repetition reads like a field of its own").isEqualTo("c");
  }

  @Test
  void escapesInsideSubcomponentsAndRepetitions_areUnescapedPerValue() {
    Field f = field("a\\T\\b&c\\E\\~x\\R\\y^z");
    assertThat(f.repetitionCount()).as("an escaped ~ does not split").isEqualTo(2);
    assertThat(f.subcomponent(0, 1, 1)).isEqualTo("a&b");
    assertThat(f.subcomponent(0, 1, 2)).isEqualTo("c\\");
    assertThat(f.component(1, 1)).isEqualTo("x~y");
    assertThat(f.component(1, 2)).isEqualTo("z");
    assertThat(f.rawComponent(1, 1)).isEqualTo("x\\R\\y");
  }

  @Test
  void surrogatePairs_survive() {
    Field f = field("𠮷野^\\S\\𠮷~家&𠮷");
    assertThat(f.component(1)).isEqualTo("𠮷野");
    assertThat(f.component(2)).isEqualTo("^𠮷");
    assertThat(f.subcomponent(1, 1, 2)).isEqualTo("𠮷");
    assertThat(f.component(2).codePointCount(0, f.component(2).length())).isEqualTo(2);
  }

  @Test
  void fieldCutFromASegment_equalsTheSameTextStandingAlone() {
    Segment pid = Hl7Message.parse("MSH|^~\\&\rPID|1||x^y~z|\"\"").segment("PID").orElseThrow();
    Field viewed = pid.field(3);
    assertThat(viewed).isEqualTo(field("x^y~z")).hasSameHashCodeAs(field("x^y~z"));
    assertThat(viewed.raw()).isEqualTo("x^y~z");
    assertThat(viewed.component(1, 1)).as("the last component stops at the field's end").isEqualTo("z");
    assertThat(viewed.repetition(1)).isEqualTo(field("z"));
    assertThat(pid.field(4).isNull()).isTrue();
    assertThat(pid.field(2).isEmpty()).isTrue();
  }

  @Test
  void badIndexes_sayWhatWasExpected() {
    Field f = field("a");
    assertThatThrownBy(() -> f.component(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1-based");
    assertThatThrownBy(() -> f.repetition(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0-based");
    assertThatThrownBy(() -> f.subcomponent(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}

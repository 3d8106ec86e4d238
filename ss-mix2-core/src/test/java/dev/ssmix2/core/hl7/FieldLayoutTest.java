package dev.ssmix2.core.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldLayoutTest {
  private static final EncodingCharacters ENC = EncodingCharacters.DEFAULT;

  private static String component(String text, FieldLayout layout, int rep, int c) {
    int k = layout.componentIndex(rep, c);
    return k < 0 ? null : text.substring(layout.componentStart(k), layout.componentEnd(k));
  }

  @Test
  void repetitionsAndComponents_areFoundInOnePass() {
    String text = "a^b~c^^d";
    FieldLayout layout = FieldLayout.of(text, 0, text.length(), ENC);
    assertThat(layout.repetitionCount()).isEqualTo(2);
    assertThat(layout.componentCount(0)).isEqualTo(2);
    assertThat(layout.componentCount(1)).isEqualTo(3);
    assertThat(layout.componentCount(2)).isZero();
    assertThat(component(text, layout, 0, 2)).isEqualTo("b");
    assertThat(component(text, layout, 1, 2)).isEmpty();
    assertThat(component(text, layout, 1, 3)).isEqualTo("d");
    assertThat(layout.componentIndex(0, 3)).as("past the last component of a repetition").isNegative();
    assertThat(layout.componentIndex(2, 1)).as("past the last repetition").isNegative();
    assertThat(text.substring(layout.repetitionStart(1), layout.repetitionEnd(1))).isEqualTo("c^^d");
  }

  @Test
  void offsetsAreInTheSourceText_soAFieldNeedsNoCopy() {
    String segment = "PID|1||x^y~z|";
    int start = segment.indexOf("x");
    int end = segment.lastIndexOf('|');
    FieldLayout layout = FieldLayout.of(segment, start, end, ENC);
    assertThat(component(segment, layout, 0, 2)).isEqualTo("y");
    assertThat(component(segment, layout, 1, 1)).as("the last component ends at the field, not the segment")
        .isEqualTo("z");
  }

  @Test
  void trailingAndLeadingSeparators_makeEmptyParts() {
    String text = "~^";
    FieldLayout layout = FieldLayout.of(text, 0, text.length(), ENC);
    assertThat(layout.repetitionCount()).isEqualTo(2);
    assertThat(text.substring(layout.repetitionStart(0), layout.repetitionEnd(0))).isEmpty();
    assertThat(layout.componentCount(1)).isEqualTo(2);
    assertThat(component(text, layout, 1, 1)).isEmpty();
    assertThat(component(text, layout, 1, 2)).isEmpty();
  }

  @Test
  void emptyField_hasNoRepetition() {
    FieldLayout layout = FieldLayout.of("PID||", 4, 4, ENC);
    assertThat(layout.repetitionCount()).isZero();
    assertThat(layout.componentCount(0)).isZero();
    assertThat(layout.componentIndex(0, 1)).isNegative();
  }

  @Test
  void escapeAndSubcomponentFlags_saySkippableWork() {
    assertThat(whole("a^b").hasEscape()).isFalse();
    assertThat(whole("a^b").hasSubcomponent()).isFalse();
    assertThat(whole("a\\S\\b").hasEscape()).isTrue();
    assertThat(whole("a&b").hasSubcomponent()).isTrue();
    assertThat(FieldLayout.of("a^b|c\\d&e", 0, 3, ENC).hasEscape()).as("only the field's own text counts").isFalse();
    assertThat(FieldLayout.of("a^b|c\\d&e", 0, 3, ENC).hasSubcomponent()).isFalse();
  }

  private static FieldLayout whole(String text) {
    return FieldLayout.of(text, 0, text.length(), ENC);
  }

  @Test
  void surrogatePairs_areNeverSplit() {
    String text = "𠮷野^家~𠮷";
    FieldLayout layout = FieldLayout.of(text, 0, text.length(), ENC);
    assertThat(component(text, layout, 0, 1)).isEqualTo("𠮷野");
    assertThat(component(text, layout, 0, 2)).isEqualTo("家");
    assertThat(component(text, layout, 1, 1)).isEqualTo("𠮷");
  }
}

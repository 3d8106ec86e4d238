package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceholderStepTest {
  private final NameStep step = PlaceholderStep.remove();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "〓田 | 田",
    "■田● | 田",
    "＊山 | 山",
    "?田 | 田",
    "\uE001田 | 田",
    "𠮷田 | 𠮷田"
  })
  void transforms(String input, String expected) {
    assertThat(step.apply(input == null ? "" : input)).isEqualTo(expected == null ? "" : expected);
  }

  @ParameterizedTest(name = "mask {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "〓田 | 〓田",
    "■田● | 〓田〓",
    "＊山 | 〓山",
    "\uE001田 | 〓田",
    "𠮷田 | 𠮷田"
  })
  void masksKeepThePositionOfEachLostCharacter(String input, String expected) {
    assertThat(PlaceholderStep.mask().apply(input.replace("\\uE001", "\uE001"))).isEqualTo(expected);
  }
}

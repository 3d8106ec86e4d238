package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathSegmentTest {

  @Test
  void decodesPercentEscapesAsUtf8() {
    assertThat(PathSegment.identifier("P0001")).isEqualTo("P0001");
    assertThat(PathSegment.identifier("r-abc_DEF~1")).isEqualTo("r-abc_DEF~1");
    assertThat(PathSegment.identifier("%F0%A0%AE%B7")).isEqualTo("𠮷");
    assertThat(PathSegment.identifier("a+b")).as("+ is not a space in a path").isEqualTo("a+b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", ".hidden", "%2e%2e", "a..b", "a%2fb", "a%5cb", "C:", "%00", "a%0ab", "%20",
      "%252e", "%e2%80%ae", "%ff", "%e3%81", "%4", "%zz", "あ"})
  void refusesAnythingThatCouldMeanAPath(String raw) {
    assertThatThrownBy(() -> PathSegment.identifier(raw)).isInstanceOfSatisfying(HttpError.class,
        e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void countsLengthInCodePoints() {
    String longest = "𠮷".repeat(PathSegment.MAX_CODE_POINTS);
    String encoded = "%F0%A0%AE%B7".repeat(PathSegment.MAX_CODE_POINTS);

    assertThat(PathSegment.identifier(encoded)).isEqualTo(longest);
    assertThatThrownBy(() -> PathSegment.identifier(encoded + "a")).hasMessageContaining("longer than");
  }

  @Test
  void errorsDoNotEchoTheInput() {
    assertThatThrownBy(() -> PathSegment.identifier("%3Cscript%3E%2f")).hasMessageNotContaining("script");
  }
}

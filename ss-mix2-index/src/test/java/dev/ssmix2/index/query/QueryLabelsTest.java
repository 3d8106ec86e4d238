package dev.ssmix2.index.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryLabelsTest {

  @ParameterizedTest(name = "{0} is a label")
  @ValueSource(strings = {"ID", "id", "患者ID", "患者番号", "No.", "生年月日", "性別", "様", "さん"})
  void labels(String token) {
    assertThat(QueryLabels.isLabel(token)).isTrue();
  }

  @ParameterizedTest(name = "{0} is no label")
  @ValueSource(strings = {"中村", "なかむら", "Ida", "777", "S33.5.5"})
  void notLabels(String token) {
    assertThat(QueryLabels.isLabel(token)).isFalse();
  }

  @Test
  void labelWrittenAgainstAValueOnlyBeforeADigit() {
    assertThat(QueryLabels.valueAfterLabel("No.777")).contains("777");
    assertThat(QueryLabels.valueAfterLabel("患者ID0000000777")).contains("0000000777");
    assertThat(QueryLabels.valueAfterLabel("Idaho")).isEmpty();
    assertThat(QueryLabels.valueAfterLabel("Noguchi")).isEmpty();
  }

  @Test
  void honorificNeedsANameBeforeIt() {
    assertThat(QueryLabels.withoutHonorific("中村様")).isEqualTo("中村");
    assertThat(QueryLabels.withoutHonorific("ゆいちゃん")).isEqualTo("ゆい");
    assertThat(QueryLabels.withoutHonorific("様")).isEqualTo("様");
    assertThat(QueryLabels.withoutHonorific("中村")).isEqualTo("中村");
  }
}

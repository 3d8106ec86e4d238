package dev.ssmix2.core.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private final Vocabulary v = Vocabulary.get();

  @Test
  void hasTheAdvertisedSizes() {
    assertThat(v.drugs.size() + v.injections.size()).isGreaterThanOrEqualTo(100);
    assertThat(v.labs).hasSizeGreaterThanOrEqualTo(50);
    assertThat(v.diagnoses).hasSizeGreaterThanOrEqualTo(50);
  }

  @Test
  void labTestsHaveJlac10ShapedCodesAndSaneRanges() {
    assertThat(v.labs).allSatisfy(t -> {
      assertThat(t.code()).hasSize(17);
      assertThat(t.low()).isLessThan(t.high());
      assertThat(t.abnormalRate()).isBetween(0.0, 0.5);
    });
  }

  @Test
  void everyTextFitsIso2022JpAndCp932AndHasNoHl7Delimiters() {
    List<String> texts = new ArrayList<>();
    v.drugs.forEach(d -> texts.add(d.name()));
    v.injections.forEach(d -> texts.add(d.name()));
    v.labs.forEach(t -> texts.add(t.name() + t.unit()));
    v.diagnoses.forEach(d -> texts.add(d.name()));
    v.exams.forEach(e -> texts.add(e.name()));
    v.allergens.forEach(a -> texts.add(a.text() + a.reaction()));
    Vocabulary.USAGES.forEach(u -> texts.add(u.text()));
    Charset jis = Charset.forName("ISO-2022-JP");
    Charset cp932 = Charset.forName("windows-31j");
    assertThat(texts).allSatisfy(t -> {
      assertThat(jis.newEncoder().canEncode(t)).as("ISO-2022-JP: %s", t).isTrue();
      assertThat(cp932.newEncoder().canEncode(t)).as("CP932: %s", t).isTrue();
      assertThat(t).doesNotContainAnyWhitespaces().doesNotContain("|", "^", "~", "\\", "&");
    });
  }
}

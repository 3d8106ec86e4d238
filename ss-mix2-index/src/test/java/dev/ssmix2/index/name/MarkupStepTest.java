package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarkupStepTest {
  private final NameStep step = new MarkupStep();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    "<b>田中</b> | 田中",
    "<B>田中</B>太郎 | 田中太郎",
    "<span style=\"color:red\">西村</span> | 西村",
    "<font color='#ff0000'>岩崎</font> | 岩崎",
    "<img src=x onerror=alert(1)> | ``",
    "<script>alert('x')</script> | ``",
    "松井<SCRIPT type=text/javascript>x</SCRIPT> | 松井",
    "<ruby>東海林<rt>しょうじ</rt></ruby> | 東海林",
    "<ruby>東海林<rp>(</rp><rt>しょうじ</rt><rp>)</rp></ruby> | 東海林",
    "<!-- 旧姓 -->小田 | 小田",
    "山田<br>太郎 | `山田 太郎`",
    "山田<br/>太郎 | `山田 太郎`",
    "&lt;b&gt;森&lt;/b&gt; | 森",
    "&lt;script&gt;x&lt;/script&gt;森 | 森",
    "&#x9AD9;木 | 髙木",
    "&#39640;橋 | 高橋",
    "&#x20BB7;田 | 𠮷田",
    "大西&nbsp;真理 | `大西 真理`",
    "Smith &amp; Co | Smith & Co",
    "<b>𠮷</b>田 | 𠮷田"
  })
  void removesMarkup(String input, String expected) {
    assertThat(step.apply(input)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is kept")
  @ValueSource(strings = {"山田 太郎", "田中<", "a < b", "A&B", "&unknown;", "&#xD800;", "&#0;", "<3", "𠮷田", ""})
  void leavesTextWithoutMarkupAlone(String input) {
    assertThat(step.apply(input)).isEqualTo(input);
  }

  @Test
  void unclosedHiddenElementLosesOnlyItsTag() {
    assertThat(step.apply("<script>田中")).isEqualTo("田中");
  }

  @Test
  void unclosedCommentHidesTheRest() {
    assertThat(step.apply("小田<!-- 旧姓 森")).isEqualTo("小田");
  }

  @Test
  void isFoundByName() {
    assertThat(NameSteps.forName("removeMarkup").apply("<i>松本</i>")).isEqualTo("松本");
  }
}

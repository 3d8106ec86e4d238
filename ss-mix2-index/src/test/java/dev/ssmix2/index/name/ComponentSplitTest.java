package dev.ssmix2.index.name;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComponentSplitTest {

  @Test
  void japaneseNameInOneFieldIsReadFamilyFirstOnly() {
    Map<String, String[]> layouts = ComponentSplit.layouts("森本\u3000トメ", "");
    assertThat(layouts.keySet()).containsExactly("ff");
    assertThat(layouts.get("ff")).containsExactly("森本", "トメ");
  }

  @Test
  void foreignNameIsReadInBothOrders() {
    Map<String, String[]> layouts = ComponentSplit.layouts("マリア・サントス", "");
    assertThat(layouts.keySet()).containsExactly("ff", "w");
    assertThat(layouts.get("w")).containsExactly("サントス", "マリア");
  }

  @Test
  void severalGivenNamesAlsoStandAlone() {
    Map<String, String[]> layouts = ComponentSplit.layouts("NGUYEN", "THI HOA");
    assertThat(layouts.keySet()).containsExactly("", "g:0", "g:1");
    assertThat(layouts.get("g:1")).containsExactly("NGUYEN", "HOA");
  }

  @Test
  void aNameAlreadySplitOrOfOneWordStaysAsRegistered() {
    assertThat(ComponentSplit.layouts("山田", "太郎").keySet()).containsExactly("");
    assertThat(ComponentSplit.layouts("山田", "").keySet()).containsExactly("");
    assertThat(ComponentSplit.layouts("", "").keySet()).containsExactly("");
    assertThat(ComponentSplit.layouts("A B C D E F", "").keySet()).as("too many words: not a name")
        .containsExactly("");
  }

  @Test
  void everyRandomNameGivesItsPrimaryKeysFirstAndNeverFails() {
    SplittableRandom random = new SplittableRandom(1414);
    String alphabet = "山田森本トメマリアサントスやまだ ・　＝=(仮)ｶ)ABC■〓𠮷";
    for (int i = 0; i < 3_000; i++) {
      String[] fields = new String[6];
      for (int f = 0; f < fields.length; f++) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(7);
        int[] cps = alphabet.codePoints().toArray();
        for (int k = 0; k < n; k++) {
          b.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        fields[f] = b.toString();
      }
      NameKeys.Builder builder = NameKeys.builder().kanji(fields[0], fields[1]).kana(fields[2], fields[3])
          .romaji(fields[4], fields[5]);
      List<NameKeys> all = builder.buildAll();
      assertThat(all).as(String.join("|", fields)).isNotEmpty().hasSizeLessThanOrEqualTo(20).doesNotHaveDuplicates();
      assertThat(all.get(0)).isEqualTo(builder.build());
      assertThat(all).allMatch(k -> k.flags().equals(all.get(0).flags()));
    }
  }
}

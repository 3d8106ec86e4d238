package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.write.StorageWriter;
import dev.ssmix2.index.store.PatientIndex;
import dev.ssmix2.core.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormerNamesTest {
  private static final String MSH = "MSH|^~\\&|HIS|HOSP|GW|RCV|%s||ADT^A08^ADT_A01|%s|P|2.5||||||~ISO IR87||"
      + "ISO 2022-1994|SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO\r";

  @Test
  void aFormerNameIsShownOnlyWhenTheQueryWasFoundInItAndNotInTheCurrentName() {
    List<String> former = List.of("鈴木　花子", "スズキ　ハナコ");
    assertThat(FormerNames.matchedThrough("すずき はなこ", "佐藤　花子", "サトウ　ハナコ", former))
        .containsExactly("スズキ　ハナコ");
    assertThat(FormerNames.matchedThrough("鈴木", "佐藤　花子", "サトウ　ハナコ", former)).containsExactly("鈴木　花子");
    assertThat(FormerNames.matchedThrough("佐藤 花子", "佐藤　花子", "サトウ　ハナコ", former)).isEmpty();
    assertThat(FormerNames.matchedThrough("ｽｽﾞｷ 1975", "佐藤　花子", "サトウ　ハナコ", former))
        .containsExactly("スズキ　ハナコ");
    assertThat(FormerNames.matchedThrough("すずき", "佐藤　花子", "サトウ　ハナコ", List.of())).isEmpty();
  }

  @Test
  void aHitFoundThroughTheMaidenNameSaysSo(@TempDir Path dir) {
    StorageWriter w = StorageWriter.create(dir.resolve("root"));
    String name = "0000000042_-_ADT-00_999999999999999_%s_-_1";
    w.insert(String.format(MSH, "20200101090000", "1") + "EVN||202001010900\rPID|0001||0000000042^^^^PI||"
        + "鈴木^花子^^^^^L^I~スズキ^ハナコ^^^^^L^P||19750315|F\rPV1|0001|O\r",
        FileName.parse(String.format(name, "20200101090000000")));
    w.insert(String.format(MSH, "20240101090000", "2") + "EVN||202401010900\rPID|0001||0000000042^^^^PI||"
        + "佐藤^花子^^^^^L^I~サトウ^ハナコ^^^^^L^P||19750315|F\rPV1|0001|O\r",
        FileName.parse(String.format(name, "20240101090000000")));
    try (PatientIndex index = PatientIndex.open(dir.resolve("index"))) {
      index.update(Storage.open(dir.resolve("root")), ProgressListener.none());
      IndexViewerData data = new IndexViewerData(index);

      SearchHit byMaidenName = data.search("鈴木 花子", 10).hits().get(0);
      SearchHit byName = data.search("佐藤 花子", 10).hits().get(0);

      assertThat(byMaidenName.name()).isEqualTo("佐藤　花子");
      assertThat(byMaidenName.formerNames()).anySatisfy(n -> assertThat(n).contains("鈴木"));
      assertThat(byName.formerNames()).isEmpty();
    }
  }
}

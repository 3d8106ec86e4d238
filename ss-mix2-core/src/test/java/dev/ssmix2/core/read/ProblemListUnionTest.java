package dev.ssmix2.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.record.ProblemListRecord;
import dev.ssmix2.core.storage.MessageFiles;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.validate.Finding;
import dev.ssmix2.core.validate.FindingCode;
import dev.ssmix2.core.validate.Validator;
import dev.ssmix2.core.version.History;
import dev.ssmix2.core.version.VersionResolver;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One current PPR-01 file per diagnosis event (different order numbers): the problem list is their union. */
class ProblemListUnionTest {
  private static final String HEAD = "MSH|^~\\&|HIS|F|GW|F|%s||PPR^ZD1^PPR_ZD1|1|P|2.5||||||~ISO IR87||ISO 2022-1994\n"
      + "PID|||0000000123^^^^PI||患者^太郎^^^^^L^I~カンジャ^タロウ^^^^^L^P||19600101|M\n";

  @TempDir Path root;

  private void ppr(String orderNo, String time, String... prbs) {
    StringBuilder sb = new StringBuilder(String.format(HEAD, time.substring(0, 14)));
    for (String prb : prbs) {
      sb.append(prb).append('\n');
    }
    MessageFiles.write(root, "0000000123", "-", "PPR-01", orderNo, time, 1, sb.toString(),
        Charset.forName("ISO-2022-JP"));
  }

  private List<StorageFile> files() {
    try (Stream<StorageFile> s = Storage.open(root).files()) {
      return s.toList();
    }
  }

  @Test
  void everyCurrentFileOfADifferentKeyStaysCurrentAndTheListsAreUnited() {
    ppr("000000000000001", "20240101100000000", "PRB|AD|20240101|20059541^高血圧症^MDCDX2|P1|||20240101");
    ppr("000000000000002", "20240201100000000", "PRB|AD|20240201|20063877^糖尿病^MDCDX2|P2|||20240201");
    ppr("000000000000003", "20240301100000000",
        "PRB|UP|20240301|20059541^高血圧症^MDCDX2|P1|||20240301",
        "PRB|AD|20240301|20089766^胃炎^MDCDX2|P3|||20240301");
    ppr("000000000000004", "20240401100000000", "PRB|DE|20240401|20089766^胃炎^MDCDX2|P3|||20240401");

    List<History> histories = VersionResolver.resolve(files());
    assertThat(histories).hasSize(4).allSatisfy(h -> {
      assertThat(h.current()).isPresent();
      assertThat(h.anomalies()).isEmpty();
    });
    List<ProblemListRecord> lists = new ArrayList<>();
    for (History h : histories) {
      lists.add((ProblemListRecord) ((MessageRead) RecordReader.read(h.current().orElseThrow())).record());
    }
    List<ProblemListRecord.Problem> union = ProblemListRecord.union(lists);
    assertThat(union).extracting(ProblemListRecord.Problem::name).containsExactly("糖尿病", "高血圧症");
    assertThat(union).filteredOn(p -> p.instanceId().equals("P1")).singleElement()
        .satisfies(p -> assertThat(p.action()).isEqualTo("UP"));

    List<Finding> findings = Validator.validate(Storage.open(root));
    assertThat(findings).noneMatch(f -> f.code() == FindingCode.SEVERAL_CURRENT_VERSIONS);
    assertThat(findings).filteredOn(f -> f.code() == FindingCode.SPLIT_PROBLEM_LIST).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("4 current PPR-01 files with 4 different keys", "union"));
  }

  @Test
  void severalCurrentDemographicsOfDifferentKeysAreWordedAsSuch() {
    String adt = "MSH|^~\\&|HIS|F|GW|F|20240101||ADT^A08^ADT_A01|1|P|2.5\nEVN||20240101\n"
        + "PID|||0000000123^^^^PI||患者^太郎^^^^^L^I||19600101|M\nPV1||O\n";
    for (String order : List.of("000000000000001", "000000000000002", "000000000000003")) {
      MessageFiles.write(root, "0000000123", "-", "ADT-00", order, "2024010" + order.charAt(14) + "100000000", 1,
          adt, Charset.forName("ISO-2022-JP"));
    }
    List<History> histories = VersionResolver.resolve(files());
    assertThat(histories).singleElement().satisfies(h -> assertThat(h.anomalies()).singleElement().asString()
        .contains("3 files carry flag 1 for 3 different keys").doesNotContain("for one key"));
  }
}

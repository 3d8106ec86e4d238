package dev.ssmix2.examples.web;

import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.synth.GenerationSummary;
import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.synth.SyntheticStorage;
import dev.ssmix2.core.write.StorageWriter;
import dev.ssmix2.index.store.PatientIndex;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The storage the chart-layout browser tests read: the generator's teaching patients (山田 太郎 with allergies, lab
 * results on six dates and a superseded order) plus a small root written here with what a generated storage cannot
 * promise: 35 patients named 佐藤 (more than one page of hits), a patient whose allergy record states none, and a
 * patient with one prescription running now and one that ended four months ago (dates relative to today).
 */
final class ChartStorage {
  static final String RICH_ID = "0000000777";
  static final String RICH_QUERY = "やまだ たろう";
  /** The first 佐藤: ADT-00 only, no allergy record. */
  static final String NO_ALLERGY_RECORD_ID = "0000300001";
  static final String NONE_ID = "0000300100";
  static final String MEDS_ID = "0000300101";
  static final String CURRENT_DRUG = "アムロジピン錠５ｍｇ";
  static final String PAST_DRUG = "パンスポリンＴ錠１００ｍｇ";
  /** Kana stored with a separate voiced-sound mark (ヨシタ゛), as some systems write it. */
  static final String SPLIT_KANA_ID = "0000300102";
  static final String MANY_QUERY = "さとう";
  static final int MANY = 35;

  private static final String MSH = "MSH|^~\\&|HIS|HOSP|GW|RCV|%s||%s|%s|P|2.5||||||~ISO IR87||ISO 2022-1994|"
      + "SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO\r";
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private ChartStorage() {}

  /** Generates and writes the storage under {@code dir}, indexes it into {@code dir/index} and returns the index. */
  static PatientIndex build(Path dir) {
    GenerationSummary teaching = SyntheticStorage.builder().patients(0).seed(7).teachingPatients(true).build()
        .generate(dir.resolve("teaching"), ProgressListener.none());
    Path extra = write(dir.resolve("extra"));
    List<Path> roots = new ArrayList<>(teaching.roots());
    roots.add(extra);
    PatientIndex index = PatientIndex.open(dir.resolve("index"));
    index.update(Storage.open(roots), ProgressListener.none());
    return index;
  }

  private static Path write(Path root) {
    StorageWriter w = StorageWriter.create(root);
    String[] given = {"一郎", "二郎", "三郎", "四郎", "五郎", "花子", "春子", "夏子", "秋子", "冬子"};
    String[] givenKana = {"イチロウ", "ジロウ", "サブロウ", "シロウ", "ゴロウ", "ハナコ", "ハルコ", "ナツコ", "アキコ", "フユコ"};
    for (int i = 0; i < MANY; i++) {
      String id = String.format("%010d", 300_001 + i);
      adt00(w, id, "佐藤^" + given[i % 10] + "^^^^^L^I~サトウ^" + givenKana[i % 10] + "^^^^^L^P",
          String.format("19%02d0101", 30 + i), i % 10 < 5 ? "M" : "F");
    }
    String nonePid5 = "無田^記録^^^^^L^I~ムタ^キロク^^^^^L^P";
    adt00(w, NONE_ID, nonePid5, "19700707", "F");
    w.insert(String.format(MSH, "20240101090000", "ADT^A60^ADT_A60", "61") + "EVN||202401010900\r"
        + pid(NONE_ID, nonePid5, "19700707", "F")
        + "IAM|1|DA^薬剤アレルギー^HL70127|1^ペニシリン^99XYZ|MI^軽度^HL70128|発疹|D^削除^HL70323\r",
        FileName.parse(NONE_ID + "_-_ADT-61_999999999999999_20240101090000000_-_1"));
    adt00(w, SPLIT_KANA_ID, "吉田^花子^^^^^L^I~ヨシタ\u309B^ハナコ^^^^^L^P", "19800808", "F");
    String medsPid5 = "薬師^現在^^^^^L^I~ヤクシ^ゲンザイ^^^^^L^P";
    adt00(w, MEDS_ID, medsPid5, "19550505", "M");
    LocalDate today = LocalDate.now();
    prescription(w, medsPid5, today.minusDays(3), "301", "620006101^" + CURRENT_DRUG + "^HOT9", 28);
    prescription(w, medsPid5, today.minusDays(120), "302", "110626901^" + PAST_DRUG + "^HOT9", 7);
    return root;
  }

  private static void adt00(StorageWriter w, String id, String pid5, String birth, String sex) {
    w.insert(String.format(MSH, "20240101090000", "ADT^A08^ADT_A01", "1" + id) + "EVN||202401010900\r"
        + pid(id, pid5, birth, sex) + "PV1|0001|O\r",
        FileName.parse(id + "_-_ADT-00_999999999999999_20240101090000000_-_1"));
  }

  private static String pid(String id, String pid5, String birth, String sex) {
    return "PID|0001||" + id + "^^^^PI||" + pid5 + "||" + birth + "|" + sex + "\r";
  }

  private static void prescription(StorageWriter w, String pid5, LocalDate day, String order, String drug,
      int days) {
    String d = day.format(DAY);
    String orderNo = "000000000000" + order;
    w.insert(String.format(MSH, d + "100000", "RDE^O11^RDE_O11", "7" + order) + pid(MEDS_ID, pid5, "19550505", "M")
        + "PV1|0001|O|01^^^^^C\r"
        + "ORC|NW|" + orderNo + "||1|||||" + d + "100000|||110^医師^一郎^^^^^^^L^^^^^I|01^^^^^C||||01^内科^99XY1\r"
        + "RXE||" + drug + "|1||TAB^錠^MR9P|||||" + days + "|TAB^錠^MR9P||||||||1^TAB&錠&MR9P||OHP^外来処方^MR9P\r"
        + "TQ1|1||1013044400000000&内服・経口・１日１回朝食後&JAMISDP01|||" + days + "^d|" + d + "00\r"
        + "RXR|PO^口^HL70162\r",
        FileName.parse(MEDS_ID + "_" + d + "_OMP-01_" + orderNo + "_" + d + "100000000_01_1"));
  }
}

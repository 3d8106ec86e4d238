package dev.ssmix2.index.store;

import static dev.ssmix2.index.store.Adt00Files.pid5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.internal.patient.RegisteredName;
import dev.ssmix2.index.search.PatientHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over-long names and escapes, garbage and odd files do not stop an index run; any query up to 200 characters answers. */
class HostileIndexTest {
  @TempDir Path work;

  @Test
  void overLongNamesAreReportedAndIndexedCut() throws Exception {
    Path root = work.resolve("root");
    Adt00Files.write(root, "0000000001", pid5("山".repeat(40_000), "太郎", "ヤマ".repeat(20_000), "タロウ"),
        "19700101", "M", "20240101000000000", '1');
    String hex = "\\X" + "3B33".repeat(50_000) + "\\"; // a 100 KB escape: 山 in JIS, repeated
    Adt00Files.write(root, "0000000002", hex + "^花子^^^^^L^I~ヤマダ^ハナコ^^^^^L^P", "19800101", "F",
        "20240101000000000", '1');
    Adt00Files.write(root, "0000000003", pid5("田中", "一郎", "タナカ", "イチロウ"), "19600101", "M",
        "20240101000000000", '1');
    Files.write(root.resolve("000/000/0000000003/-/ADT-00/0000000003_-_ADT-00_999999999999998_20240101000000000_-_1"),
        randomBytes(3_000_000));
    try (PatientIndex index = PatientIndex.open(work.resolve("index"))) {
      IndexReport report = index.update(Storage.open(root), ProgressListener.none());
      assertThat(report.patients()).isEqualTo(3);
      assertThat(report.skipped()).filteredOn(p -> p.reason().startsWith("name-too-long"))
          .extracting(RecordProblem::file).anySatisfy(f -> assertThat(f).contains("0000000001_"));
      assertThat(report.skipped()).filteredOn(p -> p.reason().startsWith("undecodable-bytes")).hasSize(1);
      assertThat(index.patient(PatientId.of("0000000001"))).hasValueSatisfying(p ->
          assertThat(p.name().codePointCount(0, p.name().length()))
              .isLessThanOrEqualTo(2 * RegisteredName.MAX_PART_CODE_POINTS + 1));
      assertThat(index.search("田中 一郎", 10)).extracting(PatientHit::patientId)
          .containsExactly(PatientId.of("0000000003"));
      assertThat(index.search("ヤマダ ハナコ", 10)).extracting(PatientHit::patientId)
          .contains(PatientId.of("0000000002"));
    }
  }

  @Test
  void anyQueryUpToTheLengthLimitAnswers() throws Exception {
    Path root = work.resolve("root");
    Adt00Files.write(root, "0000000003", pid5("田中", "一郎", "タナカ", "イチロウ"), "19600101", "M",
        "20240101000000000", '1');
    Random r = new Random(7);
    try (PatientIndex index = PatientIndex.open(work.resolve("index"))) {
      index.update(Storage.open(root), ProgressListener.none());
      List<String> queries = List.of("たなか", "漢".repeat(200), "ア".repeat(200), "a".repeat(200), "やまだ".repeat(66),
          "山田 ".repeat(66), "1".repeat(200), random(r, 200, 0x4E00, 0x9FFF), random(r, 200, 0x30A1, 0x30F6),
          random(r, 200, 0x20, 0x7E), random(r, 200, 0x3041, 0x3096) + " " + random(r, 20, 0x61, 0x7A));
      for (String q : queries) {
        assertThat(index.search(q, 20)).as(q).isNotNull();
      }
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(3).nextBytes(b);
    return b;
  }

  private static String random(Random r, int n, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(from + r.nextInt(to - from + 1));
    }
    return sb.toString();
  }
}

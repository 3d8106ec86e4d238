package dev.ssmix2.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.Fixtures;
import dev.ssmix2.core.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {
  private static final String BROKEN = "000/000/0000001/20000401/";
  private static final String JUNK_1 = BROKEN + "OMP-11/0000001_20000401_OMP-11_123456789012345_20110701113813225_01_1";
  private static final String JUNK_0 = BROKEN + "OMP-11/0000001_20000401_OMP-11_123456789012346_20110701113813226_01_0";
  private static final String CP932 =
      BROKEN + "ADT-31/9999013_20110630_OMP-11_123456789012345_20110701113813225_01_1";

  private static List<String> codes(List<Finding> findings, String path) {
    return findings.stream().filter(f -> f.path().equals(path)).map(f -> f.code().id()).distinct().toList();
  }

  @Test
  void deliberatelyBrokenNhoFiles() {
    List<Finding> all = Validator.validate(Storage.open(Fixtures.nhoSample()));
    assertThat(codes(all, CP932)).containsExactly("wrong-folder", "not-hl7");
    assertThat(all).filteredOn(f -> f.path().equals(CP932) && f.code() == FindingCode.WRONG_FOLDER)
        .singleElement().satisfies(f -> assertThat(f.message())
            .contains("patient 9999013 ≠ folder 0000001", "data type OMP-11 ≠ folder ADT-31"));
    for (String junk : List.of(JUNK_1, JUNK_0)) {
      assertThat(codes(all, junk)).containsExactlyInAnyOrder("patient-id-mismatch", "unexpected-segment",
          "non-numeric-value", "missing-field", "care-date-mismatch");
      assertThat(all).filteredOn(f -> f.path().equals(junk) && f.code() == FindingCode.UNEXPECTED_SEGMENT)
          .singleElement().satisfies(f -> assertThat(f.message()).contains("RAS^O17", "DB1 (line 12)", "MSH (line"));
      assertThat(all).filteredOn(f -> f.path().equals(junk) && f.code() == FindingCode.NON_NUMERIC_VALUE)
          .extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("OBX-5", "'ccc'"))
          .anySatisfy(m -> assertThat(m).contains("MSH-13", "'番号'"));
    }
    // the _1 file ends with a second bare MSH line, the _0 one does not
    assertThat(all).filteredOn(f -> f.path().equals(JUNK_1) && f.code() == FindingCode.UNEXPECTED_SEGMENT)
        .singleElement().satisfies(f -> assertThat(f.message()).contains("MSH (lines 17, 36)"));
  }

  @Test
  void pidMismatchInTheNhoLabResult() {
    List<Finding> all = Validator.validate(Storage.open(Fixtures.nhoSample()));
    String oml11 = "999/901/9999013/20111220/OML-11/9999013_20111220_OML-11_000000011000354_20111220103059000_01_1";
    assertThat(all).filteredOn(f -> f.path().equals(oml11) && f.code() != FindingCode.CARE_DATE_MISMATCH)
        .singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo(FindingCode.PATIENT_ID_MISMATCH);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.message()).contains("0001000052", "9999013");
    });
  }

  @Test
  void wellFormedNhoSamplesHaveNoStructureFindings() {
    List<Finding> all = Validator.validate(Storage.open(Fixtures.nhoSample()));
    assertThat(all).filteredOn(f -> f.path().startsWith("999/"))
        .extracting(f -> f.code().id()).doesNotContain("unexpected-segment", "segment-order", "missing-segment",
            "message-type-mismatch", "non-jis-characters", "undecodable-bytes");
  }

  @Test
  void searchCaseJunkFilesAndCharsets() {
    List<Finding> all = new ArrayList<>();
    List<Long> progress = new ArrayList<>();
    ValidationSummary summary = Validator.validate(Fixtures.searchCaseStorage(), all::add,
        p -> progress.add(p.entriesChecked()));
    String omp01 = "000/000/0000000111/20240301/OMP-01/";
    assertThat(codes(all, omp01 + "0000000111_20240301_OMP-01_000000000000900_20240301100000000_01_1"))
        .containsExactly("empty-file");
    assertThat(codes(all, omp01 + "0000000111_20240301_OMP-01_000000000000901_20240301100000000_01_1"))
        .containsExactly("truncated-message");
    assertThat(codes(all, omp01 + "notes.txt")).containsExactly("stray-file");
    assertThat(codes(all, "000/000/0000000111/Thumbs.db")).containsExactly("stray-file");
    assertThat(codes(all, "zzz/tmp/lock")).containsExactly("stray-file");
    assertThat(all).filteredOn(f -> f.code() == FindingCode.NON_JIS_CHARACTERS).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("windows-31j", "濵 (U+6FF5)"))
        .anySatisfy(m -> assertThat(m).contains("ｺ (U+FF7A)"));
    assertThat(all).filteredOn(f -> f.code() == FindingCode.OTHER_CHARSET).singleElement()
        .satisfies(f -> assertThat(f.path()).contains("0000000888"));
    assertThat(summary.errors()).isEqualTo(2);
    assertThat(summary.hasErrors()).isTrue();
    assertThat(progress).isNotEmpty().isSorted();
    assertThat(progress.get(progress.size() - 1)).isEqualTo(summary.entries());
  }
}

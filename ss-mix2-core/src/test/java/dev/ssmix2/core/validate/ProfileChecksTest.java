package dev.ssmix2.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.Fixtures;
import dev.ssmix2.core.storage.MessageFiles;
import dev.ssmix2.core.storage.Storage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks the NHO testing tool makes besides structure and required fields: 診療日, TQ1-2, MSH-7. */
class ProfileChecksTest {
  @TempDir Path tmp;

  @Test
  void nhoSamplesHaveTheSixCareDateMismatchesTheNhoToolReports() {
    List<Finding> mismatches = Validator.validate(Storage.open(Fixtures.nhoSample())).stream()
        .filter(f -> f.code() == FindingCode.CARE_DATE_MISMATCH).toList();

    assertThat(mismatches).extracting(f -> f.path().split("/")[4]).containsExactlyInAnyOrder(
        "OMG-02", "OML-11", "OMP-02", "OMP-11", "OMP-11", "OMP-11");
    assertThat(mismatches).filteredOn(f -> f.path().contains("/OML-11/")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("20111220", "SPM-17", "OUL^R22"));
  }

  private static final String MSH = "MSH|^~\\&|HIS|F|GW|F|%s||RDE^O11^RDE_O11|1|P|2.5||||||~ISO IR87||ISO 2022-1994\n"
      + "PID|||0000000123^^^^PI||患者^太郎^^^^^L^I~カンジャ^タロウ^^^^^L^P||19600101|M\n";

  private List<Finding> validate(String msh7, String orc9, String tq1) {
    MessageFiles.write(tmp, "0000000123", "20240301", "OMP-01", "000000000000001", String.format(MSH, msh7)
        + "ORC|NW|1|||||||" + orc9 + "\nRXE|" + tq1 + "|108665201^ダーゼン錠^HOT9|1||TAB^錠^MR9P\n"
        + "TQ1|||" + tq1 + "\n");
    return Validator.validate(Storage.open(tmp));
  }

  @Test
  void careDateFieldMustCarryTheFolderDate() {
    assertThat(validate("20240301100000", "20240301093000", "")).noneMatch(f ->
        f.code() == FindingCode.CARE_DATE_MISMATCH);
  }

  @Test
  void anotherDateInTheCareDateFieldIsReported() {
    assertThat(validate("20240301100000", "20240229093000", "")).filteredOn(f ->
        f.code() == FindingCode.CARE_DATE_MISMATCH).singleElement().satisfies(f ->
        assertThat(f.message()).contains("folder is 20240301", "ORC-9 says 20240229", "RDE^O11"));
  }

  @Test
  void seventeenDigitMessageTimeIsNoHl7Time() {
    assertThat(validate("20240301100000123", "20240301", "")).filteredOn(f ->
        f.code() == FindingCode.BAD_TIMESTAMP).singleElement().satisfies(f ->
        assertThat(f.message()).contains("MSH-7", "17 digits"));
    assertThat(validate("20240301100000.123", "20240301", "")).noneMatch(f -> f.code() == FindingCode.BAD_TIMESTAMP);
  }

  @Test
  void nonNumericQuantityInTq1IsReported() {
    List<Finding> findings = Validator.validate(Storage.open(tmp));
    assertThat(findings).isEmpty();
    MessageFiles.write(tmp, "0000000123", "20240301", "OMP-01", "000000000000001", String.format(MSH,
        "20240301100000") + "ORC|NW|1|||||||20240301\nTQ1|1|三^TAB&錠&MR9P|1013044400000000&内服&JAMISDP01\n"
        + "RXE||108665201^ダーゼン錠^HOT9|1||TAB^錠^MR9P\n");
    assertThat(Validator.validate(Storage.open(tmp))).filteredOn(f -> f.code() == FindingCode.NON_NUMERIC_VALUE)
        .anySatisfy(f -> assertThat(f.message()).contains("TQ1-2", "'三'"));
  }
}

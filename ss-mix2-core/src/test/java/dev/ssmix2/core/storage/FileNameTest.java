package dev.ssmix2.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FileNameTest {

  @Test
  void parsesAllSevenFields() {
    FileName f = FileName.parse("9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1");
    assertThat(f.patientId()).isEqualTo(PatientId.of("9999013"));
    assertThat(f.date().date()).contains(LocalDate.of(2011, 7, 1));
    assertThat(f.dataType()).isEqualTo(StandardDataType.OMP_01);
    assertThat(f.orderNo()).isEqualTo("000000011000185");
    assertThat(f.timestamp().digits()).isEqualTo("20110701224603984");
    assertThat(f.department()).contains("01");
    assertThat(f.flag()).isEqualTo(ConditionFlag.CURRENT);
    assertThat(f.format()).isEqualTo("9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1");
  }

  @Test
  void undatedAndNoDepartment() {
    FileName f = FileName.parse("9999013_-_ADT-00_999999999999999_20111220224447339_-_1");
    assertThat(f.date().isUndated()).isTrue();
    assertThat(f.department()).isEmpty();
    assertThat(f.orderNo()).isEqualTo(FileName.NO_ORDER);
  }

  @Test
  void toleratesStraySpacesShortOrderNumbersAndFifteenDigitTimestamps() {
    FileName f = FileName.parse("0123456789_20080126_OML-11_0812512_ 200802031630123_01_1");
    assertThat(f.orderNo()).isEqualTo("0812512");
    assertThat(f.timestamp().padded()).isEqualTo("20080203163012300");
  }

  @Test
  void extendedContentFolderWithoutDepartment() {
    FileName f = FileName.parse(
        "0123456789_20160101_L-OBSERVATIONS^OBSERVATIONS^99ZL01_000000020160101_201601011500321_1");
    assertThat(f.dataType()).isInstanceOf(OtherDataType.class);
    assertThat(((OtherDataType) f.dataType()).isExtendedTriplet()).isTrue();
    assertThat(f.department()).isEmpty();
  }

  @Test
  void rejectionsNameTheRule() {
    assertThatThrownBy(() -> FileName.parse("notes.txt"))
        .isInstanceOfSatisfying(FileNameException.class, e -> assertThat(e.rule()).isEqualTo("field-count"));
    assertThatThrownBy(() -> FileName.parse("1_20240230_OMP-01_1_20240101000000000_01_1"))
        .isInstanceOfSatisfying(FileNameException.class, e -> assertThat(e.rule()).isEqualTo("date"));
    assertThatThrownBy(() -> FileName.parse("1_20240301_OMP-01_1_2024010100_01_1"))
        .isInstanceOfSatisfying(FileNameException.class, e -> assertThat(e.rule()).isEqualTo("timestamp"));
    assertThatThrownBy(() -> FileName.parse("1_20240301_OMP-01_1_20240101000000000_01_3"))
        .isInstanceOfSatisfying(FileNameException.class, e -> assertThat(e.reason()).contains("'3'"));
    assertThatThrownBy(() -> FileName.parse("1_20240301_OMP-01_1_20240101000000000_1"))
        .isInstanceOfSatisfying(FileNameException.class, e -> assertThat(e.rule()).isEqualTo("field-count"));
  }

  @Test
  void timestampsCompareAcrossWidthsAndRollOverLateHours() {
    assertThat(FileTimestamp.parse("200802031630123")).isLessThan(FileTimestamp.parse("20080203163012301"));
    assertThat(FileTimestamp.parse("20230613243000000").toLocalDateTime())
        .contains(LocalDate.of(2023, 6, 14).atTime(0, 30));
  }

  @Test
  void patientIdFolders() {
    PatientId id = PatientId.of("0007001234");
    assertThat(id.firstFolder()).isEqualTo("000");
    assertThat(id.secondFolder()).isEqualTo("700");
    assertThat(id.unpadded()).isEqualTo("7001234");
    assertThatThrownBy(() -> PatientId.of("12_3")).hasMessageContaining("'_'");
  }

  @Test
  void dataTypesKnowTheirEvents() {
    assertThat(StandardDataType.values()).hasSize(26);
    assertThat(DataType.of("ADT-22")).isEqualTo(StandardDataType.ADT_22);
    assertThat(StandardDataType.ADT_22.isCancel("ADT", "A11")).isTrue();
    assertThat(StandardDataType.ADT_00.isDated()).isFalse();
    assertThat(StandardDataType.OMP_01.japaneseName()).isEqualTo("処方オーダ");
    assertThat(DataType.of("OML-12")).isEqualTo(new OtherDataType("OML-12"));
  }
}

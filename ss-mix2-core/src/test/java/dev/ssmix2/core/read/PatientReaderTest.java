package dev.ssmix2.core.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.record.Patient;
import dev.ssmix2.core.record.PersonName;
import dev.ssmix2.core.record.Sex;
import dev.ssmix2.core.storage.Fixtures;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatientReaderTest {
  private final Storage cases = Fixtures.searchCaseStorage();

  private Patient patient(Storage s, String id) {
    PatientFolder folder = s.patient(PatientId.of(id)).orElseThrow();
    return PatientReader.current(folder).orElseThrow();
  }

  @Test
  void nhoAdt00() {
    Patient p = patient(ReadFixtures.nho(), "9999013");
    assertThat(p.fromAdt00()).isTrue();
    assertThat(p.kanji()).contains(new PersonName("患者", "太郎"));
    assertThat(p.kana()).contains(new PersonName("カンジャ", "タロウ"));
    assertThat(p.birthDate()).hasValueSatisfying(d -> assertThat(d).hasToString("1948-04-05"));
    assertThat(p.sex()).isEqualTo(Sex.MALE);
    assertThat(p.zip()).contains("422-8033");
    assertThat(p.address()).contains("静岡県静岡市登呂１−３−５");
    assertThat(p.phones()).containsExactly("054-000-0000", "03-5999-9999", "03-3599-9993");
  }

  @Test
  void quirkyNamesAreKeptAsStored() {
    assertThat(patient(cases, "0000000222").kanji()).contains(new PersonName("濵田", "隆"));  // CP932 IBM extension
    assertThat(patient(cases, "0000000444").kanji()).contains(new PersonName("■本", "和夫"));
    assertThat(patient(cases, "0000000444").kana()).contains(new PersonName("ハシモト", "カズオ"));
    assertThat(patient(cases, "0000000555").kana()).contains(new PersonName("ｺﾞﾄｳ", "ﾕｳｺ"));  // half-width
    Patient noKana = patient(cases, "0000000666");
    assertThat(noKana.kana()).isEmpty();
    assertThat(noKana.kanji()).contains(new PersonName("石井", "拓也"));
    Patient utf8 = patient(cases, "0000000888");  // UTF-8 with CRLF
    assertThat(utf8.kanji()).contains(new PersonName("長谷川", "修"));
    assertThat(utf8.kana()).contains(new PersonName("ハセガワ", "オサム"));
    assertThat(utf8.birthDate()).hasValueSatisfying(d -> assertThat(d).hasToString("1952-02-02"));
  }

  @Test
  void withoutAdt00ThePidOfTheNewestMessageIsUsed() {
    List<StorageFile> files = cases.patient(PatientId.of("0000000111")).orElseThrow().files().stream()
        .filter(f -> f.dataType() != StandardDataType.ADT_00).toList();
    Patient p = PatientReader.current(files).orElseThrow();
    assertThat(p.fromAdt00()).isFalse();
    assertThat(p.kanji()).contains(new PersonName("小川", "健太"));
    // the empty and truncated _1 files are skipped; the newest readable current file is the OML-11 result
    assertThat(p.source().dataType()).isEqualTo(StandardDataType.OML_11);
  }

  @Test
  void historyListsEveryAdt00VersionNewestFirst() {
    List<StorageFile> files = cases.patient(PatientId.of("0000000111")).orElseThrow().files();
    assertThat(PatientReader.history(files)).extracting(Patient::displayName).containsExactly("小川　健太");
    assertThat(PatientReader.history(files.stream().filter(f -> f.dataType() != StandardDataType.ADT_00).toList()))
        .isEmpty();
  }
}

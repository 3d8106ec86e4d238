package dev.ssmix2.index.internal.patient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.record.Sex;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.version.VersionStatus;
import dev.ssmix2.index.store.Facility;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DerivedPatientTest {
  private static final PatientId ID = PatientId.of("0000000001");

  private static FileVersion version(String name, VersionStatus status, RegisteredName n, String birth) {
    StorageFile f = new StorageFile(new StorageRoot(Path.of("/s")), "x/" + name, FileName.parse(name), false);
    PidFacts pid = new PidFacts(Optional.of(n), Optional.of(LocalDate.parse(birth)), Sex.FEMALE);
    return new FileVersion(f, status, new FileFacts(Optional.of(pid), "", Optional.empty()));
  }

  private static RegisteredName name(String family, String kana) {
    return new RegisteredName(family, "直子", kana, "ナオコ", "", "");
  }

  @Test
  void currentAdt00WinsAndOlderNamesBecomeAliases() {
    DerivedPatient d = DerivedPatient.of(Facility.DEFAULT, ID, List.of(
        version("0000000001_-_ADT-00_999999999999999_20200101000000000_-_2", VersionStatus.SUPERSEDED,
            name("澤田", "サワダ"), "1970-02-02"),
        version("0000000001_-_ADT-00_999999999999999_20240101000000000_-_1", VersionStatus.CURRENT,
            name("湊", "ミナト"), "1970-02-02"),
        version("0000000001_20240301_OMP-01_000000000000001_20240301000000000_01_1", VersionStatus.CURRENT,
            name("澤田", "サワダ"), "1970-02-02")));
    assertThat(d.patient().name()).isEqualTo("湊\u3000直子");
    assertThat(d.patient().formerNames()).containsExactly("澤田\u3000直子");
    assertThat(d.patient().fromAdt00()).isTrue();
    assertThat(d.patient().lastSeen()).hasValue(LocalDate.of(2024, 3, 1));
    assertThat(d.names()).hasSize(2).first().isEqualTo(name("湊", "ミナト"));
  }

  @Test
  void withoutAdt00TheNewestCurrentMessageSpeaks() {
    DerivedPatient d = DerivedPatient.of(Facility.DEFAULT, ID, List.of(
        version("0000000001_20240301_OMP-01_000000000000001_20240301000000000_01_1", VersionStatus.CURRENT,
            name("湊", "ミナト"), "1970-02-02"),
        version("0000000001_20230301_OMP-01_000000000000002_20230301000000000_01_1", VersionStatus.CURRENT,
            name("澤田", "サワダ"), "1970-02-02")));
    assertThat(d.patient().name()).isEqualTo("湊\u3000直子");
    assertThat(d.patient().fromAdt00()).isFalse();
  }

  @Test
  void patientWithOnlyUnreadableFilesHasNoName() {
    StorageFile f = new StorageFile(new StorageRoot(Path.of("/s")), "x",
        FileName.parse("0000000001_20240301_OMP-01_000000000000001_20240301000000000_01_1"), false);
    DerivedPatient d = DerivedPatient.of(Facility.DEFAULT, ID,
        List.of(new FileVersion(f, VersionStatus.CURRENT, FileFacts.unreadable("empty file (0 bytes)"))));
    assertThat(d.patient().name()).isEmpty();
    assertThat(d.names()).isEmpty();
  }
}

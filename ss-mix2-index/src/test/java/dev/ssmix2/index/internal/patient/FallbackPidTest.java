package dev.ssmix2.index.internal.patient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.version.VersionStatus;
import dev.ssmix2.index.store.Facility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FallbackPidTest {
  @TempDir Path root;

  private FileVersion message(String name, VersionStatus status, String family) throws IOException {
    Path p = root.resolve(name);
    Files.writeString(p, "MSH|^~\\&|A|B|C|D|20240101000000||OMP^O09^OMP_O09|1|P|2.5\r"
        + "PID|0001||1||" + family + "^直子^^^^^L^I||19700202|F\r"
        + "ORC|NW|1\r", StandardCharsets.UTF_8);
    StorageFile f = new StorageFile(new StorageRoot(root), name, FileName.parse(name), false);
    return new FileVersion(f, status, FileFacts.of(RecordReader.read(f, status)));
  }

  private static String family(FileVersion v) {
    return v.facts().pid().flatMap(PidFacts::name).map(RegisteredName::kanjiFamily).orElse("");
  }

  @Test
  void withoutAdt00OnlyTheNewestCurrentMessageIsRead() throws IOException {
    List<FileVersion> versions = new ArrayList<>(List.of(
        message("0000000001_20230301_OMP-01_000000000000002_20230301000000000_01_1", VersionStatus.CURRENT, "澤田"),
        message("0000000001_20240301_OMP-01_000000000000001_20240301000000000_01_2", VersionStatus.SUPERSEDED,
            "旧"),
        message("0000000001_20240301_OMP-01_000000000000003_20240201000000000_01_1", VersionStatus.CURRENT, "湊")));
    FallbackPid.fill(versions);
    assertThat(versions).extracting(FallbackPidTest::family).containsExactly("", "", "湊");
    assertThat(DerivedPatient.of(Facility.DEFAULT, versions.get(0).file().patientId(), versions).patient().name())
        .isEqualTo("湊\u3000直子");
  }

  @Test
  void aMessageAlreadyCarryingDemographicsIsNotReadAgain() throws IOException {
    FileVersion newest = message("0000000001_20240301_OMP-01_000000000000001_20240301000000000_01_1",
        VersionStatus.CURRENT, "湊");
    Files.delete(newest.file().path()); // would make a second read fail
    FileVersion known = new FileVersion(newest.file(), newest.status(), newest.facts().withPid(
        dev.ssmix2.core.read.PatientReader.fromFile(message(
            "0000000001_20230301_OMP-01_000000000000002_20230301000000000_01_1", VersionStatus.CURRENT, "湊")
            .file()).orElseThrow()));
    List<FileVersion> versions = new ArrayList<>(List.of(known));
    FallbackPid.fill(versions);
    assertThat(versions).containsExactly(known);
  }
}

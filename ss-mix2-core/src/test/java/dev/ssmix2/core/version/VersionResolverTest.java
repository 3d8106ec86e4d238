package dev.ssmix2.core.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssmix2.core.storage.Fixtures;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StorageFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionResolverTest {

  @Test
  void expectRecordsStatusesOfThePublicCases() throws IOException {
    List<StorageFile> files = Fixtures.searchCaseStorage().files(PatientId.of("0000000111")).toList();
    List<History> histories = VersionResolver.resolve(files);
    List<String> current = histories.stream().flatMap(h -> h.current().stream()).map(StorageFile::relativePath)
        .toList();
    var expect = new ObjectMapper().readTree(Fixtures.searchCases().resolve("expect-records.json").toFile())
        .get("0000000111");
    expect.get("current").forEach(n -> assertThat(current).contains(n.asText()));
    expect.get("not_current").forEach(n -> assertThat(current).doesNotContain(n.asText()));
    History h301 = histories.stream().filter(h -> h.key().orderNo().equals("000000000000301")).findFirst()
        .orElseThrow();
    assertThat(h301.versions()).extracting(Version::status)
        .containsExactly(VersionStatus.SUPERSEDED, VersionStatus.CURRENT);
    History h302 = histories.stream().filter(h -> h.key().orderNo().equals("000000000000302")).findFirst()
        .orElseThrow();
    assertThat(h302.isDeleted()).isTrue();
  }

  @Test
  void severalCurrentFilesTakeTheNewestAndReportIt(@TempDir Path tmp) throws IOException {
    Path d = Files.createDirectories(tmp.resolve("000/000/0000001/20240301/OMP-01"));
    Files.writeString(d.resolve("0000001_20240301_OMP-01_1_20240301100000000_01_1"), "a");
    Files.writeString(d.resolve("0000001_20240301_OMP-01_1_202403011100000_01_1"), "b");
    List<History> hs = VersionResolver.resolve(
        dev.ssmix2.core.storage.Storage.open(tmp).files().toList());
    assertThat(hs).singleElement().satisfies(h -> {
      assertThat(h.current()).get().extracting(f -> f.name().timestamp().digits()).isEqualTo("202403011100000");
      assertThat(h.anomalies()).singleElement().asString().contains("2 files carry flag 1");
    });
  }

  @Test
  void snapshotTypesGroupPerPatientWhateverTheOrderNumber(@TempDir Path tmp) throws IOException {
    Path d = Files.createDirectories(tmp.resolve("000/000/0000001/-/PPR-01"));
    Files.writeString(d.resolve("0000001_-_PPR-01_000000000000001_20240101000000000_01_2"), "old");
    Files.writeString(d.resolve("0000001_-_PPR-01_000000000000002_20240201000000000_01_1"), "new");
    List<History> hs = VersionResolver.resolve(dev.ssmix2.core.storage.Storage.open(tmp).files().toList());
    assertThat(hs).singleElement().satisfies(h -> assertThat(h.versions()).hasSize(2));
  }
}

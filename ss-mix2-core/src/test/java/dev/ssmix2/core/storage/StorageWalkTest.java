package dev.ssmix2.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmix2.core.storage.UnplacedEntry.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageWalkTest {

  @Test
  void nhoSampleReportsTheMisplacedFileAndPlacesTheRest() {
    Storage s = Storage.open(Fixtures.nhoSample());
    List<StorageEntry> all = s.entries().toList();
    assertThat(all).hasSize(22);
    List<UnplacedEntry> unplaced = all.stream().filter(UnplacedEntry.class::isInstance)
        .map(UnplacedEntry.class::cast).toList();
    assertThat(unplaced).singleElement().satisfies(u -> {
      assertThat(u.relativePath()).startsWith("000/000/0000001/20000401/ADT-31/");
      assertThat(u.problem()).isEqualTo(Problem.WRONG_FOLDER);
      assertThat(u.reason()).contains("patient 9999013").contains("data type OMP-11");
    });
  }

  @Test
  void searchCasesNameEveryStrayEntry() {
    Map<String, Problem> unplaced = Fixtures.searchCaseStorage().entries()
        .filter(UnplacedEntry.class::isInstance).map(UnplacedEntry.class::cast)
        .collect(Collectors.toMap(UnplacedEntry::relativePath, UnplacedEntry::problem));
    assertThat(unplaced).containsEntry("000/000/0000000111/Thumbs.db", Problem.STRAY_FILE)
        .containsEntry("000/000/0000000111/20240301/OMP-01/notes.txt", Problem.STRAY_FILE)
        .containsEntry("zzz/tmp/lock", Problem.STRAY_FILE);
  }

  @Test
  void filtersPruneByPatientDateTypeAndFlag() {
    Storage s = Fixtures.searchCaseStorage();
    PatientId p = PatientId.of("0000000111");
    assertThat(s.files(StorageFilter.all().withPatients(p))).hasSize(7)
        .allSatisfy(f -> assertThat(f.patientId()).isEqualTo(p));
    assertThat(s.files(StorageFilter.all().withPatients(p).withFlags(ConditionFlag.CURRENT))).hasSize(5);
    assertThat(s.files(StorageFilter.all().withPatients(p)
        .withDates(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 11), false))).hasSize(4);
    assertThat(s.files(StorageFilter.all().withPatients(p).withDataTypes(StandardDataType.OML_11))).hasSize(1);
  }

  @Test
  void patientsAreGatheredAcrossRoots() {
    List<UnplacedEntry> outside = new ArrayList<>();
    List<PatientFolder> patients = Fixtures.searchCaseStorage().patients(outside::add).toList();
    PatientFolder p111 = patients.stream().filter(p -> p.patientId().value().equals("0000000111")).findFirst()
        .orElseThrow();
    assertThat(p111.files()).extracting(f -> f.dataType().code()).contains("ADT-00", "OMP-01", "OML-11");
    assertThat(p111.unplaced()).extracting(UnplacedEntry::relativePath)
        .contains("000/000/0000000111/Thumbs.db");
    assertThat(outside).extracting(UnplacedEntry::relativePath).containsExactly("zzz/tmp/lock");
    assertThat(patients).extracting(PatientFolder::patientId).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void parallelPatientsWalkShardsConcurrentlyAndFindTheSameFiles() {
    Storage s = Fixtures.searchCaseStorage();
    List<String> sequential = s.patients(u -> { }).flatMap(p -> p.files().stream())
        .map(StorageFile::relativePath).sorted().toList();
    List<String> parallel = s.patients(u -> { }).parallel().flatMap(p -> p.files().stream())
        .map(StorageFile::relativePath).sorted().toList();
    assertThat(parallel).isEqualTo(sequential).hasSize(s.files().toList().size());
  }

  @Test
  void manyFirstLevelFoldersAreShardedThemselvesAndKeepPatientOrder(@TempDir Path tmp) throws IOException {
    // 80 first-level folders (≥ the shard threshold) so patients are cut by first-level folder, not L1/L2
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      String id = String.format("%03d%03d%d", 100 + i, 200 + i % 7, i);
      ids.add(id);
      Path d = Files.createDirectories(tmp.resolve(id.substring(0, 3) + "/" + id.substring(3, 6) + "/" + id
          + "/-/ADT-00"));
      Files.writeString(d.resolve(id + "_-_ADT-00_999999999999999_20240101000000000_-_1"), "MSH|^~\\&|");
    }
    Files.writeString(tmp.resolve("Thumbs.db"), "x");
    List<UnplacedEntry> outside = java.util.Collections.synchronizedList(new ArrayList<>());
    Storage s = Storage.open(tmp);
    assertThat(s.patients(outside::add).map(p -> p.patientId().value()).toList())
        .isEqualTo(ids.stream().sorted().toList());
    assertThat(s.patients(u -> { }).parallel().map(p -> p.patientId().value()).sorted().toList())
        .isEqualTo(ids.stream().sorted().toList());
    assertThat(outside).extracting(UnplacedEntry::relativePath).containsExactly("Thumbs.db");
  }

  @Test
  void aCrowdedPrefixFolderIsCutIntoRunsOfPatientsAcrossRoots(@TempDir Path tmp) throws IOException {
    // 700 sequential IDs lie in one L1/L2 folder: the walk is cut into runs of patient folders so it can go parallel
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      String id = String.format("0001000%03d", i);
      ids.add(id);
      for (Path root : i % 3 == 0 ? List.of(a, b) : List.of(i % 3 == 1 ? a : b)) {
        Path d = Files.createDirectories(root.resolve("000/100/" + id + "/-/ADT-00"));
        Files.writeString(d.resolve(id + "_-_ADT-00_999999999999999_20240101000000000_-_1"), "MSH|^~\\&|");
      }
    }
    Files.writeString(a.resolve("000/100/notes.txt"), "x");
    Files.createDirectories(b.resolve("000/100/" + ids.get(256) + "_x"));
    Storage s = Storage.open(a, b);
    List<Shards.Shard> shards = Shards.of(s.roots(), StorageFilter.all(), u -> { });
    assertThat(shards).hasSizeGreaterThan(1).allSatisfy(sh -> assertThat(sh.folder()).isEqualTo("000/100"));

    List<UnplacedEntry> outside = java.util.Collections.synchronizedList(new ArrayList<>());
    List<PatientFolder> sequential = s.patients(outside::add).toList();
    assertThat(sequential).extracting(p -> p.patientId().value()).isEqualTo(ids);
    assertThat(sequential).allSatisfy(p -> assertThat(p.files())
        .hasSize(Integer.parseInt(p.patientId().value().substring(7)) % 3 == 0 ? 2 : 1));
    assertThat(outside).extracting(UnplacedEntry::relativePath)
        .containsExactlyInAnyOrder("000/100/notes.txt", "000/100/" + ids.get(256) + "_x");
    outside.clear();
    assertThat(s.patients(outside::add).parallel().map(p -> p.patientId().value() + " " + p.files().size())
        .toList()).isEqualTo(sequential.stream().map(p -> p.patientId().value() + " " + p.files().size()).toList());
    assertThat(outside).hasSize(2);
    // a walk of chosen patients is not cut: it reads few of the folders
    assertThat(Shards.of(s.roots(), StorageFilter.all().withPatients(PatientId.of(ids.get(5))), u -> { }))
        .containsExactly(Shards.Shard.whole("000/100"));
  }

  @Test
  void walkedFilesCarryTheirSizeAndTime() {
    StorageFile empty = Fixtures.searchCaseStorage().files().filter(f -> f.relativePath().contains("_000000000000900_"))
        .findFirst().orElseThrow();
    assertThat(empty.size()).isZero();
    assertThat(empty.lastModified()).isPositive();
  }

  @Test
  void symbolicLinksAreReportedNotFollowed(@TempDir Path tmp) throws IOException {
    Path pdir = Files.createDirectories(tmp.resolve("000/000/0000001/-/ADT-00"));
    Files.writeString(pdir.resolve("0000001_-_ADT-00_999999999999999_20240101000000000_-_1"), "MSH|^~\\&|");
    Files.createSymbolicLink(tmp.resolve("000/000/0000001/loop"), tmp);
    List<StorageEntry> entries = Storage.open(tmp).entries().toList();
    assertThat(entries).hasSize(2);
    assertThat(entries).filteredOn(UnplacedEntry.class::isInstance)
        .singleElement().extracting(e -> ((UnplacedEntry) e).problem()).isEqualTo(Problem.SYMBOLIC_LINK);
  }

  @Test
  void badDateFolderIsReported(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("000/000/0000001/2024-03-01/OMP-01"));
    assertThat(Storage.open(tmp).entries()).singleElement()
        .satisfies(e -> assertThat(((UnplacedEntry) e).problem()).isEqualTo(Problem.BAD_FOLDER));
  }

  @Test
  void missingRootIsAClearError(@TempDir Path tmp) {
    assertThatThrownBy(() -> Storage.open(tmp.resolve("nope")))
        .isInstanceOf(StorageException.class).hasMessageContaining("does not exist");
  }

  @Test
  void walkingNeverWrites() throws IOException {
    Path root = Fixtures.searchCases();
    long before = lastModifiedSum(root);
    Fixtures.searchCaseStorage().entries().forEach(e -> { });
    assertThat(lastModifiedSum(root)).isEqualTo(before);
  }

  private static long lastModifiedSum(Path root) throws IOException {
    try (var s = Files.walk(root)) {
      return s.mapToLong(p -> p.toFile().lastModified()).sum();
    }
  }
}

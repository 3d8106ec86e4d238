package dev.ssmix2.index.store;

import static dev.ssmix2.index.store.Adt00Files.pid5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updates of a storage written long before (folder times an hour old): only patients whose folders changed are
 * walked, and what they are walked for is still found.
 */
class FolderProbeUpdateTest {
  static final String OMP_111 = "000/000/0000000111/20240310/OMP-01/"
      + "0000000111_20240310_OMP-01_000000000000301_20240310120000000_01_1";

  @TempDir static Path base;
  @TempDir Path work;
  static IndexedCopy fixture;
  Path dated;
  Path undated;
  Path indexDir;
  PatientIndex index;
  IndexReport first;

  @BeforeAll
  static void indexOnce() throws IOException {
    fixture = IndexedCopy.build(base, true);
  }

  @BeforeEach
  void restoreTheIndexedCopy() throws IOException {
    fixture.restore();
    dated = fixture.dated;
    undated = fixture.undated;
    indexDir = fixture.indexDir;
    first = fixture.first;
    index = PatientIndex.open(indexDir);
  }

  @AfterEach
  void close() {
    index.close();
  }

  Storage storage() {
    return Storage.open(dated, undated);
  }

  IndexReport update() {
    return index.update(storage(), ProgressListener.none());
  }

  @Test
  void anUnchangedStorageWalksNoPatientAndReportsTheSame() {
    assertThat(first.patientsWalked()).isEqualTo(first.patients());
    IndexReport again = update();
    assertThat(again.patientsWalked()).isZero();
    assertThat(again.filesIndexed()).isZero();
    assertThat(again.patientsUpdated()).isZero();
    assertThat(again.filesSeen()).isEqualTo(first.filesSeen()).isEqualTo(again.filesUnchanged());
    assertThat(again.patients()).isEqualTo(first.patients());
    assertThat(again.skipped()).as("strays inside and beside patient folders, unreadable files")
        .isEqualTo(first.skipped());
    assertThat(update().patientsWalked()).isZero();
  }

  @Test
  void aNewVersionInOnePatientWalksAndReadsOnlyThatPatient() throws IOException {
    Path old = undated.resolve("000/000/0000000333/-/ADT-00/"
        + "0000000333_-_ADT-00_999999999999999_20230105093000333_-_1");
    Files.move(old, old.resolveSibling(old.getFileName().toString().replaceFirst("_1$", "_2")));
    Adt00Files.write(undated, "0000000333", pid5("湊", "直子", "ミナト", "ナオコ"), "19700202", "F",
        "20240601093000000", '1');
    IndexReport r = update();
    assertThat(r.patientsWalked()).isEqualTo(1);
    assertThat(r.filesIndexed()).as("the new file; the renamed one keeps its reading").isEqualTo(1);
    assertThat(r.patientsUpdated()).isEqualTo(1);
    assertThat(r.filesSeen()).isEqualTo(first.filesSeen() + 1);
    assertThat(index.patient(PatientId.of("0000000333")).orElseThrow().name()).isEqualTo("湊\u3000直子");

    try (PatientIndex clean = PatientIndex.open(work.resolve("clean"))) {
      clean.update(storage(), ProgressListener.none());
      for (String id : new String[] {"0000000333", "0000000111"}) {
        assertThat(index.patient(PatientId.of(id))).isEqualTo(clean.patient(PatientId.of(id)));
        assertThat(index.records(PatientId.of(id), true)).isEqualTo(clean.records(PatientId.of(id), true));
      }
    }
  }

  @Test
  void aRenamedFileWhoseTimeMovedIsReadAgain() throws IOException {
    Path old = undated.resolve("000/000/0000000333/-/ADT-00/"
        + "0000000333_-_ADT-00_999999999999999_20230105093000333_-_1");
    Path renamed = old.resolveSibling(old.getFileName().toString().replaceFirst("_1$", "_2"));
    Files.move(old, renamed);
    Files.setLastModifiedTime(renamed, FileTime.fromMillis(Files.getLastModifiedTime(renamed).toMillis() - 60_000));
    Adt00Files.write(undated, "0000000333", pid5("湊", "直子", "ミナト", "ナオコ"), "19700202", "F",
        "20240601093000000", '1');
    IndexReport r = update();
    assertThat(r.filesIndexed()).as("a renamed file with another time may hold other bytes: read").isEqualTo(2);
    try (PatientIndex clean = PatientIndex.open(work.resolve("clean"))) {
      clean.update(storage(), ProgressListener.none());
      assertThat(index.records(PatientId.of("0000000333"), true))
          .isEqualTo(clean.records(PatientId.of("0000000333"), true));
    }
  }

  @Test
  void aRenamedUnreadableFileIsReadAgainSoItsProblemNamesItAsItIsNow() throws IOException {
    Path broken = dated.resolve("000/000/0000000111/20240311/OMP-01/"
        + "0000000111_20240311_OMP-01_000000000000302_20240311120000000_01_1");
    Files.createDirectories(broken.getParent());
    Files.write(broken, new byte[] {'n', 'o', 't', ' ', 'H', 'L', '7', '\r'});
    Files.setLastModifiedTime(broken, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    IndexReport read = update();
    assertThat(read.filesIndexed()).isEqualTo(1);
    assertThat(read.skipped()).extracting(RecordProblem::file).contains(dated.relativize(broken).toString());

    Path renamed = broken.resolveSibling(broken.getFileName().toString().replaceFirst("_1$", "_2"));
    Files.move(broken, renamed); // the same size and time: the stamp alone would call it the same file
    Path newer = broken.resolveSibling(broken.getFileName().toString()
        .replace("20240311120000000", "20240312120000000"));
    Files.copy(dated.resolve(OMP_111), newer);
    Files.setLastModifiedTime(newer, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    IndexReport r = update();
    assertThat(r.filesIndexed()).as("the new file, and the renamed one whose stored reading had a problem")
        .isEqualTo(2);
    assertThat(r.skipped()).extracting(RecordProblem::file)
        .contains(dated.relativize(renamed).toString())
        .doesNotContain(dated.relativize(broken).toString());
    try (PatientIndex clean = PatientIndex.open(work.resolve("clean"))) {
      IndexReport cleanReport = clean.update(storage(), ProgressListener.none());
      assertThat(r.skipped()).isEqualTo(cleanReport.skipped());
      assertThat(index.records(PatientId.of("0000000111"), true))
          .isEqualTo(clean.records(PatientId.of("0000000111"), true));
    }
  }

  @Test
  void aFileRewrittenInPlaceIsReadAgainByDefaultButNotWhenFolderTimesAreTrusted() {
    OldTimes.rewriteInPlace(dated.resolve(OMP_111));
    IndexReport trusting = index.update(storage(), ChangeDetection.FOLDER_TIMES, ProgressListener.none());
    assertThat(trusting.patientsWalked()).as("its folder's time did not move").isZero();

    IndexReport r = update();
    assertThat(r.patientsWalked()).isEqualTo(1);
    assertThat(r.filesIndexed()).isEqualTo(1);
  }

  @Test
  void aNewSizeUnderTheOldTimeIsReadAgain() throws IOException {
    Path file = dated.resolve(OMP_111);
    FileTime time = Files.getLastModifiedTime(file);
    Files.write(file, (Files.readString(file) + "NTE|1||appended\r").getBytes());
    Files.setLastModifiedTime(file, time);
    IndexReport r = update();
    assertThat(r.patientsWalked()).isEqualTo(1);
    assertThat(r.filesIndexed()).isEqualTo(1);
  }

  @Test
  void aNewPatientFolderIsWalkedAndFound() {
    Adt00Files.write(undated, "0000001234", pid5("湊", "花子", "ミナト", "ハナコ"), "19990909", "F",
        "20240501093000000", '1');
    IndexReport r = update();
    assertThat(r.patientsWalked()).isEqualTo(1);
    assertThat(r.filesIndexed()).isEqualTo(1);
    assertThat(r.patients()).isEqualTo(first.patients() + 1);
    assertThat(index.search("みなと はなこ", 10)).extracting(h -> h.patientId().value()).containsExactly("0000001234");
  }

  @Test
  void aPatientsNewFolderInTheOtherRootWalksThePatientWhole() {
    assertThat(Files.isDirectory(dated.resolve("000/000/0000000444"))).as("only in the undated root").isFalse();
    Adt00Files.write(dated, "0000000444", pid5("湊", "一郎", "ミナト", "イチロウ"), "19800101", "M",
        "20990501093000000", '1');
    IndexReport r = update();
    assertThat(r.patientsWalked()).isEqualTo(1);
    assertThat(r.filesIndexed()).isEqualTo(1);
    assertThat(r.filesSeen()).isEqualTo(first.filesSeen() + 1);
    PatientId id = PatientId.of("0000000444");
    assertThat(index.patient(id).orElseThrow().name()).as("the newer ADT-00 wins").isEqualTo("湊\u3000一郎");
    try (PatientIndex clean = PatientIndex.open(work.resolve("clean"))) {
      clean.update(storage(), ProgressListener.none());
      assertThat(index.patient(id)).isEqualTo(clean.patient(id));
      assertThat(index.records(id, true)).isEqualTo(clean.records(id, true));
    }
  }

  @Test
  void aRemovedPatientDisappearsWithoutAWalk() throws IOException {
    deleteTree(undated.resolve("000/000/0000000999"));
    IndexReport r = update();
    assertThat(r.patientsWalked()).isZero();
    assertThat(r.patientsRemoved()).isEqualTo(1);
    assertThat(index.patient(PatientId.of("0000000999"))).isEmpty();
  }

  @Test
  void aNewStrayBesideThePatientFoldersWalksEverythingOnceAndIsListedOnEveryRun() throws IOException {
    Files.writeString(dated.resolve("000/000/notes.txt"), "backup notes");
    IndexReport r = update();
    assertThat(r.patientsWalked()).as("nothing recorded about it: walk it all").isEqualTo(first.patients());
    assertThat(r.skipped()).anyMatch(p -> p.file().equals("000/000/notes.txt"));

    IndexReport next = update();
    assertThat(next.patientsWalked()).isZero();
    assertThat(next.skipped()).isEqualTo(r.skipped());
  }

  @Test
  void aChangeTooRecentToTrustIsCheckedOnceMoreNextRun() {
    Adt00Files.write(undated, "0000001234", pid5("湊", "花子", "ミナト", "ハナコ"), "19990909", "F",
        "20240501093000000", '1');
    assertThat(update().patientsWalked()).isEqualTo(1);
    IndexReport again = update();
    assertThat(again.patientsWalked()).as("its folder times were too recent to trust").isEqualTo(1);
    assertThat(again.filesIndexed()).isZero();
    assertThat(again.patientsUpdated()).isZero();
    OldTimes.age(undated.resolve("000/000/0000001234"));
    assertThat(update().patientsWalked()).as("ageing moved its times once more").isEqualTo(1);
    assertThat(update().patientsWalked()).isZero();
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

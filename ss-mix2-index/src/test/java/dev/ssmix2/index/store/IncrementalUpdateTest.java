package dev.ssmix2.index.store;

import static dev.ssmix2.index.store.Adt00Files.pid5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates of an indexed copy of search-cases-public: only changes are processed, and a crash loses nothing. */
class IncrementalUpdateTest {
  @TempDir static Path base;
  static IndexedCopy fixture;
  Path dated;
  Path undated;
  Path indexDir;
  PatientIndex index;
  IndexReport first;

  @BeforeAll
  static void indexOnce() throws IOException {
    fixture = IndexedCopy.build(base, false);
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

  @Test
  void fullBuildLeavesOneSegment() throws IOException {
    assertThat(first.rebuilt()).isTrue();
    try (var dir = org.apache.lucene.store.FSDirectory.open(indexDir);
        var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
      assertThat(reader.leaves()).hasSize(1);
    }
  }

  @Test
  void unchangedStorageReadsNothing() {
    IndexReport again = index.update(storage(), ProgressListener.none());
    assertThat(again.rebuilt()).isFalse();
    assertThat(again.filesIndexed()).isZero();
    assertThat(again.patientsUpdated()).isZero();
    assertThat(again.filesUnchanged()).isEqualTo(first.filesSeen()).isEqualTo(again.filesSeen());
    assertThat(again.patients()).isEqualTo(first.patients());
  }

  @Test
  void skippedFilesAreListedOnEveryRunNotOnlyWhenRead() {
    assertThat(first.skipped()).as("the fixture has unreadable files")
        .anyMatch(p -> p.reason().startsWith("empty-file: "));
    IndexReport again = index.update(storage(), ProgressListener.none());
    assertThat(again.filesIndexed()).isZero();
    assertThat(again.skipped()).isEqualTo(first.skipped());
    assertThat(again.skippedCount()).isEqualTo(first.skippedCount());

    Adt00Files.write(undated, "0000001234", pid5("湊", "花子", "ミナト", "ハナコ"), "19990909", "F",
        "20240501093000000", '1');
    assertThat(index.update(storage(), ProgressListener.none()).skipped()).isEqualTo(first.skipped());
  }

  @Test
  void theNewestFileTimeAndTheVersionFollowTheStorage() {
    java.time.LocalDateTime before = index.newestFileTime().orElseThrow();
    long version = index.version().orElseThrow();
    assertThat(index.version()).hasValue(version);
    Adt00Files.write(undated, "0000001234", pid5("湊", "花子", "ミナト", "ハナコ"), "19990909", "F",
        "20991231235959123", '1');
    index.update(storage(), ProgressListener.none());
    assertThat(before).isBefore(java.time.LocalDateTime.of(2099, 1, 1, 0, 0));
    assertThat(index.newestFileTime()).contains(java.time.LocalDateTime.of(2099, 12, 31, 23, 59, 59, 123_000_000));
    assertThat(index.version().orElseThrow()).isNotEqualTo(version);
  }

  @Test
  void newAdt00IsFoundAfterTheNextUpdate() {
    assertThat(index.search("みなと はなこ", 10)).isEmpty();
    Adt00Files.write(undated, "0000001234", pid5("湊", "花子", "ミナト", "ハナコ"), "19990909", "F",
        "20240501093000000", '1');
    IndexReport r = index.update(storage(), ProgressListener.none());
    assertThat(r.filesIndexed()).isEqualTo(1);
    assertThat(r.patientsUpdated()).isEqualTo(1);
    assertThat(r.patients()).isEqualTo(first.patients() + 1);
    assertThat(index.search("みなと はなこ", 10)).extracting(h -> h.patientId().value()).containsExactly("0000001234");
  }

  @Test
  void supersededNameIsAnAliasNotTheDisplayName() throws IOException {
    Path old = undated.resolve("000/000/0000000333/-/ADT-00/"
        + "0000000333_-_ADT-00_999999999999999_20230105093000333_-_1");
    Files.move(old, old.resolveSibling(old.getFileName().toString().replaceFirst("_1$", "_2")));
    Adt00Files.write(undated, "0000000333", pid5("湊", "直子", "ミナト", "ナオコ"), "19700202", "F",
        "20240601093000000", '1');
    IndexReport r = index.update(storage(), ProgressListener.none());
    assertThat(r.filesIndexed()).as("the new file; the renamed one keeps its reading").isEqualTo(1);
    assertThat(r.filesRemoved()).as("the old name of the renamed file").isEqualTo(1);
    assertThat(r.patientsUpdated()).isEqualTo(1);

    var p = index.patient(PatientId.of("0000000333")).orElseThrow();
    assertThat(p.name()).isEqualTo("湊\u3000直子");
    assertThat(p.formerNames()).containsExactly("澤田\u3000直子");
    assertThat(index.search("湊 直子", 3).get(0).name()).isEqualTo("湊\u3000直子");
    assertThat(index.search("さわだ なおこ", 3)).extracting(h -> h.patientId().value()).contains("0000000333");
    assertThat(index.search("さわだ なおこ", 3).get(0).name()).isEqualTo("湊\u3000直子");
  }

  @Test
  void removedPatientDisappears() throws IOException {
    deleteTree(undated.resolve("000/000/0000000999"));
    IndexReport r = index.update(storage(), ProgressListener.none());
    assertThat(r.patientsRemoved()).isEqualTo(1);
    assertThat(r.filesRemoved()).isEqualTo(1);
    assertThat(index.patient(PatientId.of("0000000999"))).isEmpty();
  }

  @Test
  void crashMidRunKeepsTheLastCommitAndTheNextRunCompletes() {
    Adt00Files.write(undated, "0000001234", pid5("湊", "花子", "ミナト", "ハナコ"), "19990909", "F",
        "20240501093000000", '1');
    Adt00Files.write(undated, "0009999999", pid5("港", "太郎", "ミナト", "タロウ"), "19990909", "M",
        "20240501093000000", '1');
    ProgressListener<IndexProgress> dies = p -> {
      if (p.patientsSeen() == 300) {
        throw new IllegalStateException("simulated crash");
      }
    };
    assertThatThrownBy(() -> index.update(storage(), dies)).hasMessageContaining("simulated crash");
    assertThat(index.search("みなと", 10)).isEmpty();
    assertThat(index.patientCount()).isEqualTo(first.patients());

    try (PatientIndex reopened = PatientIndex.open(indexDir)) {
      assertThat(reopened.search("おがわ けんた", 1)).isNotEmpty();
      IndexReport r = reopened.update(storage(), ProgressListener.none());
      assertThat(r.filesIndexed()).isEqualTo(2);
      assertThat(reopened.search("みなと", 10)).hasSize(2);
    }
  }

  @Test
  void otherTableVersionForcesARebuild() throws IOException {
    try (var dir = FSDirectory.open(indexDir);
        var w = new IndexWriter(dir, new IndexWriterConfig())) {
      w.setLiveCommitData(Map.of("schema", CommitMetadata.SCHEMA, "nameKeysTableVersion", "older",
          "facilities", "default").entrySet());
      w.commit();
    }
    assertThat(index.isCurrentVersion()).isFalse();
    IndexReport r = index.update(storage(), ProgressListener.none());
    assertThat(r.rebuilt()).isTrue();
    assertThat(r.filesIndexed()).isEqualTo(r.filesSeen());
    assertThat(index.isCurrentVersion()).isTrue();
    assertThat(index.roots()).containsExactly(dated.toAbsolutePath().normalize(), undated.toAbsolutePath().normalize());
  }

  @Test
  void storageIsNeverWritten() throws IOException {
    long before = countFiles(dated) + countFiles(undated);
    index.update(storage(), ProgressListener.none());
    assertThat(countFiles(dated) + countFiles(undated)).isEqualTo(before);
  }

  private static long countFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.count();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

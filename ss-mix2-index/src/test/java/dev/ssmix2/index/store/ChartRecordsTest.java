package dev.ssmix2.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.FileTimestamp;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.summary.ChartWindow;
import dev.ssmix2.core.synth.GenerationSummary;
import dev.ssmix2.core.synth.Profile;
import dev.ssmix2.core.synth.QuirkRates;
import dev.ssmix2.core.synth.SyntheticStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records a chart reads, chosen by the embedded index from doc values, are the ones {@link ChartWindow#select}
 * chooses from the whole record list: on the fixtures, and on a generated storage with a ten-year long-stay patient,
 * superseded and deleted versions, split roots and vital-sign folders; also after an incremental update, and on an
 * index of the schema before (which has no such doc values and is answered from the list until rebuilt).
 */
class ChartRecordsTest {
  private static final QuirkRates MESSY = new QuirkRates(0.5, 0.2, 0.1, 0.1, 0.3, 0.05, 0.05, 0.05, 0.05, 0.3);
  private static final String LONG_STAY = "0000100021";
  private static final List<ChartWindow> WINDOWS = List.of(ChartWindow.defaults(), new ChartWindow(1, 30, 0, 1, 1),
      new ChartWindow(3, 30, 5, 4, 2), new ChartWindow(8, 400, 30, 3, 0));
  private static final List<LocalDate> AS_OF = List.of(LocalDate.parse("2025-04-01"),
      LocalDate.parse("2025-03-15"), LocalDate.parse("2020-06-01"), LocalDate.parse("2030-01-01"),
      LocalDate.parse("2012-01-01"));

  @TempDir static Path tmp;
  /** The NHO sample and the public search cases (two roots, dated and undated), as one storage. */
  static final List<Path> FIXTURES = List.of(TestFixtures.root().resolve("nho-sample/sampleData"),
      TestFixtures.root().resolve("search-cases-public/root-dated"),
      TestFixtures.root().resolve("search-cases-public/root-undated"));
  static List<Path> generatedRoots;
  static PatientIndex fixtures;
  static PatientIndex generated;

  @BeforeAll
  static void build() {
    fixtures = PatientIndex.open(tmp.resolve("fixtures-index"));
    fixtures.update(Storage.open(FIXTURES), ProgressListener.none());
    GenerationSummary g = SyntheticStorage.builder().patients(20).longStay(1).seed(7).profile(Profile.REALISTIC)
        .quirks(MESSY).splitRoots(true).vitals(true).supersedeRate(0.2).deleteRate(0.1).build()
        .generate(tmp.resolve("generated"), ProgressListener.none());
    generatedRoots = g.roots();
    generated = PatientIndex.open(tmp.resolve("generated-index"));
    generated.update(Storage.open(generatedRoots), ProgressListener.none());
  }

  @AfterAll
  static void close() {
    fixtures.close();
    generated.close();
  }

  private static List<PatientId> patients(List<Path> roots) {
    try (Stream<PatientFolder> s = Storage.open(roots).patients(u -> { })) {
      return s.map(PatientFolder::patientId).distinct().toList();
    }
  }

  /** What counts of the newest record: its 発生日時 (two records may share it). */
  private static Optional<String> newestTime(ChartRecords r) {
    return r.newest().map(e -> new FileTimestamp(e.timestamp()).padded());
  }

  private static void assertSameChoice(PatientIndex index, List<Path> roots) {
    assertThat(index.choosesChartsFromDocValues()).isTrue();
    int compared = 0;
    for (PatientId id : patients(roots)) {
      PatientRecords all = index.records(id, false);
      for (ChartWindow w : WINDOWS) {
        for (LocalDate asOf : AS_OF) {
          ChartRecords fromList = ChartRecords.choose(all, w, asOf);
          ChartRecords fromIndex = index.chartRecords(Facility.DEFAULT_CODE, id, w, asOf);
          String what = id + " " + w + " " + asOf;
          assertThat(fromIndex.read()).as(what).containsExactlyElementsOf(fromList.read());
          assertThat(newestTime(fromIndex)).as(what).isEqualTo(newestTime(fromList));
          assertThat(fromIndex.olderLabsBefore()).as(what).isEqualTo(fromList.olderLabsBefore());
          assertThat(fromIndex.olderMedicationsBefore()).as(what).isEqualTo(fromList.olderMedicationsBefore());
          assertThat(fromIndex.problems()).as(what).containsExactlyElementsOf(fromList.problems());
          assertThat(index.labRecordsBefore(Facility.DEFAULT_CODE, id, w, asOf)).as("labs before " + what)
              .containsExactlyElementsOf(ChartRecords.labsBefore(all, w, asOf));
          for (int limit : new int[] {1, 7}) {
            assertThat(index.medicationRecordsBefore(Facility.DEFAULT_CODE, id, w, asOf, limit))
                .as("orders before " + what).containsExactlyElementsOf(ChartRecords.medicationsBefore(all, w, asOf,
                    limit));
          }
          compared++;
        }
      }
    }
    assertThat(compared).as("patients compared").isGreaterThan(WINDOWS.size() * AS_OF.size());
  }

  @Test
  void theIndexChoosesWhatTheListChoosesOnTheFixtures() {
    assertSameChoice(fixtures, FIXTURES);
  }

  @Test
  void theIndexChoosesWhatTheListChoosesOnAGeneratedStorageWithALongStayPatient() {
    PatientRecords longStay = generated.records(PatientId.of(LONG_STAY), false);
    assertThat(longStay.records()).as("ten years of daily care").hasSizeGreaterThan(4_000);
    ChartRecords chart = generated.chartRecords(Facility.DEFAULT_CODE, PatientId.of(LONG_STAY),
        ChartWindow.defaults(), LocalDate.parse("2025-04-01"));
    assertThat(chart.read()).as("a chart reads a few dozen of them").hasSizeBetween(10, 200);
    assertThat(chart.olderLabsBefore()).isPresent();
    assertSameChoice(generated, generatedRoots);
  }

  @Test
  void anUnknownPatientHasAnEmptyChoice() {
    ChartRecords none = fixtures.chartRecords(Facility.DEFAULT_CODE, PatientId.of("0000000000"),
        ChartWindow.defaults(), LocalDate.parse("2025-04-01"));
    assertThat(none.read()).isEmpty();
    assertThat(none.newest()).isEmpty();
    assertThat(none.problems()).isEmpty();
  }

  @Test
  void afterAnIncrementalUpdateTheIndexStillChoosesWhatTheListChooses() throws IOException {
    Path copy = tmp.resolve("updated");
    Path index = tmp.resolve("updated-index");
    copyTree(FIXTURES.get(0), copy);
    try (PatientIndex i = PatientIndex.open(index)) {
      i.update(Storage.open(copy), ProgressListener.none());
      // a writer supersedes the newest lab result of the NHO sample: the _1 file becomes _2, a new _1 arrives
      Path lab;
      try (Stream<Path> s = Files.walk(copy)) {
        lab = s.filter(p -> p.getFileName().toString().contains("_OML-11_") && p.getFileName().toString()
            .endsWith("_1")).sorted().reduce((a, b) -> b).orElseThrow();
      }
      String name = lab.getFileName().toString();
      Path superseded = lab.resolveSibling(name.substring(0, name.length() - 1) + "2");
      Files.move(lab, superseded);
      String[] f = name.split("_");
      f[4] = "20991231235959000";
      Files.copy(superseded, lab.resolveSibling(String.join("_", f)));
      IndexReport r = i.update(Storage.open(copy), ChangeDetection.EVERY_FILE, ProgressListener.none());
      assertThat(r.rebuilt()).isFalse();
      assertThat(i.records(PatientId.of(f[0]), true).records()).as("the update saw both versions")
          .anyMatch(e -> e.timestamp().equals(f[4]) && e.status() == dev.ssmix2.core.version.VersionStatus.CURRENT)
          .anyMatch(e -> e.file().endsWith(superseded.getFileName().toString())
              && e.status() == dev.ssmix2.core.version.VersionStatus.SUPERSEDED);
      assertSameChoice(i, List.of(copy));
    }
  }

  @Test
  void anIndexOfTheSchemaBeforeIsAnsweredFromTheListUntilRebuilt() throws IOException {
    Path index = tmp.resolve("old-schema-index");
    try (PatientIndex i = PatientIndex.open(index)) {
      i.update(Storage.open(FIXTURES), ProgressListener.none());
    }
    try (var dir = FSDirectory.open(index); var w = new IndexWriter(dir, new IndexWriterConfig())) {
      Map<String, String> user = new java.util.HashMap<>(SegmentInfos.readLatestCommit(dir).getUserData());
      user.put("schema", "ssmix2-patient-index-6");
      w.setLiveCommitData(user.entrySet());
      w.commit();
    }
    try (PatientIndex i = PatientIndex.open(index)) {
      assertThat(i.isCurrentVersion()).as("what serve and search warn about").isFalse();
      assertThat(i.choosesChartsFromDocValues()).isFalse();
      for (PatientId id : patients(FIXTURES)) {
        ChartRecords fromList = ChartRecords.choose(i.records(id, false), ChartWindow.defaults(),
            LocalDate.parse("2025-04-01"));
        assertThat(i.chartRecords(Facility.DEFAULT_CODE, id, ChartWindow.defaults(), LocalDate.parse("2025-04-01")))
            .isEqualTo(fromList);
      }
      IndexReport r = i.update(Storage.open(FIXTURES), ProgressListener.none());
      assertThat(r.rebuilt()).isTrue();
      assertThat(r.notes()).anyMatch(n -> n.contains("ssmix2-patient-index-6") && n.contains("built anew"));
      assertThat(i.isCurrentVersion()).isTrue();
      assertThat(i.choosesChartsFromDocValues()).isTrue();
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}

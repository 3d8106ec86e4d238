package dev.ssmix2.index.store;

import static dev.ssmix2.index.store.Adt00Files.pid5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.storage.CareDate;
import dev.ssmix2.core.storage.ConditionFlag;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.FileTimestamp;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageFilter;
import dev.ssmix2.core.storage.TransactionEntry.Operation;
import dev.ssmix2.core.synth.Profile;
import dev.ssmix2.core.synth.SyntheticStorage;
import dev.ssmix2.core.synth.TransactionLogs;
import dev.ssmix2.core.write.StorageWriter;
import dev.ssmix2.core.write.TransactionLogWriter;
import dev.ssmix2.core.write.WriterOptions;
import dev.ssmix2.index.store.IndexReport.Basis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updates driven by the transaction storage of a generated storage ({@code generate --transactions}): the writer
 * stores new versions and logs them, and the update reads exactly the files that changed — counted through the
 * update's file-reading seam, not timed — and leaves the index as a clean build would. A log that cannot be followed
 * sends the update to the folder probe, and the report says why.
 */
class TransactionUpdateTest {
  @TempDir static Path generatedBase;
  @TempDir Path work;
  static Path generated;
  Path storageRoot;
  Path txRoot;
  Path indexDir;
  long nextTime = 20990101090000000L;

  @BeforeAll
  static void generate() {
    generated = generatedBase.resolve("generated");
    SyntheticStorage.builder().patients(40).seed(20261127L).profile(Profile.SMALL).clean(true).transactions(true)
        .build().generate(generated, ProgressListener.none());
  }

  @BeforeEach
  void copy() throws IOException {
    storageRoot = work.resolve("storage");
    txRoot = work.resolve(SyntheticStorage.TRANSACTIONS_FOLDER);
    copyTree(generated.resolve("storage"), storageRoot);
    copyTree(generated.resolve(SyntheticStorage.TRANSACTIONS_FOLDER), txRoot);
    indexDir = work.resolve("index");
  }

  Storage storage() {
    return Storage.open(storageRoot, txRoot);
  }

  @Test
  void anUpdateDrivenByTheLogReadsOnlyTheChangedFiles() throws IOException {
    try (PatientIndex index = PatientIndex.open(indexDir)) {
      IndexReport built = index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      assertThat(built.basis()).isEqualTo(Basis.REBUILD);
      assertThat(built.skipped()).as("the transaction root is not a stray").isEmpty();
      IndexReport quiet = index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      assertThat(quiet.basis()).isEqualTo(Basis.TRANSACTIONS);
      assertThat(quiet.filesIndexed()).isZero();
      assertThat(quiet.patients()).isEqualTo(built.patients());

      Map<Path, String> beforeChange = stamps(storageRoot);
      List<StorageFile> current = currentRecords();
      Set<PatientId> changedPatients = new HashSet<>();
      TransactionLogWriter log = TransactionLogWriter.create(txRoot, TransactionLogs.FACILITY_ID);
      // new versions of orders and results of three patients (old _1 renamed to _2, new _1 written) ...
      for (StorageFile f : pickFromDifferentPatients(current, 3)) {
        newVersion(f, log);
        changedPatients.add(f.patientId());
      }
      // ... and a new ADT-00 for a fourth: the one patient whose document is derived anew
      PatientId renamed = current.stream().map(StorageFile::patientId).filter(p -> !changedPatients.contains(p))
          .findFirst().orElseThrow();
      newAdt00(renamed, log);
      changedPatients.add(renamed);
      Set<Path> changed = changedSince(beforeChange, stamps(storageRoot));
      assertThat(changed).as("two files per new version").hasSize(8);

      Set<Path> read = ConcurrentHashMap.newKeySet();
      IndexReport r = index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none(),
          (file, status) -> {
            read.add(file.path());
            return RecordReader.read(file, status);
          });
      assertThat(r.basis()).isEqualTo(Basis.TRANSACTIONS);
      assertThat(r.notes()).noneMatch(n -> n.contains("instead"));
      Set<Path> written = changed.stream().filter(p -> p.getFileName().toString().endsWith("_1"))
          .collect(Collectors.toSet());
      assertThat(written).as("one new file per new version").hasSize(4);
      assertThat(read).as("files read = files written; a renamed _2 keeps the reading of its _1").isEqualTo(written);
      assertThat(r.filesIndexed()).isEqualTo(written.size());
      assertThat(r.filesRemoved()).as("the old names of the renamed files").isEqualTo(4);
      assertThat(r.patientsRederived()).isEqualTo(1);
      assertThat(r.patientsUpdated()).isEqualTo(4);
      assertThat(r.filesSeen()).isEqualTo(built.filesSeen() + 4);
      assertThat(index.search("みなと なおこ", 5)).extracting(h -> h.patientId()).contains(renamed);

      try (PatientIndex clean = PatientIndex.open(work.resolve("clean"))) {
        IndexReport full = clean.update(storage(), ProgressListener.none());
        assertThat(r.filesSeen()).isEqualTo(full.filesSeen());
        assertThat(index.patientCount()).isEqualTo(clean.patientCount());
        for (PatientId id : changedPatients) {
          assertThat(index.patient(id)).isEqualTo(clean.patient(id));
          assertThat(index.records(id, true)).isEqualTo(clean.records(id, true));
        }
      }
    }
  }

  @Test
  void aLogEntryThatCannotBePlacedFallsBackToTheFolderProbeAndSaysSo() throws IOException {
    try (PatientIndex index = PatientIndex.open(indexDir)) {
      index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      StorageFile f = currentRecords().get(0);
      TransactionLogWriter log = TransactionLogWriter.create(txRoot, TransactionLogs.FACILITY_ID);
      Path logFile = newVersion(f, log);
      Files.writeString(logFile, "#SSMIX,2.00,9999999999,not-a-patient,-,ADT-00,-,UPD,-,20990101235959000\r\n",
          StandardCharsets.US_ASCII, StandardOpenOption.APPEND);

      IndexReport r = index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      assertThat(r.basis()).isNotEqualTo(Basis.TRANSACTIONS);
      assertThat(r.notes()).anyMatch(n -> n.contains("cannot be placed") && n.contains("instead"));
      assertThat(r.filesIndexed()).as("the folder probe still finds the new version (its renamed _2 is not read)")
          .isEqualTo(1);
      // the fallback run kept the cursor at the log's end: the bad line lies before it and is not seen again
      newVersion(currentRecords().get(1), log);
      IndexReport next = index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      assertThat(next.basis()).isEqualTo(Basis.TRANSACTIONS);
      assertThat(next.notes()).noneMatch(n -> n.contains("instead"));
      assertThat(next.filesIndexed()).isEqualTo(1);
    }
  }

  /**
   * A file in the log's year folder that is no log file (a note an operator left there) is named in every run's notes,
   * but does not send the update to the folder probe: it holds no entry the log could lose. Before, it made every later
   * run fall back, since every reading lists the folder again.
   */
  @Test
  void aStrayFileInAYearFolderIsNotedAndTheLogIsStillFollowed() throws IOException {
    try (PatientIndex index = PatientIndex.open(indexDir)) {
      index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      TransactionLogWriter log = TransactionLogWriter.create(txRoot, TransactionLogs.FACILITY_ID);
      List<StorageFile> picked = pickFromDifferentPatients(currentRecords(), 2);
      Path logFile = newVersion(picked.get(0), log);
      Files.writeString(logFile.resolveSibling("README.txt"), "copied here by the night shift",
          StandardCharsets.US_ASCII);
      for (int run = 0; run < 2; run++) {
        IndexReport r = index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none());
        assertThat(r.basis()).as("run %s", run).isEqualTo(Basis.TRANSACTIONS);
        assertThat(r.notes()).anyMatch(n -> n.contains("README.txt") && n.contains("followed all the same"));
        assertThat(r.notes()).noneMatch(n -> n.contains("instead"));
        assertThat(r.filesIndexed()).isEqualTo(run == 0 ? 1 : 0);
      }
      newVersion(picked.get(1), log);
      IndexReport last = index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      assertThat(last.basis()).isEqualTo(Basis.TRANSACTIONS);
      assertThat(last.filesIndexed()).isEqualTo(1);
    }
  }

  /**
   * A log file rewritten under the cursor (here: its line ends made LF, so it is shorter) is not read from the
   * cursor's offset; the update reads the log from the position's time instead, says so, and still ends equal to a
   * clean build. A second run follows the new cursor.
   */
  @Test
  void aLogRewrittenUnderTheCursorIsReadFromTheTimeAndTheIndexEqualsACleanBuild() throws IOException {
    try (PatientIndex index = PatientIndex.open(indexDir)) {
      index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      TransactionLogWriter log = TransactionLogWriter.create(txRoot, TransactionLogs.FACILITY_ID);
      List<StorageFile> picked = pickFromDifferentPatients(currentRecords(), 3);
      Path logFile = newVersion(picked.get(0), log);
      assertThat(index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none()).basis())
          .isEqualTo(Basis.TRANSACTIONS);
      Files.writeString(logFile, Files.readString(logFile, StandardCharsets.ISO_8859_1).replace("\r\n", "\n"),
          StandardCharsets.ISO_8859_1);
      newVersion(picked.get(1), log);

      IndexReport r = index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      assertThat(r.basis()).isEqualTo(Basis.TRANSACTIONS);
      assertThat(r.notes()).anyMatch(n -> n.contains("not as the last update left it") && n.contains("from the time"));
      assertThat(r.filesIndexed()).isEqualTo(1);

      newVersion(picked.get(2), log);
      IndexReport resumed = index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      assertThat(resumed.basis()).isEqualTo(Basis.TRANSACTIONS);
      assertThat(resumed.notes()).noneMatch(n -> n.contains("instead"));
      assertThat(resumed.filesIndexed()).isEqualTo(1);

      try (PatientIndex clean = PatientIndex.open(work.resolve("clean"))) {
        IndexReport full = clean.update(storage(), ProgressListener.none());
        assertThat(resumed.filesSeen()).isEqualTo(full.filesSeen());
        assertThat(index.patientCount()).isEqualTo(clean.patientCount());
        for (StorageFile f : picked) {
          assertThat(index.patient(f.patientId())).isEqualTo(clean.patient(f.patientId()));
          assertThat(index.records(f.patientId(), true)).isEqualTo(clean.records(f.patientId(), true));
        }
      }
    }
  }

  @Test
  void anIndexWithoutAPositionOrAStorageWithoutALogFallsBackToTheFolderProbe() {
    try (PatientIndex index = PatientIndex.open(indexDir)) {
      index.update(storage(), ChangeDetection.EVERY_FILE, ProgressListener.none());
      IndexReport first = index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      assertThat(first.basis()).isNotEqualTo(Basis.TRANSACTIONS);
      assertThat(first.notes()).anyMatch(n -> n.contains("no position"));
      IndexReport next = index.update(storage(), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      assertThat(next.basis()).as("the run before recorded the position").isEqualTo(Basis.TRANSACTIONS);
      assertThat(next.notes()).noneMatch(n -> n.contains("instead"));
    }
    try (PatientIndex alone = PatientIndex.open(work.resolve("alone"))) {
      alone.update(Storage.open(storageRoot), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      IndexReport r = alone.update(Storage.open(storageRoot), ChangeDetection.TRANSACTIONS, ProgressListener.none());
      assertThat(r.basis()).isNotEqualTo(Basis.TRANSACTIONS);
      assertThat(r.notes()).anyMatch(n -> n.contains("no transaction storage"));
    }
  }

  /** Writes a new version of {@code f} as a writer would, and logs it; returns the log file. */
  private Path newVersion(StorageFile f, TransactionLogWriter log) {
    String text = Hl7Decoder.decode(f.readBytes()).text();
    FileName n = f.name();
    FileTimestamp time = FileTimestamp.parse(Long.toString(nextTime++));
    FileName next = new FileName(n.patientId(), n.date(), n.dataType(), n.orderNo(), time, n.department(),
        ConditionFlag.CURRENT);
    StorageWriter.create(storageRoot, WriterOptions.defaults().withSubstituteUnencodable(true)).insert(text, next);
    return log.append(Operation.INSERT, next.key(), next.department(), time, text.getBytes(StandardCharsets.UTF_8));
  }

  private void newAdt00(PatientId id, TransactionLogWriter log) {
    String ts = Long.toString(nextTime++);
    String text = "MSH|^~\\&|HIS|HOSP|GW|RCV|" + ts.substring(0, 14) + "||ADT^A08^ADT_A01|" + ts
        + "|P|2.5||||||~ISO IR87||ISO 2022-1994\r"
        + "EVN||" + ts.substring(0, 12) + "\r"
        + "PID|0001||" + id.value() + "^^^^PI||" + pid5("湊", "直子", "ミナト", "ナオコ") + "||19700202|F\r"
        + "PV1|0001|O\r";
    FileName name = new FileName(id, CareDate.UNDATED, StandardDataType.ADT_00, FileName.NO_ORDER,
        FileTimestamp.parse(ts), Optional.empty(), ConditionFlag.CURRENT);
    StorageWriter.create(storageRoot, WriterOptions.defaults().withSubstituteUnencodable(true)).insert(text, name);
    log.append(Operation.INSERT, name.key(), Optional.empty(), name.timestamp(),
        text.getBytes(StandardCharsets.UTF_8));
  }

  private List<StorageFile> currentRecords() {
    try (Stream<StorageFile> s = Storage.open(storageRoot).files(StorageFilter.all()
        .withFlags(ConditionFlag.CURRENT))) {
      return s.filter(f -> f.dataType() != StandardDataType.ADT_00 && f.dataType() != StandardDataType.PPR_01
          && !f.isContentFolder()).toList();
    }
  }

  private static List<StorageFile> pickFromDifferentPatients(List<StorageFile> files, int n) {
    List<StorageFile> out = new ArrayList<>();
    Set<PatientId> taken = new HashSet<>();
    for (StorageFile f : files) {
      if (out.size() < n && taken.add(f.patientId())) {
        out.add(f);
      }
    }
    assertThat(out).hasSize(n);
    return out;
  }

  private static Map<Path, String> stamps(Path root) throws IOException {
    Map<Path, String> out = new HashMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(p.toAbsolutePath().normalize(), Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return out;
  }

  private static Set<Path> changedSince(Map<Path, String> before, Map<Path, String> after) {
    Set<Path> out = new HashSet<>();
    after.forEach((p, stamp) -> {
      if (!stamp.equals(before.get(p))) {
        out.add(p);
      }
    });
    return out;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}

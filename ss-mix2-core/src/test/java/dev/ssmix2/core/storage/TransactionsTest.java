package dev.ssmix2.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.TransactionEntry.Operation;
import dev.ssmix2.core.synth.SyntheticStorage;
import dev.ssmix2.core.write.TransactionLogWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionsTest {
  @TempDir Path tmp;

  private static List<TransactionEntry> all(Storage s, List<TransactionProblem> problems) {
    try (Stream<TransactionEntry> e = s.transactions(problems::add)) {
      return e.toList();
    }
  }

  @Test
  void generatedLogHasOneInsertPerFileInTimeOrderAndReadsBack() {
    Path out = tmp.resolve("gen");
    SyntheticStorage.builder().patients(12).seed(7).clean(true).transactions(true).threads(1).build()
        .generate(out, ProgressListener.none());
    Storage storage = Storage.open(out.resolve("storage"));
    List<StorageFile> files;
    try (Stream<StorageFile> s = storage.files()) {
      files = s.toList();
    }
    List<TransactionProblem> problems = new ArrayList<>();
    List<TransactionEntry> log = all(Storage.open(out.resolve(SyntheticStorage.TRANSACTIONS_FOLDER)), problems);

    assertThat(problems).isEmpty();
    assertThat(log.stream().filter(e -> e.operation() == Operation.INSERT).count()).isEqualTo(files.size());
    assertThat(log).isSortedAccordingTo(Comparator.comparing(TransactionEntry::time));
    assertThat(log.stream().map(TransactionEntry::patientId).collect(Collectors.toSet()))
        .isEqualTo(files.stream().map(StorageFile::patientId).collect(Collectors.toSet()));
    Set<VersionKey> deleted = files.stream().filter(f -> f.flag() == ConditionFlag.DELETED)
        .map(StorageFile::key).collect(Collectors.toSet());
    assertThat(log.stream().filter(e -> e.operation() == Operation.DELETE).map(TransactionEntry::key)
        .collect(Collectors.toSet())).isEqualTo(deleted);
    assertThat(log).allSatisfy(e -> {
      assertThat(e.message()).startsWith("MSH|");
      assertThat(e.facilityId()).isEqualTo("9999999999");
    });
    // The storage of the transaction root has no patients: year folders are not patient prefixes.
    List<UnplacedEntry> strays = new ArrayList<>();
    try (Stream<PatientFolder> p = Storage.open(out.resolve(SyntheticStorage.TRANSACTIONS_FOLDER))
        .patients(strays::add)) {
      assertThat(p.count()).isZero();
    }
    assertThat(strays).isEmpty();
  }

  @Test
  void sinceGivesOnlyTheLaterEntriesAcrossFilesAndRoots() {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    TransactionLogWriter wa = TransactionLogWriter.create(a, "1234567890");
    TransactionLogWriter wb = TransactionLogWriter.create(b, "1234567890");
    byte[] msg = "MSH|^~\\&|X\rPID|||0000000001".getBytes(StandardCharsets.US_ASCII);
    wa.append(Operation.INSERT, key("0000000001", "OMP-01"), Optional.of("01"), ts("20240101100000000"), msg);
    wa.append(Operation.INSERT, key("0000000002", "OMP-01"), Optional.empty(), ts("20240102100000000"), msg);
    wb.append(Operation.INSERT, key("0000000003", "OML-11"), Optional.empty(), ts("20240101230000000"), msg);
    wa.append(Operation.DELETE, key("0000000001", "OMP-01"), Optional.empty(), ts("20240103090000123"), msg);
    wb.append(Operation.INSERT, key("0000000004", "OML-11"), Optional.empty(), ts("20250101000000000"), msg);

    assertThat(Files.exists(a.resolve("2024/TR_20240101100000000_00001.DAT"))).isTrue();
    assertThat(Files.exists(b.resolve("2025/TR_20250101000000000_00002.DAT"))).isTrue();
    List<TransactionProblem> problems = new ArrayList<>();
    Storage both = Storage.open(a, b);
    assertThat(all(both, problems)).extracting(e -> e.patientId().value())
        .containsExactly("0000000001", "0000000003", "0000000002", "0000000001", "0000000004");
    try (Stream<TransactionEntry> later = both.transactions(LocalDateTime.parse("2024-01-02T10:00:00"),
        problems::add)) {
      assertThat(later.toList()).extracting(e -> e.patientId().value() + " " + e.operation().code())
          .containsExactly("0000000001 DEL", "0000000004 INS");
    }
    assertThat(problems).isEmpty();
    TransactionEntry first = all(both, problems).get(0);
    assertThat(first.department()).contains("01");
    assertThat(first.careDate()).isEqualTo(CareDate.parse("20240101"));
    assertThat(first.line()).isEqualTo(1);
    assertThat(first.message()).isEqualTo("MSH|^~\\&|X\rPID|||0000000001");
  }

  @Test
  void whatCannotBePlacedIsReportedAndTheRestIsRead() throws IOException {
    Path root = tmp.resolve("tx");
    Files.createDirectories(root.resolve("2024"));
    String text = "garbage before any header\r\n"
        + "#SSMIX,2.00,9999999999,0000000123,20240101,OMP-01,000000000012345,INS,-,20240101100000000\r\n"
        + "MSH|^~\\&|A\rPID|||0000000123\r\n"
        + "#SSMIX,2.00,9999999999,0000000123,20240101,OMP-01,000000000012345,UPD,-,20240101100000001\r\n"
        + "MSH|^~\\&|B\r\n"
        + "#SSMIX,2.00,9999999999,0000000123,2024-01-01,OMP-01,1,INS,-,20240101100000002\n"
        + "MSH|^~\\&|C\n"
        + "#SSMIX,2.00,9999999999,0000000123,-,ADT-00,999999999999999,DEL,-,20240101235959567\n"
        + "MSH|^~\\&|D\nPID|||0000000123\n";
    Files.writeString(root.resolve("2024/TR_20240101000000000_00001.DAT"), text, StandardCharsets.US_ASCII);
    Files.writeString(root.resolve("2024/notes.txt"), "x");
    List<TransactionProblem> problems = new ArrayList<>();
    List<TransactionEntry> log = all(Storage.open(root), problems);

    assertThat(log).extracting(e -> e.operation().code() + " " + e.dataType().code() + " " + e.line())
        .containsExactly("INS OMP-01 2", "DEL ADT-00 9");
    assertThat(log.get(1).message()).isEqualTo("MSH|^~\\&|D\rPID|||0000000123");
    assertThat(log.get(1).careDate()).isEqualTo(CareDate.UNDATED);
    assertThat(problems).extracting(p -> p.line() + " " + p.reason()).anySatisfy(r -> assertThat(r)
        .startsWith("1 text before the first")).anySatisfy(r -> assertThat(r).startsWith("5 header field 8 is 'UPD'"))
        .anySatisfy(r -> assertThat(r).startsWith("7 header 診療日 '2024-01-01'"));
    assertThat(problems).anySatisfy(p -> assertThat(p.file().getFileName().toString()).isEqualTo("notes.txt"));
    assertThat(dev.ssmix2.core.validate.Validator.validate(Storage.open(root)))
        .filteredOn(f -> f.code() == dev.ssmix2.core.validate.FindingCode.TRANSACTION_LOG)
        .extracting(f -> f.path()).contains("2024/TR_20240101000000000_00001.DAT:5", "2024/notes.txt");
  }

  @Test
  void sinceInsideAFileStillReportsEveryHeaderAndKeepsLinesAndMessages() throws IOException {
    Path root = tmp.resolve("tx-since");
    Files.createDirectories(root.resolve("2024"));
    String text = "#SSMIX,2.00,9999999999,0000000123,20240101,OMP-01,000000000012345,INS,-,20240101100000000\r\n"
        + "MSH|^~\\&|A\rPID|||0000000123\r\n"
        + "#SSMIX,2.00,9999999999,0000000123,20240101,OMP-01,000000000012345,UPD,-,20240101100000001\r\n"
        + "MSH|^~\\&|B\r\n"
        + "#SSMIX,2.00,9999999999,0000000124,20240101,OML-11,000000000000007,INS,-,20240101110000000\r\n"
        + "MSH|^~\\&|C\rPID|||0000000124\r\n"
        + "#SSMIX,2.00,9999999999,0000000125,-,ADT-00,999999999999999,DEL,-,20240101120000000\n"
        + "MSH|^~\\&|D\nPID|||0000000125\n";
    Files.writeString(root.resolve("2024/TR_20240101000000000_00001.DAT"), text, StandardCharsets.US_ASCII);
    List<TransactionProblem> problems = new ArrayList<>();
    List<TransactionEntry> later;
    try (Stream<TransactionEntry> s = Storage.open(root).transactions(LocalDateTime.parse("2024-01-01T10:30:00"),
        problems::add)) {
      later = s.toList();
    }

    assertThat(later).extracting(e -> e.patientId().value() + " " + e.line() + " " + e.message())
        .containsExactly("0000000124 6 MSH|^~\\&|C\rPID|||0000000124",
            "0000000125 9 MSH|^~\\&|D\rPID|||0000000125");
    // a header before the position that cannot be placed is reported all the same: the log is not to be trusted
    assertThat(problems).extracting(p -> p.line() + " " + p.reason())
        .singleElement().satisfies(r -> assertThat(r).startsWith("4 header field 8 is 'UPD'"));
  }

  private static VersionKey key(String patient, String type) {
    return new VersionKey(PatientId.of(patient), CareDate.parse("20240101"), DataType.of(type), "000000000000001");
  }

  private static FileTimestamp ts(String digits) {
    return FileTimestamp.parse(digits);
  }
}

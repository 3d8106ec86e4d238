package dev.ssmix2.core.summary;

import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.storage.CareDate;
import dev.ssmix2.core.storage.ConditionFlag;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.FileTimestamp;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.version.VersionStatus;
import dev.ssmix2.core.write.StorageWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Writes one patient's messages (segments given as text) into a fresh storage, for summary tests. */
final class ChartFiles {
  static final PatientId PATIENT = PatientId.of("0000123456");
  static final String PID = "PID|0001||0000123456^^^^PI||試験^太郎^^^^^L^I~シケン^タロウ^^^^^L^P||19600101|M";

  private final Path root;
  private final StorageWriter writer;
  private final List<FileName> written = new ArrayList<>();

  ChartFiles(Path root) {
    this.root = root;
    this.writer = StorageWriter.create(root);
  }

  /** Writes a message; {@code date} is {@code yyyyMMdd} or {@code -}. */
  ChartFiles write(StandardDataType type, String date, String orderNo, String timestamp, String msh9,
      String... segments) {
    FileName name = name(type, date, orderNo, timestamp);
    writer.insert(message(timestamp, msh9, segments), name);
    written.add(name);
    return this;
  }

  static FileName name(StandardDataType type, String date, String orderNo, String timestamp) {
    return new FileName(PATIENT, CareDate.parse(date), type, orderNo, FileTimestamp.parse(timestamp),
        Optional.of("01"), ConditionFlag.CURRENT);
  }

  static String message(String timestamp, String msh9, String... segments) {
    StringBuilder sb = new StringBuilder("MSH|^~\\&|HIS|SEND|GW|RCV|" + timestamp.substring(0, 14) + "||" + msh9
        + "|" + timestamp + "|P|2.5||||||~ISO IR87||ISO 2022-1994\r" + PID + "\r");
    for (String s : segments) {
      sb.append(s).append('\r');
    }
    return sb.toString();
  }

  Storage storage() {
    return Storage.open(root);
  }

  /** Every file of the patient read with the status its condition flag gives. */
  List<ReadResult> reads() {
    try (Stream<StorageFile> s = storage().files(PATIENT)) {
      return s.map(RecordReader::read).toList();
    }
  }

  /** The current file with this order number and timestamp, read as current. */
  ReadResult read(String orderNo, String timestamp) {
    try (Stream<StorageFile> s = storage().files(PATIENT)) {
      StorageFile f = s.filter(x -> x.name().orderNo().equals(orderNo)
          && x.name().timestamp().digits().equals(timestamp)).findFirst().orElseThrow();
      return RecordReader.read(f, VersionStatus.CURRENT);
    }
  }
}

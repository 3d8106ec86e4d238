package dev.ssmix2.core.synth;

import static com.google.common.base.Preconditions.checkArgument;

import dev.ssmix2.core.storage.ConditionFlag;
import dev.ssmix2.core.storage.FileTimestamp;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.TransactionEntry.Operation;
import dev.ssmix2.core.storage.VersionKey;
import dev.ssmix2.core.write.TransactionLogWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes the transaction storage a writer would have kept while it filled a storage: one {@code INS} record per
 * message file at the file's 発生日時, and for every deleted key ({@code _0} files) one {@code DEL} record right after
 * the key's newest file. The storage is only read.
 *
 * <pre>{@code
 * long records = TransactionLogs.write(Storage.open(root), out.resolve("transactions"), "9999999999");
 * }</pre>
 */
public final class TransactionLogs {
  /** The facility ID the generator writes when none is given. */
  public static final String FACILITY_ID = "9999999999";

  private TransactionLogs() {}

  /**
   * Writes the log of {@code storage} into {@code txRoot}.
   *
   * @return the number of records written
   */
  public static long write(Storage storage, Path txRoot, String facilityId) {
    checkArgument(storage != null && txRoot != null && facilityId != null,
        "storage, txRoot and facilityId must not be null");
    List<StorageFile> files;
    try (Stream<StorageFile> s = storage.files()) {
      files = new ArrayList<>(s.toList());
    }
    Map<VersionKey, StorageFile> newestDeleted = new HashMap<>();
    for (StorageFile f : files) {
      if (f.flag() == ConditionFlag.DELETED) {
        newestDeleted.merge(f.key(), f, (a, b) -> a.name().timestamp().compareTo(b.name().timestamp()) >= 0 ? a : b);
      }
    }
    record Rec(FileTimestamp time, Operation op, StorageFile file) {}
    List<Rec> records = new ArrayList<>();
    for (StorageFile f : files) {
      records.add(new Rec(f.name().timestamp(), Operation.INSERT, f));
    }
    for (StorageFile f : newestDeleted.values()) {
      records.add(new Rec(oneMilliLater(f.name().timestamp()), Operation.DELETE, f));
    }
    records.sort(Comparator.comparing((Rec r) -> r.time().padded()).thenComparing(r -> r.op())
        .thenComparing(r -> r.file().relativePath()));
    TransactionLogWriter log = TransactionLogWriter.create(txRoot, facilityId);
    long n = 0;
    for (Rec r : records) {
      if (r.time().toLocalDateTime().isEmpty()) {
        continue; // a generated defect with an impossible time: no writer would log it
      }
      byte[] bytes;
      try {
        bytes = r.file().readBytes();
      } catch (UncheckedIOException e) {
        bytes = new byte[0];
      }
      log.append(r.op(), r.file().key(), r.file().name().department(), r.time(), bytes);
      n++;
    }
    return n;
  }

  private static FileTimestamp oneMilliLater(FileTimestamp t) {
    Optional<LocalDateTime> time = t.toLocalDateTime();
    if (time.isEmpty()) {
      return t;
    }
    LocalDateTime later = time.get().plusNanos(1_000_000);
    return new FileTimestamp(later.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")));
  }
}

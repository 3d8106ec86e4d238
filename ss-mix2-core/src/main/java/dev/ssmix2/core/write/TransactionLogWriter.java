package dev.ssmix2.core.write;

import static com.google.common.base.Preconditions.checkArgument;

import dev.ssmix2.core.storage.FileTimestamp;
import dev.ssmix2.core.storage.TransactionEntry.Operation;
import dev.ssmix2.core.storage.VersionKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Appends records to a transaction storage (トランザクションストレージ):
 * {@code <root>/<YYYY>/TR_YYYYMMDDHHMMSSFFF_nnnnn.DAT}, one {@code #SSMIX,…} header line (ASCII, CRLF) followed by the
 * message bytes as stored (segments ended by CR) and a CRLF. A new file starts when the entry's date differs from the
 * current file's; the file name carries the time of its first entry and a running number. This is the layout
 * {@code Storage.transactions} reads (see docs/transaction-storage.md).
 *
 * <p>For generators and tests: a writer keeps the current file open by name only and appends to it; entries must come
 * in non-decreasing time. Not thread-safe.
 *
 * <pre>{@code
 * TransactionLogWriter log = TransactionLogWriter.create(Path.of("/ssmix2/tx"), "9999999999");
 * log.append(Operation.INSERT, key, Optional.of("01"), FileTimestamp.parse("20240401093000123"), bytes);
 * }</pre>
 */
public final class TransactionLogWriter {
  /** The header version SS-MIX2 writers put in the second field. */
  public static final String VERSION = "2.00";

  private final Path root;
  private final String facilityId;
  private Path currentFile;
  private String currentDay;
  private LocalDateTime last;
  private int sequence;

  private TransactionLogWriter(Path root, String facilityId) {
    this.root = root;
    this.facilityId = facilityId;
  }

  /**
   * A writer appending to the transaction root {@code root} (created if missing).
   *
   * @param facilityId 医療施設ID written in every header (10 digits in SS-MIX2; not checked beyond "no comma")
   */
  public static TransactionLogWriter create(Path root, String facilityId) {
    checkArgument(root != null, "root must not be null");
    checkArgument(facilityId != null && !facilityId.isBlank() && facilityId.indexOf(',') < 0
        && facilityId.indexOf('\r') < 0 && facilityId.indexOf('\n') < 0,
        "facility ID must be a non-blank value without comma or line break, got '%s'", facilityId);
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new StorageWriteException(root, "cannot create the transaction root: " + e, e);
    }
    return new TransactionLogWriter(root, facilityId);
  }

  public Path root() {
    return root;
  }

  /**
   * Appends one record.
   *
   * @return the file the record went to
   * @throws IllegalArgumentException if {@code time} is earlier than the previous record's, or not a real time
   * @throws StorageWriteException if the file cannot be written
   */
  public Path append(Operation operation, VersionKey key, Optional<String> department, FileTimestamp time,
      byte[] message) {
    checkArgument(operation != null && key != null && department != null && time != null && message != null,
        "transaction record parts must not be null");
    LocalDateTime t = time.toLocalDateTime().orElseThrow(() -> new IllegalArgumentException(
        "transaction time " + time + " is not a real date and time"));
    checkArgument(last == null || !t.isBefore(last),
        "transaction records must come in time order: %s is before the previous record's %s", t, last);
    String day = time.padded().substring(0, 8);
    if (!day.equals(currentDay)) {
      sequence++;
      String year = day.substring(0, 4);
      currentFile = root.resolve(year).resolve(String.format("TR_%s_%05d.DAT", time.padded(), sequence));
      currentDay = day;
    }
    String header = String.join(",", "#SSMIX", VERSION, facilityId, key.patientId().value(), key.date().token(),
        key.dataType().code(), key.orderNo(), operation.code(), department.filter(d -> !d.isBlank()).orElse("-"),
        time.padded());
    ByteArrayOutputStream record = new ByteArrayOutputStream(message.length + header.length() + 4);
    record.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    record.writeBytes(new byte[] {'\r', '\n'});
    record.writeBytes(message);
    record.writeBytes(new byte[] {'\r', '\n'});
    try {
      Files.createDirectories(currentFile.getParent());
      Files.write(currentFile, record.toByteArray(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new StorageWriteException(currentFile, "cannot append to the transaction file: " + e, e);
    }
    last = t;
    return currentFile;
  }
}

package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One record of the transaction storage (トランザクションストレージ): a {@code #SSMIX} header line and the HL7 message
 * that followed it in a {@code TR_YYYYMMDDHHMMSSFFF_nnnnn.DAT} file. Together the entries are the storage's ordered
 * change log: each says that a message of one key was inserted ({@code INS}) or deleted ({@code DEL}) at a time.
 *
 * @param file the {@code .DAT} file it was read from
 * @param line the 1-based line of its header in that file
 * @param version the header's format version, e.g. {@code 2.00}
 * @param facilityId 医療施設ID
 * @param key (患者ID, 診療日, データ種別, オーダNo) of the file the entry wrote or deleted
 * @param operation insert or delete
 * @param department 診療科コード, empty for {@code -}
 * @param timestamp トランザクション日時 as written (14–17 digits)
 * @param time the same as a local date-time
 * @param message the HL7 message, decoded; segments end with CR; "" when the record has no body
 */
public record TransactionEntry(Path file, int line, String version, String facilityId, VersionKey key,
    Operation operation, Optional<String> department, FileTimestamp timestamp, LocalDateTime time,
    String message) {

  /** What the entry did to its key. */
  public enum Operation {
    /** {@code INS}: a new version was written (new data or an update). */
    INSERT("INS"),
    /** {@code DEL}: the data was deleted. */
    DELETE("DEL");

    private final String code;

    Operation(String code) {
      this.code = code;
    }

    /** The header code, {@code INS} or {@code DEL}. */
    public String code() {
      return code;
    }

    /** The operation of a header code (case and blanks tolerated). */
    public static Optional<Operation> ofCode(String code) {
      String c = code.strip();
      for (Operation o : values()) {
        if (o.code.equalsIgnoreCase(c)) {
          return Optional.of(o);
        }
      }
      return Optional.empty();
    }
  }

  public TransactionEntry {
    checkArgument(file != null && version != null && facilityId != null && key != null && operation != null
        && department != null && timestamp != null && time != null && message != null,
        "transaction entry fields must not be null");
    checkArgument(line >= 1, "line is 1-based, got %s", line);
  }

  public PatientId patientId() {
    return key.patientId();
  }

  public CareDate careDate() {
    return key.date();
  }

  public DataType dataType() {
    return key.dataType();
  }

  public String orderNo() {
    return key.orderNo();
  }
}

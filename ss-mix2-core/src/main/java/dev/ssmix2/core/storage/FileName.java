package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * The seven fields of an SS-MIX2 file name:
 * {@code <患者ID>_<診療日>_<データ種別>_<オーダNo>_<発生日時>_<診療科コード>_<コンディションフラグ>}, e.g.
 * {@code 9999013_20110701_OMP-01_000000011000185_20110701224603984_01_1}.
 *
 * <p>The parser is as tolerant as real storages require: stray spaces around fields, 14–17 digit timestamps, order
 * numbers of any width, and extended-storage content folders that leave out the department (six fields). Everything
 * else is rejected with the rule and the reason.
 *
 * <pre>{@code
 * FileName f = FileName.parse("9999013_-_ADT-00_999999999999999_20111220224447339_-_1");
 * f.flag();        // CURRENT
 * f.date();        // CareDate.UNDATED
 * f.department();  // Optional.empty()
 * }</pre>
 */
public record FileName(
    PatientId patientId,
    CareDate date,
    DataType dataType,
    String orderNo,
    FileTimestamp timestamp,
    Optional<String> department,
    ConditionFlag flag) {

  /** The order number written for data that has no order (ADT, PPR-01 …). */
  public static final String NO_ORDER = "999999999999999";

  public FileName {
    checkNotNull(patientId, "patientId must not be null");
    checkNotNull(date, "date must not be null");
    checkNotNull(dataType, "dataType must not be null");
    checkNotNull(timestamp, "timestamp must not be null");
    checkNotNull(flag, "flag must not be null");
    checkNotNull(orderNo, "orderNo must not be null");
    checkArgument(!orderNo.isEmpty() && orderNo.indexOf('_') < 0,
        "order number '%s' must be non-empty and contain no '_'", orderNo);
    checkNotNull(department, "department must be Optional.empty() for '-', not null");
  }

  /**
   * Parses a file (or extended-storage content folder) name.
   *
   * @throws FileNameException naming the rule that failed and why
   */
  public static FileName parse(String name) {
    if (name == null || name.isEmpty()) {
      throw new FileNameException(String.valueOf(name), "empty", "the name is empty");
    }
    String[] t = name.split("_", -1);
    if (t.length != 7 && t.length != 6) {
      throw new FileNameException(name, "field-count",
          "has " + t.length + " '_'-separated fields; expected 7 (患者ID_診療日_データ種別_オーダNo_発生日時_診療科_フラグ)");
    }
    for (int i = 0; i < t.length; i++) {
      t[i] = t[i].strip();
      if (t[i].isEmpty()) {
        throw new FileNameException(name, "empty-field", "field " + (i + 1) + " is empty");
      }
    }
    PatientId pid;
    try {
      pid = PatientId.of(t[0]);
    } catch (IllegalArgumentException e) {
      throw new FileNameException(name, "patient-id", e.getMessage());
    }
    CareDate date = CareDate.tryParse(t[1]).orElseThrow(() -> new FileNameException(name, "date",
        "診療日 '" + t[1] + "' is neither '-' nor a real date YYYYMMDD"));
    DataType type;
    try {
      type = DataType.of(t[2]);
    } catch (IllegalArgumentException e) {
      throw new FileNameException(name, "data-type", e.getMessage());
    }
    String orderNo = t[3];
    if (hasWhitespace(orderNo)) {
      throw new FileNameException(name, "order-no", "order number '" + orderNo + "' contains spaces");
    }
    FileTimestamp ts;
    try {
      ts = FileTimestamp.parse(t[4]);
    } catch (IllegalArgumentException e) {
      throw new FileNameException(name, "timestamp", "発生日時 " + e.getMessage());
    }
    Optional<String> dept;
    if (t.length == 7) {
      dept = t[5].equals("-") ? Optional.empty() : Optional.of(t[5]);
    } else if (type.isStandard()) {
      throw new FileNameException(name, "field-count",
          "has 6 fields; only extended-storage content folders may leave out the department");
    } else {
      dept = Optional.empty();
    }
    String flagToken = t[t.length - 1];
    ConditionFlag flag = ConditionFlag.ofCode(flagToken).orElseThrow(() -> new FileNameException(name, "flag",
        "condition flag '" + flagToken + "' is not 0, 1 or 2"));
    return new FileName(pid, date, type, orderNo, ts, dept, flag);
  }

  private static boolean hasWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Like {@link #parse} but empty instead of throwing. */
  public static Optional<FileName> tryParse(String name) {
    try {
      return Optional.of(parse(name));
    } catch (FileNameException e) {
      return Optional.empty();
    }
  }

  /** The key that groups the versions of one piece of data: (patient, 診療日, data type, order no). */
  public VersionKey key() {
    return new VersionKey(patientId, date, dataType, orderNo);
  }

  /** The same name with another condition flag: what a writer renames a file to. */
  public FileName withFlag(ConditionFlag newFlag) {
    return new FileName(patientId, date, dataType, orderNo, timestamp, department, newFlag);
  }

  /** The name as a writer would write it (seven fields, {@code -} for no department). */
  public String format() {
    return patientId.value() + "_" + date.token() + "_" + dataType.code() + "_" + orderNo + "_" + timestamp.digits()
        + "_" + department.orElse("-") + "_" + flag.code();
  }

  @Override
  public String toString() {
    return format();
  }
}

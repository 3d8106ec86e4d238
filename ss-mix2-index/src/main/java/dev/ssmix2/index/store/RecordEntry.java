package dev.ssmix2.index.store;

import com.google.common.base.Preconditions;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.version.VersionStatus;
import java.nio.file.Path;

/**
 * One clinical record (one placed storage file) as the record index knows it, so a chart can be listed without walking
 * the storage.
 *
 * @param facility the facility whose storage holds the file
 * @param patientId 患者ID
 * @param dataType データ種別 code, e.g. {@code OMP-01}
 * @param date 診療日 as {@code yyyyMMdd}, or {@code -} for undated data
 * @param orderNo オーダNo
 * @param timestamp 発生日時 digits from the file name
 * @param status current / superseded / deleted, resolved over all versions of the key (コンディションフラグ)
 * @param root the storage root folder the file lives in
 * @param file the path relative to {@code root}, with '/' separators
 * @param summary one line: drug names, tests with values, diagnoses
 */
public record RecordEntry(
    Facility facility,
    PatientId patientId,
    String dataType,
    String date,
    String orderNo,
    String timestamp,
    VersionStatus status,
    Path root,
    String file,
    String summary) {

  public RecordEntry {
    Preconditions.checkNotNull(facility, "facility must not be null; use Facility.DEFAULT");
    Preconditions.checkNotNull(patientId, "patientId must not be null");
    Preconditions.checkNotNull(dataType, "dataType must not be null");
    Preconditions.checkNotNull(date, "date must not be null");
    Preconditions.checkNotNull(orderNo, "orderNo must not be null");
    Preconditions.checkNotNull(timestamp, "timestamp must not be null");
    Preconditions.checkNotNull(status, "status must not be null");
    Preconditions.checkNotNull(root, "root must not be null");
    Preconditions.checkNotNull(file, "file must not be null");
    Preconditions.checkNotNull(summary, "summary must not be null");
  }

  /** The absolute path of the file. */
  public Path path() {
    return root.resolve(file);
  }
}

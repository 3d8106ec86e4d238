package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The key shared by every version of one piece of data: (患者ID, 診療日, データ種別, オーダNo). The timestamp and the
 * department are not part of it.
 */
public record VersionKey(PatientId patientId, CareDate date, DataType dataType, String orderNo) {
  public VersionKey {
    checkNotNull(patientId, "patientId must not be null");
    checkNotNull(date, "date must not be null");
    checkNotNull(dataType, "dataType must not be null");
    checkNotNull(orderNo, "orderNo must not be null");
  }

  @Override
  public String toString() {
    return patientId + "/" + date + "/" + dataType.code() + "/" + orderNo;
  }
}

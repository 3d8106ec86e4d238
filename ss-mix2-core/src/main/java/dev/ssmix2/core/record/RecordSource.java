package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.hl7.MessageType;
import dev.ssmix2.core.storage.CareDate;
import dev.ssmix2.core.storage.DataType;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.version.VersionStatus;

/**
 * Where a {@link ClinicalRecord} comes from: its file, the file's status in its version history, the message type
 * and whether the message cancels (取消) earlier data.
 *
 * @param file the storage file; its name gives the data type, 診療日 and order number
 * @param status current, superseded or deleted
 * @param messageType MSH-9 as written
 * @param cancel whether MSH-9 is the data type's cancel event (A23, A11, A27 …) or every order group says ORC-1 {@code CA}
 */
public record RecordSource(StorageFile file, VersionStatus status, MessageType messageType, boolean cancel) {
  public RecordSource {
    checkNotNull(file, "file must not be null");
    checkNotNull(status, "status must not be null");
    checkNotNull(messageType, "messageType must not be null");
  }

  public DataType dataType() {
    return file.dataType();
  }

  /** 診療日 of the file name. */
  public CareDate careDate() {
    return file.name().date();
  }

  /** オーダNo of the file name. */
  public String orderNo() {
    return file.name().orderNo();
  }
}

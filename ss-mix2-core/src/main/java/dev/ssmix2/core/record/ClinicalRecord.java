package dev.ssmix2.core.record;

import dev.ssmix2.core.storage.CareDate;
import dev.ssmix2.core.storage.DataType;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.version.VersionStatus;

/**
 * The typed content of one SS-MIX2 message file. Each data type has its own immutable record; anything without one
 * (ADT-01, extended-storage types, unknown folders) is a {@link GenericRecord} over the tokenized message.
 *
 * <pre>{@code
 * if (record instanceof MedicationOrderRecord rx) {
 *   rx.orders().forEach(o -> show(o.give().display()));
 * } else {
 *   show(record.summary());
 * }
 * }</pre>
 *
 * <p>Use {@code dev.ssmix2.core.read.RecordReader} to get records from storage files.
 */
public sealed interface ClinicalRecord
    permits DemographicsRecord, AllergyRecord, ProblemListRecord, MedicationOrderRecord, AdministrationRecord,
        LabRecord, EncounterRecord, ExamRecord, DietRecord, VitalSignsRecord, GenericRecord {

  /** The file, version status, message type and cancel flag. */
  RecordSource source();

  /**
   * One Japanese line for lists and search results, e.g. {@code 処方: ダーゼン錠（５mg) 3錠 分3 5日分}. Cancel
   * messages start with {@code 取消 }. Never empty.
   */
  String summary();

  default StorageFile file() {
    return source().file();
  }

  default VersionStatus status() {
    return source().status();
  }

  default DataType dataType() {
    return source().dataType();
  }

  /** 診療日 of the file name ({@link CareDate#UNDATED} for ADT-00, ADT-61, PPR-01 …). */
  default CareDate careDate() {
    return source().careDate();
  }

  /** オーダNo of the file name. */
  default String orderNo() {
    return source().orderNo();
  }

  /** Whether the message cancels earlier data (cancel trigger event, or ORC-1 {@code CA}). */
  default boolean isCancel() {
    return source().cancel();
  }
}

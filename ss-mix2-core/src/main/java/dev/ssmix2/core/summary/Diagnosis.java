package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.storage.StorageFile;
import java.util.Optional;

/**
 * One entry of the problem list (病名, PPR-01 PRB) that was not deleted.
 *
 * @param disease the disease code (PRB-3, normally MEDIS 病名管理番号)
 * @param name the name to show, with its modifiers
 * @param icd10 ICD-10 code, if sent
 * @param onset 発症日 (PRB-16), if sent
 * @param status the life-cycle status as sent (PRB-14, e.g. 回復せず), {@link Coded#EMPTY} when not sent
 * @param suspected whether the diagnosis is only suspected (疑い)
 * @param file the problem-list file that states it
 */
public record Diagnosis(Coded disease, String name, Optional<String> icd10, Optional<Hl7Timestamp> onset,
    Coded status, boolean suspected, StorageFile file) {

  public Diagnosis {
    checkNotNull(disease, "disease must not be null");
    checkNotNull(name, "name must not be null");
    checkNotNull(icd10, "icd10 must not be null; use Optional.empty()");
    checkNotNull(onset, "onset must not be null; use Optional.empty()");
    checkNotNull(status, "status must not be null; use Coded.EMPTY");
    checkNotNull(file, "file must not be null");
  }
}

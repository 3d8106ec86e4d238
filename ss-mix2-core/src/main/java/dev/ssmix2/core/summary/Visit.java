package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.record.EncounterRecord;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.storage.StorageFile;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One encounter event (外来受付, 入院, 転科・転棟, 退院 …) with its department's name.
 *
 * @param kind what happened
 * @param time when it happened (admission, discharge or event time), if sent
 * @param careDate 診療日 of the file, if dated
 * @param departmentCode 診療科 code as sent in the encounter (PV1-10, or PV1-3 for clinics); "" when none
 * @param departmentName the department's name: from the encounter if it carries one, else from the {@code code^name}
 *     that other messages of the patient send in ORC-17; "" when no message names it
 * @param ward 病棟, "" for outpatients
 * @param room 病室, "" when not sent
 * @param file the encounter file
 */
public record Visit(EncounterRecord.Kind kind, Optional<Hl7Timestamp> time, Optional<LocalDate> careDate,
    String departmentCode, String departmentName, String ward, String room, StorageFile file) {

  public Visit {
    checkNotNull(kind, "kind must not be null");
    checkNotNull(time, "time must not be null; use Optional.empty()");
    checkNotNull(careDate, "careDate must not be null; use Optional.empty()");
    checkNotNull(departmentCode, "departmentCode must not be null; use \"\"");
    checkNotNull(departmentName, "departmentName must not be null; use \"\"");
    checkNotNull(ward, "ward must not be null; use \"\"");
    checkNotNull(room, "room must not be null; use \"\"");
    checkNotNull(file, "file must not be null");
  }

  /** The day of the event: its time, else the 診療日. */
  public Optional<LocalDate> day() {
    return time.flatMap(Hl7Timestamp::toLocalDate).or(() -> careDate);
  }
}

package dev.ssmix2.index.store;

import com.google.common.base.Preconditions;
import dev.ssmix2.core.record.Sex;
import dev.ssmix2.core.storage.PatientId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A patient's demographics as the index knows them: from the current ADT-00 (latest valid version), or from the PID of
 * another message when the patient has no readable ADT-00.
 *
 * @param facility the facility whose storage holds the patient: identity is (facility, ID)
 * @param id the patient ID as in the storage path
 * @param name display name (kanji when registered), "" when no message named the patient
 * @param kana the registered reading (カナ氏名), "" when none was registered (never a guess)
 * @param birthDate PID-7
 * @param sex PID-8
 * @param formerNames other names seen in older versions or other messages (旧姓など), still searchable
 * @param fromAdt00 whether the demographics come from an ADT-00 file
 * @param lastSeen the newest 診療日 among the patient's files, used to break ties between equal hits
 */
public record IndexedPatient(
    Facility facility,
    PatientId id,
    String name,
    String kana,
    Optional<LocalDate> birthDate,
    Sex sex,
    List<String> formerNames,
    boolean fromAdt00,
    Optional<LocalDate> lastSeen) {

  public IndexedPatient {
    Preconditions.checkNotNull(facility, "facility must not be null; use Facility.DEFAULT");
    Preconditions.checkNotNull(id, "id must not be null");
    Preconditions.checkNotNull(name, "name must not be null (use \"\")");
    Preconditions.checkNotNull(kana, "kana must not be null (use \"\")");
    Preconditions.checkNotNull(birthDate, "birthDate must not be null; use Optional.empty()");
    Preconditions.checkNotNull(sex, "sex must not be null; use Sex.UNKNOWN");
    formerNames = List.copyOf(formerNames);
    Preconditions.checkNotNull(lastSeen, "lastSeen must not be null; use Optional.empty()");
  }
}

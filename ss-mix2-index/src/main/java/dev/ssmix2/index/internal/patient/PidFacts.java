package dev.ssmix2.index.internal.patient;

import com.google.common.base.Preconditions;
import dev.ssmix2.core.record.Patient;
import dev.ssmix2.core.record.Sex;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The demographics one message carries in its PID segment that the index keeps per file: name (PID-5), birth date
 * (PID-7) and sex (PID-8).
 *
 * @param name the registered name, if PID-5 held one
 * @param birthDate PID-7, if it was a real date
 * @param sex PID-8 (UNKNOWN when missing or not M/F/O)
 */
public record PidFacts(Optional<RegisteredName> name, Optional<LocalDate> birthDate, Sex sex) {
  public PidFacts {
    Preconditions.checkNotNull(name, "name must not be null; use Optional.empty()");
    Preconditions.checkNotNull(birthDate, "birthDate must not be null; use Optional.empty()");
    Preconditions.checkNotNull(sex, "sex must not be null; use Sex.UNKNOWN");
  }

  /** The searchable part of a patient read by the core reader. */
  public static PidFacts of(Patient patient) {
    Preconditions.checkNotNull(patient, "patient must not be null");
    return new PidFacts(RegisteredName.of(patient), patient.birthDate(), patient.sex());
  }
}

package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

/** ADT-00 患者基本情報: the demographics a message carries (or deletes, for ADT^A23). */
public record DemographicsRecord(RecordSource source, Patient patient) implements ClinicalRecord {
  public DemographicsRecord {
    checkNotNull(source, "source must not be null");
    checkNotNull(patient, "patient must not be null");
  }

  @Override
  public String summary() {
    return Summaries.line(source, "患者基本情報", Summaries.words(patient.displayName(),
        patient.birthDate().map(Object::toString).orElse(""),
        patient.sex() == Sex.UNKNOWN ? "" : patient.sex().japanese()));
  }
}

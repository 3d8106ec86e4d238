package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.record.ClinicalRecord;
import dev.ssmix2.core.record.DemographicsRecord;
import dev.ssmix2.core.record.EncounterRecord;
import dev.ssmix2.core.record.ExamRecord;
import dev.ssmix2.core.record.GenericRecord;
import dev.ssmix2.core.record.MedicationOrderRecord.Kind;
import dev.ssmix2.core.record.RecordSource;
import dev.ssmix2.core.storage.StandardDataType;

/**
 * Chooses the typed record by the data-type folder (OMP-01 and OMP-02 share one message, so MSH-9 cannot tell). A
 * message whose PID is missing gets a {@link GenericRecord} rather than invented demographics.
 */
final class RecordExtractor {
  private RecordExtractor() {}

  static ClinicalRecord extract(Hl7Message m, RecordSource src) {
    if (src.dataType() instanceof StandardDataType type) {
      switch (type) {
        case ADT_00 -> {
          return m.segment("PID").<ClinicalRecord>map(pid ->
              new DemographicsRecord(src, PatientExtractor.fromPid(pid, src.file())))
              .orElseGet(() -> new GenericRecord(src, m));
        }
        case ADT_61 -> {
          return AllergyExtractor.extract(m, src);
        }
        case PPR_01 -> {
          return ProblemExtractor.extract(m, src);
        }
        case OMP_01 -> {
          return MedicationExtractor.extract(m, src, Kind.PRESCRIPTION);
        }
        case OMP_02 -> {
          return MedicationExtractor.extract(m, src, Kind.INJECTION);
        }
        case OMP_11 -> {
          return AdministrationExtractor.extract(m, src, Kind.PRESCRIPTION);
        }
        case OMP_12 -> {
          return AdministrationExtractor.extract(m, src, Kind.INJECTION);
        }
        case OML_01 -> {
          return LabExtractor.extract(m, src, false);
        }
        case OML_11 -> {
          return LabExtractor.extract(m, src, true);
        }
        case OMD -> {
          return DietExtractor.extract(m, src);
        }
        default -> { }
      }
      var encounter = EncounterRecord.Kind.of(type);
      if (encounter.isPresent()) {
        return EncounterExtractor.extract(m, src, encounter.get());
      }
      var modality = ExamRecord.Modality.of(type);
      if (modality.isPresent()) {
        return ExamExtractor.extract(m, src, modality.get(), ExamRecord.Modality.isResult(type));
      }
    }
    if (!src.dataType().isStandard() && VitalSignsExtractor.accepts(m)) {
      return VitalSignsExtractor.extract(m, src);
    }
    return new GenericRecord(src, m);
  }
}

package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.DataType;
import dev.ssmix2.core.storage.StandardDataType;
import java.util.Optional;

/** ADT-12/21/22/31/32/41/42/51/52: visits, admissions, leaves, transfers and discharges (PV1/PV2/EVN). */
public record EncounterRecord(
    RecordSource source,
    Kind kind,
    String patientClass,
    String department,
    String ward,
    String room,
    String bed,
    String priorWard,
    String priorRoom,
    String attendingDoctor,
    Optional<Hl7Timestamp> admitted,
    Optional<Hl7Timestamp> discharged,
    Optional<Hl7Timestamp> eventTime) implements ClinicalRecord {

  /** What happened, by data-type folder. */
  public enum Kind {
    OUTPATIENT_VISIT(StandardDataType.ADT_12, "外来受付"),
    ADMISSION_PLANNED(StandardDataType.ADT_21, "入院予定"),
    ADMISSION(StandardDataType.ADT_22, "入院"),
    LEAVE(StandardDataType.ADT_31, "外出泊"),
    RETURN_FROM_LEAVE(StandardDataType.ADT_32, "外出泊帰院"),
    TRANSFER_PLANNED(StandardDataType.ADT_41, "転科・転棟予定"),
    TRANSFER(StandardDataType.ADT_42, "転科・転棟"),
    DISCHARGE_PLANNED(StandardDataType.ADT_51, "退院予定"),
    DISCHARGE(StandardDataType.ADT_52, "退院");

    private final StandardDataType dataType;
    private final String japanese;

    Kind(StandardDataType dataType, String japanese) {
      this.dataType = dataType;
      this.japanese = japanese;
    }

    public String japanese() {
      return japanese;
    }

    /** The kind for a data-type folder, if it is an encounter folder. */
    public static Optional<Kind> of(DataType type) {
      for (Kind k : values()) {
        if (k.dataType == type) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  public EncounterRecord {
    checkNotNull(source, "source must not be null");
    checkNotNull(kind, "kind must not be null");
    checkNotNull(patientClass, "patientClass must not be null");
    checkNotNull(department, "department must not be null");
    checkNotNull(ward, "ward must not be null");
    checkNotNull(room, "room must not be null");
    checkNotNull(bed, "bed must not be null");
    checkNotNull(priorWard, "priorWard must not be null");
    checkNotNull(priorRoom, "priorRoom must not be null");
    checkNotNull(attendingDoctor, "attendingDoctor must not be null");
    checkNotNull(admitted, "admitted must not be null");
    checkNotNull(discharged, "discharged must not be null");
    checkNotNull(eventTime, "eventTime must not be null");
  }

  /** The time that matters for this kind: discharge for discharges, admission for admissions, else the event. */
  public Optional<Hl7Timestamp> time() {
    return switch (kind) {
      case DISCHARGE, DISCHARGE_PLANNED -> discharged.or(() -> eventTime);
      case ADMISSION, OUTPATIENT_VISIT -> admitted.or(() -> eventTime);
      default -> eventTime.or(() -> admitted);
    };
  }

  @Override
  public String summary() {
    String place = Summaries.words(ward.isEmpty() ? "" : ward + "病棟", room.isEmpty() ? "" : room + "号室",
        ward.isEmpty() && room.isEmpty() && !department.isEmpty() ? "診療科" + department : "");
    return Summaries.line(source, kind.japanese(),
        Summaries.words(place, time().map(Hl7Timestamp::display).orElse("")));
  }
}

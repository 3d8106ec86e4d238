package dev.ssmix2.core.fhir;

import dev.ssmix2.core.record.EncounterRecord;
import dev.ssmix2.core.record.EncounterRecord.Kind;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * ADT-12/21/22/31/32/41/42/51/52 (PV1/PV2/EVN) → JP_Encounter. Status by data type as the JAMI table gives it
 * (cancel messages use its {@code .DEL} rows); class by PV1-2 (HL7 0004: O → AMB, I → IMP, E → EMER), else by data
 * type (ADT-12 outpatient, the others inpatient); PV1-44/45 admission and discharge as the period; the ward, room and
 * bed as the location's display (dated by the event for transfers, leaves and returns); the attending doctor as
 * an ATND participant's display.
 */
final class EncounterMapping {
  private EncounterMapping() {}

  private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

  static void map(EncounterRecord e, MappingContext ctx) {
    Encounter enc = new Encounter();
    enc.setStatus(status(e.kind(), e.isCancel()));
    enc.setClass_(encounterClass(e));
    enc.setSubject(ctx.patient);
    Period period = new Period();
    e.admitted().flatMap(FhirTimes::dateTime).ifPresent(period::setStartElement);
    e.discharged().flatMap(FhirTimes::dateTime).ifPresent(period::setEndElement);
    if (period.isEmpty() && e.kind() == Kind.OUTPATIENT_VISIT) {
      e.eventTime().flatMap(FhirTimes::dateTime).ifPresent(period::setStartElement);
    }
    if (!period.isEmpty()) {
      enc.setPeriod(period);
    }
    String place = String.join(" ", labelled("病棟 ", e.ward()), labelled("病室 ", e.room()),
        labelled("病床 ", e.bed())).strip().replaceAll(" +", " ");
    if (!place.isEmpty()) {
      var location = enc.addLocation().setLocation(new Reference().setDisplay(place));
      if (e.kind() == Kind.TRANSFER || e.kind() == Kind.LEAVE || e.kind() == Kind.RETURN_FROM_LEAVE) {
        // the JAMI mapping dates the location of a transfer, leave or return by the event (EVN-6)
        e.eventTime().flatMap(FhirTimes::dateTime).ifPresent(t -> location.setPeriod(new Period().setStartElement(t)));
      }
    }
    if (!e.attendingDoctor().isBlank()) {
      enc.addParticipant()
          .addType(new CodeableConcept(new Coding(PARTICIPATION, "ATND", "attender")))
          .setIndividual(new Reference().setDisplay(e.attendingDoctor().strip()));
    }
    ctx.add(enc, "1", JpCore.ENCOUNTER);
  }

  private static String labelled(String label, String value) {
    return value.isBlank() ? "" : label + value.strip();
  }

  static EncounterStatus status(Kind kind, boolean cancel) {
    if (cancel) {
      return switch (kind) {
        case ADMISSION_PLANNED, ADMISSION -> EncounterStatus.CANCELLED;
        case RETURN_FROM_LEAVE -> EncounterStatus.ONLEAVE;
        default -> EncounterStatus.INPROGRESS;
      };
    }
    return switch (kind) {
      case OUTPATIENT_VISIT, ADMISSION -> EncounterStatus.ARRIVED;
      case ADMISSION_PLANNED -> EncounterStatus.PLANNED;
      case LEAVE -> EncounterStatus.ONLEAVE;
      case DISCHARGE -> EncounterStatus.FINISHED;
      default -> EncounterStatus.INPROGRESS;
    };
  }

  static Coding encounterClass(EncounterRecord e) {
    Optional<Coding> byPv1 = switch (e.patientClass().strip().toUpperCase(Locale.ROOT)) {
      case "O" -> Optional.of(new Coding(ACT_CODE, "AMB", "ambulatory"));
      case "I" -> Optional.of(new Coding(ACT_CODE, "IMP", "inpatient encounter"));
      case "E" -> Optional.of(new Coding(ACT_CODE, "EMER", "emergency"));
      default -> Optional.empty();
    };
    return byPv1.orElseGet(() -> e.kind() == Kind.OUTPATIENT_VISIT
        ? new Coding(ACT_CODE, "AMB", "ambulatory")
        : new Coding(ACT_CODE, "IMP", "inpatient encounter"));
  }
}

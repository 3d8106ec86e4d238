package dev.ssmix2.core.fhir;

import dev.ssmix2.core.record.VitalSignsRecord;
import dev.ssmix2.core.record.VitalSignsRecord.Measurement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;

/**
 * ORU^R30 vital signs of the extended storage → JP_Observation_VitalSigns, one per OBX, category {@code vital-signs}.
 * OBX-3 is the code (LOINC when sent as {@code LN}), OBX-14 (else OBR-7) the effective time, OBX-11 the status as for
 * lab results. A numeric value becomes valueQuantity with its unit (UCUM system and code when OBX-6 names
 * {@code UCUM}); a value that is not a plain number, or that cannot be read unambiguously (such as {@code 120^80}
 * with the {@code ^} unescaped), is written as valueString with the raw text and a note, never as a guessed number.
 */
final class VitalMapping {
  private VitalMapping() {}

  private static final String OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

  /** Note on a value that could not be read unambiguously. */
  static final String AMBIGUOUS_NOTE = "値が一意に読めないため、送信元の表記のまま記載";

  static void map(VitalSignsRecord record, MappingContext ctx) {
    List<Measurement> ms = record.measurements();
    for (int i = 0; i < ms.size(); i++) {
      Measurement m = ms.get(i);
      Observation o = new Observation();
      o.setStatus(record.isCancel() ? ObservationStatus.CANCELLED : ObservationStatus.FINAL);
      o.addCategory(new CodeableConcept(new Coding(OBS_CATEGORY, "vital-signs", "Vital Signs")));
      o.setCode(Codings.concept(m.item()).orElseGet(() -> Codings.text("(項目の記載なし)")));
      o.setSubject(ctx.patient);
      m.time().flatMap(FhirTimes::dateTime).ifPresent(o::setEffective);
      value(m, o);
      ctx.add(o, "OBX" + (i + 1), JpCore.OBSERVATION_VITAL);
    }
  }

  private static void value(Measurement m, Observation o) {
    String raw = m.value();
    if (raw.isBlank()) {
      return;
    }
    if (m.ambiguity().isPresent()) {
      o.setValue(new StringType(raw));
      o.addNote(new Annotation().setText(AMBIGUOUS_NOTE));
      return;
    }
    Optional<java.math.BigDecimal> number = m.valueType().strip().toUpperCase(Locale.ROOT).equals("NM")
        ? Numbers.decimal(raw) : Optional.empty();
    if (number.isEmpty()) {
      o.setValue(new StringType(raw));
      if (m.valueType().strip().equalsIgnoreCase("NM")) {
        o.addNote(new Annotation().setText(LabMapping.NOT_A_NUMBER_NOTE));
      }
      return;
    }
    Quantity q = new Quantity().setValue(number.get());
    String code = m.unit().code().strip();
    String text = m.unit().text().strip();
    if (m.unit().system().strip().equalsIgnoreCase("UCUM") && !code.isEmpty()) {
      q.setSystem(JpCore.UCUM).setCode(code).setUnit(text.isEmpty() ? code : text);
    } else if (!code.isEmpty() || !text.isEmpty()) {
      q.setUnit(code.isEmpty() ? text : code);
    }
    o.setValue(q);
  }
}

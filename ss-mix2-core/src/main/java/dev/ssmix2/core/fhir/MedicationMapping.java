package dev.ssmix2.core.fhir;

import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.MedicationOrderRecord;
import dev.ssmix2.core.record.MedicationOrderRecord.Kind;
import dev.ssmix2.core.record.MedicationOrderRecord.Order;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestIntent;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;

/**
 * OMP-01 / OMP-02 (RDE^O11) → JP_MedicationRequest / JP_MedicationRequest_Injection, one per ORC group (RP).
 *
 * <p>The drug (RXE-2, HOT9 or YJ and any alternate code) is the medication concept; an injection with RXC
 * components gets a contained Medication with one ingredient per component. Dose (RXE-3/5) and the daily total
 * (RXE-19, as a rate per day) become quantities only when written as plain numbers; the usage (TQ1-3, JAMI 用法) is
 * the timing code and the dosage text; TQ1-7/8 bound the timing; TQ1-6 days become the expected supply duration;
 * RXR-1 is the route; ORC-4 the RP-number identifier.
 *
 * <p>Status: ORC-1 {@code CA} → cancelled, {@code DC} → stopped, anything else → unknown: a backup cannot say
 * whether an order is still being taken.
 */
final class MedicationMapping {
  private MedicationMapping() {}

  private static final String UCUM = "http://unitsofmeasure.org";

  static void map(MedicationOrderRecord record, MappingContext ctx) {
    List<Order> orders = record.orders();
    for (int i = 0; i < orders.size(); i++) {
      Order o = orders.get(i);
      MedicationRequest mr = new MedicationRequest();
      mr.setStatus(status(o.orderControl(), record.isCancel()));
      mr.setIntent(MedicationRequestIntent.ORDER);
      mr.setSubject(ctx.patient);
      if (!o.groupNo().isBlank()) {
        mr.addIdentifier().setSystem(JpCore.RP_NUMBER).setValue(o.groupNo().strip());
      }
      boolean injection = record.kind() == Kind.INJECTION;
      if (injection && !o.components().isEmpty()) {
        Medication med = new Medication();
        med.setId("med");
        List<String> parts = new ArrayList<>();
        for (MedicationOrderRecord.Component c : o.components()) {
          Codings.concept(c.drug()).ifPresent(cc -> med.addIngredient().setItem(cc));
          parts.add((c.drug().display() + " " + c.amount().strip() + c.unit().display()).strip());
        }
        mr.addContained(med);
        mr.setMedication(new Reference("#med"));
        mr.addDosageInstruction().setText(String.join(" + ", parts));
      } else {
        mr.setMedication(Codings.concept(o.give()).orElseGet(() -> Codings.text("(薬剤の記載なし)")));
      }
      dosage(o, mr, injection);
      o.days().ifPresent(d -> mr.getDispenseRequest().setExpectedSupplyDuration(
          (Duration) new Duration().setValue(d).setUnit("日").setSystem(UCUM).setCode("d")));
      Numbers.quantity(o.dispenseAmount(), o.dispenseUnit())
          .ifPresent(q -> mr.getDispenseRequest().setQuantity(q));
      ctx.add(mr, String.valueOf(i + 1),
          injection ? JpCore.MEDICATION_REQUEST_INJECTION : JpCore.MEDICATION_REQUEST);
    }
  }

  private static void dosage(Order o, MedicationRequest mr, boolean injection) {
    Dosage d = mr.getDosageInstruction().isEmpty() ? mr.addDosageInstruction() : mr.getDosageInstructionFirstRep();
    Coded usage = o.usage();
    if (!d.hasText() && !usage.display().isBlank()) {
      d.setText(usage.display());
    }
    Timing timing = new Timing();
    Codings.concept(usage).ifPresent(timing::setCode);
    if (o.start().isPresent() || o.end().isPresent()) {
      Period p = new Period();
      o.start().flatMap(FhirTimes::dateTime).ifPresent(p::setStartElement);
      o.end().flatMap(FhirTimes::dateTime).ifPresent(p::setEndElement);
      if (!p.isEmpty()) {
        timing.getRepeat().setBounds(p);
      }
    }
    if (!timing.isEmpty()) {
      d.setTiming(timing);
    }
    Codings.concept(o.route()).ifPresent(d::setRoute);
    if (!injection || o.components().isEmpty()) {
      Numbers.quantity(o.dose(), o.unit()).ifPresent(q -> d.addDoseAndRate().setDose(q));
      Numbers.quantity(o.dailyTotal(), o.dailyTotalUnit()).ifPresent(q -> {
        Quantity perDay = new Quantity().setValue(BigDecimal.ONE).setUnit("日").setSystem(UCUM).setCode("d");
        d.addDoseAndRate().setRate(new Ratio().setNumerator(q).setDenominator(perDay));
      });
    }
    if (d.isEmpty()) {
      mr.getDosageInstruction().remove(d);
    }
  }

  static MedicationRequestStatus status(String orderControl, boolean cancelMessage) {
    String oc = orderControl.strip().toUpperCase(Locale.ROOT);
    if (oc.equals("CA") || cancelMessage) {
      return MedicationRequestStatus.CANCELLED;
    }
    return oc.equals("DC") ? MedicationRequestStatus.STOPPED : MedicationRequestStatus.UNKNOWN;
  }
}

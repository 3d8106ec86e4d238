package dev.ssmix2.core.fhir;

import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.LabRecord;
import dev.ssmix2.core.record.LabRecord.Test;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Specimen;
import org.hl7.fhir.r4.model.StringType;

/**
 * OML-11 (lab results) → JP_Observation_LabResult per OBX, JP_Specimen per distinct SPM-4, JP_DiagnosticReport_LabResult
 * per OBR-4 battery with its results and specimens. Orders without results (OML-01) carry no values and are not
 * exported.
 *
 * <p>Values follow OBX-2: NM → valueQuantity, but only for a plain decimal — a value that is not one ({@code <5},
 * {@code 1,000}, {@code 陰性}) is written as valueString with the raw text and a note saying so, never as a guessed
 * number; CWE/CE → valueCodeableConcept; anything else → valueString as written. OBX-7 becomes the reference range
 * text (and low/high when it is a plain {@code low-high}), OBX-8 H/L/HH/LL/A/N the interpretation, OBX-11 the status
 * (F final, C corrected, P/R preliminary, X cancelled, D entered-in-error, I/O registered; empty or other: final, as
 * the JAMI mapping fixes it).
 */
final class LabMapping {
  private LabMapping() {}

  private static final String OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
  private static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
  private static final String V2_0074 = "http://terminology.hl7.org/CodeSystem/v2-0074";
  private static final Set<String> FLAGS = Set.of("H", "L", "HH", "LL", "A", "AA", "N");
  private static final Pattern RANGE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*[-~〜～]\\s*([0-9]+(?:\\.[0-9]+)?)\\s*");

  /** Note on a numeric (NM) value that is not a plain number. */
  static final String NOT_A_NUMBER_NOTE = "OBX-2 は数値 (NM) だが値が数値として読めないため、原文のまま記載";

  static void map(LabRecord record, MappingContext ctx) {
    if (!record.isResult()) {
      return;
    }
    Map<String, Specimen> specimens = new LinkedHashMap<>();
    Map<String, DiagnosticReport> reports = new LinkedHashMap<>();
    List<Test> tests = record.tests();
    for (int i = 0; i < tests.size(); i++) {
      Test t = tests.get(i);
      Specimen specimen = t.specimen().isEmpty() ? null : specimens.computeIfAbsent(t.specimen().toString(), k -> {
        Specimen s = new Specimen();
        s.setSubject(ctx.patient);
        Codings.concept(t.specimen()).ifPresent(s::setType);
        return ctx.add(s, "SPM" + (specimens.size() + 1), JpCore.SPECIMEN);
      });
      DiagnosticReport report = reports.computeIfAbsent(t.battery().toString(), k -> {
        DiagnosticReport r = new DiagnosticReport();
        r.setStatus(record.isCancel() ? DiagnosticReport.DiagnosticReportStatus.CANCELLED
            : DiagnosticReport.DiagnosticReportStatus.FINAL);
        r.addCategory(new CodeableConcept(new Coding(V2_0074, "LAB", "Laboratory")));
        r.setCode(Codings.concept(t.battery()).orElseGet(() -> Codings.text("検体検査")));
        r.setSubject(ctx.patient);
        return ctx.add(r, "OBR" + (reports.size() + 1), JpCore.DIAGNOSTIC_REPORT_LAB);
      });
      Observation o = observation(t, ctx, record.isCancel());
      if (specimen != null) {
        o.setSpecimen(MappingContext.ref(specimen));
      }
      ctx.add(o, "OBX" + (i + 1), JpCore.OBSERVATION_LAB);
      report.addResult(MappingContext.ref(o));
      if (specimen != null && report.getSpecimen().stream()
          .noneMatch(r -> r.getReference().equals(MappingContext.ref(specimen).getReference()))) {
        report.addSpecimen(MappingContext.ref(specimen));
      }
      if (!report.hasEffective() && o.hasEffectiveDateTimeType()) {
        report.setEffective(o.getEffectiveDateTimeType().copy());
      }
    }
  }

  private static Observation observation(Test t, MappingContext ctx, boolean cancelled) {
    Observation o = new Observation();
    o.setStatus(cancelled ? ObservationStatus.CANCELLED : status(t.status()));
    o.addCategory(new CodeableConcept(new Coding(OBS_CATEGORY, "laboratory", "Laboratory")));
    o.setCode(Codings.concept(t.test()).orElseGet(() -> Codings.text("(検査項目の記載なし)")));
    o.setSubject(ctx.patient);
    t.observed().flatMap(FhirTimes::dateTime).ifPresent(o::setEffective);
    value(t, o);
    String range = t.referenceRange().strip();
    if (!range.isEmpty()) {
      var rr = o.addReferenceRange().setText(range);
      Matcher m = RANGE.matcher(range);
      if (m.matches()) {
        rr.setLow(unitLike(new Quantity().setValue(new java.math.BigDecimal(m.group(1))), t.unit()));
        rr.setHigh(unitLike(new Quantity().setValue(new java.math.BigDecimal(m.group(2))), t.unit()));
      }
    }
    String flag = t.abnormalFlag().strip().toUpperCase(Locale.ROOT);
    if (FLAGS.contains(flag)) {
      o.addInterpretation(new CodeableConcept(new Coding(INTERPRETATION, flag, null)));
    } else if (!flag.isEmpty()) {
      o.addInterpretation(Codings.text(t.abnormalFlag().strip()));
    }
    return o;
  }

  private static org.hl7.fhir.r4.model.SimpleQuantity unitLike(Quantity q, Coded unit) {
    org.hl7.fhir.r4.model.SimpleQuantity s = new org.hl7.fhir.r4.model.SimpleQuantity();
    s.setValue(q.getValue());
    String text = unit.code().isBlank() ? unit.text() : unit.code();
    if (!text.isBlank()) {
      s.setUnit(text.strip());
    }
    return s;
  }

  private static void value(Test t, Observation o) {
    String raw = t.value();
    if (raw.isBlank()) {
      return;
    }
    String type = t.valueType().strip().toUpperCase(Locale.ROOT);
    switch (type) {
      case "NM" -> {
        Optional<java.math.BigDecimal> v = Numbers.decimal(raw);
        if (v.isPresent()) {
          Quantity q = new Quantity().setValue(v.get());
          String unit = t.unit().code().isBlank() ? t.unit().text() : t.unit().code();
          if (!unit.isBlank()) {
            q.setUnit(unit.strip());
          }
          o.setValue(q);
        } else {
          o.setValue(new StringType(raw));
          o.addNote(new Annotation().setText(NOT_A_NUMBER_NOTE));
        }
      }
      case "CWE", "CE" -> o.setValue(Codings.text(raw)); // the record keeps the coded value's text
      default -> o.setValue(new StringType(raw));
    }
  }

  static ObservationStatus status(String obx11) {
    return switch (obx11.strip().toUpperCase(Locale.ROOT)) {
      case "C" -> ObservationStatus.CORRECTED;
      case "P", "R" -> ObservationStatus.PRELIMINARY;
      case "X" -> ObservationStatus.CANCELLED;
      case "D" -> ObservationStatus.ENTEREDINERROR;
      case "I", "O" -> ObservationStatus.REGISTERED;
      default -> ObservationStatus.FINAL;
    };
  }

}

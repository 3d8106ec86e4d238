package dev.ssmix2.core.fhir;

import dev.ssmix2.core.record.ProblemListRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;

/**
 * PPR-01 PRB (+ ZPR) → JP_Condition: the disease (MEDIS 病名管理番号) and its ICD-10 as codings, the full name with
 * modifiers as text; PRB-1 {@code DE} → entered-in-error, suspected (疑い) → provisional, else confirmed; the life
 * cycle status (HL7 0241) F → resolved, R → remission, N/W/S → active, anything else → no clinical status; PRB-16
 * onset. Category is problem-list-item (PPR-01 is the problem list).
 */
final class ConditionMapping {
  private ConditionMapping() {}

  private static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
  private static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";

  static void map(ProblemListRecord record, MappingContext ctx) {
    List<ProblemListRecord.Problem> problems = record.problems();
    for (int i = 0; i < problems.size(); i++) {
      ProblemListRecord.Problem p = problems.get(i);
      Condition c = new Condition();
      c.setSubject(ctx.patient);
      c.addCategory(new CodeableConcept(Codings.known(CATEGORY, "problem-list-item", "Problem List Item")));
      CodeableConcept code = Codings.concept(p.disease()).orElseGet(CodeableConcept::new);
      p.icd10().filter(s -> !s.isBlank()).ifPresent(icd -> code.addCoding(new Coding(JpCore.ICD10, icd.strip(), null)));
      if (!p.name().isBlank()) {
        code.setText(p.name());
      }
      if (!code.isEmpty()) {
        c.setCode(code);
      }
      boolean deleted = p.action().strip().equalsIgnoreCase("DE");
      String verification = deleted ? "entered-in-error" : p.suspected() ? "provisional" : "confirmed";
      c.setVerificationStatus(new CodeableConcept(new Coding(VERIFICATION, verification, null)));
      if (!deleted) {
        clinical(p.lifeCycleStatus().code()).ifPresent(s ->
            c.setClinicalStatus(new CodeableConcept(new Coding(CLINICAL, s, null))));
      }
      p.onset().flatMap(FhirTimes::dateTime).ifPresent(c::setOnset);
      ctx.add(c, "PRB" + (i + 1), JpCore.CONDITION);
    }
  }

  static Optional<String> clinical(String hl70241) {
    return switch (hl70241.strip().toUpperCase(Locale.ROOT)) {
      case "F" -> Optional.of("resolved");
      case "R" -> Optional.of("remission");
      case "N", "W", "S" -> Optional.of("active");
      default -> Optional.empty();
    };
  }
}

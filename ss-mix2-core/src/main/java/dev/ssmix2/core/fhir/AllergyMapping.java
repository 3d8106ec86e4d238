package dev.ssmix2.core.fhir;

import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.AllergyRecord;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.Hl7Timestamp;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCategory;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceSeverity;
import org.hl7.fhir.r4.model.CodeableConcept;

/**
 * ADT-61 IAM and ADT-00 AL1 → JP_AllergyIntolerance. Category by HL7 0127 (DA → medication, FA → food, EA/AA/PA/LA
 * → environment; MA and MC have no category), severity by HL7 0128 (MI/MO/SV), the allergen as code, the reaction as
 * description and manifestation. An IAM-6 {@code D} (withdrawn) allergy is written as entered-in-error, without
 * clinical status; any other is active.
 */
final class AllergyMapping {
  private AllergyMapping() {}

  private static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
  private static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
  /** The manifestation the JAMI mapping prescribes when a severity is given without a reaction text. */
  static final String NO_REACTION_TEXT = "アレルギー反応情報なし";

  static void map(AllergyRecord record, MappingContext ctx) {
    List<AllergyRecord.Allergy> allergies = record.allergies();
    for (int i = 0; i < allergies.size(); i++) {
      AllergyRecord.Allergy a = allergies.get(i);
      boolean withdrawn = a.action().code().strip().equalsIgnoreCase("D");
      add(ctx, "IAM" + (i + 1), a.type(), a.allergen(), a.severity(), a.reaction(), withdrawn, a.identified());
    }
  }

  /** The AL1 segments of an ADT-00. */
  static void mapAl1(List<Segment> al1s, MappingContext ctx) {
    for (int i = 0; i < al1s.size(); i++) {
      Segment s = al1s.get(i);
      Coded allergen = Coded.of(s.field(3));
      if (allergen.isEmpty()) {
        continue; // an AL1 without allergen says nothing about an allergy
      }
      add(ctx, "AL1" + (i + 1), Coded.of(s.field(2)), allergen, Coded.of(s.field(4)), s.value(5).strip(), false,
          Hl7Timestamp.parse(s.value(6)));
    }
  }

  private static void add(MappingContext ctx, String serial, Coded type, Coded allergen, Coded severity,
      String reaction, boolean withdrawn, Optional<Hl7Timestamp> identified) {
    AllergyIntolerance r = new AllergyIntolerance();
    r.setPatient(ctx.patient);
    category(type.code()).ifPresent(r::addCategory);
    Codings.concept(allergen).ifPresent(r::setCode);
    if (withdrawn) {
      r.setVerificationStatus(new CodeableConcept(Codings.known(VERIFICATION, "entered-in-error",
          "Entered in Error")));
    } else {
      r.setClinicalStatus(new CodeableConcept(Codings.known(CLINICAL, "active", "Active")));
    }
    Optional<AllergyIntoleranceSeverity> sev = severity(severity.code());
    if (!reaction.isBlank() || sev.isPresent()) {
      var rx = r.addReaction();
      if (!reaction.isBlank()) {
        rx.setDescription(reaction);
        rx.addManifestation(Codings.text(reaction));
      } else {
        rx.addManifestation(Codings.text(NO_REACTION_TEXT));
      }
      sev.ifPresent(rx::setSeverity);
    }
    identified.flatMap(FhirTimes::dateTime).ifPresent(r::setOnset);
    ctx.add(r, serial, JpCore.ALLERGY);
  }

  static Optional<AllergyIntoleranceCategory> category(String hl70127) {
    return switch (hl70127.strip().toUpperCase(java.util.Locale.ROOT)) {
      case "DA" -> Optional.of(AllergyIntoleranceCategory.MEDICATION);
      case "FA" -> Optional.of(AllergyIntoleranceCategory.FOOD);
      case "EA", "AA", "PA", "LA" -> Optional.of(AllergyIntoleranceCategory.ENVIRONMENT);
      default -> Optional.empty();
    };
  }

  static Optional<AllergyIntoleranceSeverity> severity(String hl70128) {
    return switch (hl70128.strip().toUpperCase(java.util.Locale.ROOT)) {
      case "MI" -> Optional.of(AllergyIntoleranceSeverity.MILD);
      case "MO" -> Optional.of(AllergyIntoleranceSeverity.MODERATE);
      case "SV" -> Optional.of(AllergyIntoleranceSeverity.SEVERE);
      default -> Optional.empty();
    };
  }
}

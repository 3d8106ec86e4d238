package dev.ssmix2.core.fhir;

import dev.ssmix2.core.record.Coded;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * SS-MIX2 coded elements as FHIR CodeableConcepts: the primary and the alternate triplet each become a coding (with
 * the published URI of their coding system, or no system for a local code), and the text as written becomes
 * {@code text}. Nothing is looked up or translated.
 */
final class Codings {
  private Codings() {}

  /** The concept, or empty when the element has neither code nor text. */
  static Optional<CodeableConcept> concept(Coded c) {
    if (c.isEmpty()) {
      return Optional.empty();
    }
    CodeableConcept cc = new CodeableConcept();
    coding(c.code(), c.text(), c.system()).ifPresent(cc::addCoding);
    coding(c.altCode(), c.altText(), c.altSystem()).ifPresent(cc::addCoding);
    String text = c.display();
    if (!text.isBlank()) {
      cc.setText(text);
    }
    return Optional.of(cc);
  }

  /** A concept with text only (a free-text value). */
  static CodeableConcept text(String text) {
    return new CodeableConcept().setText(text);
  }

  private static Optional<Coding> coding(String code, String display, String system) {
    if (code.isBlank()) {
      return Optional.empty();
    }
    Coding coding = new Coding().setCode(code.strip());
    JpCore.system(system).ifPresent(coding::setSystem);
    if (!display.isBlank()) {
      coding.setDisplay(display);
    }
    return Optional.of(coding);
  }

  /** A coding of a known system. */
  static Coding known(String system, String code, String display) {
    return new Coding(system, code, display);
  }
}

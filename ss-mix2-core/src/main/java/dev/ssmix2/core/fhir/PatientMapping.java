package dev.ssmix2.core.fhir;

import dev.ssmix2.core.record.PersonName;
import dev.ssmix2.core.record.Sex;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;

/**
 * PID → JP_Patient: identifier (patient ID, facility system), names with their ISO 21090 representation (kanji
 * {@code IDE}, kana {@code SYL}, romaji {@code ABC}), birth date, gender (HL7 0001 → administrative-gender),
 * address and phones. Names are written exactly as stored (half-width kana stays half-width).
 */
final class PatientMapping {
  private PatientMapping() {}

  static Patient map(dev.ssmix2.core.storage.PatientId id, Optional<dev.ssmix2.core.record.Patient> demographics,
      Optional<String> idSystem, String logicalId) {
    Patient p = new Patient();
    p.setId(logicalId);
    p.getMeta().addProfile(JpCore.PATIENT);
    var identifier = p.addIdentifier().setValue(id.value());
    idSystem.ifPresent(identifier::setSystem);
    if (demographics.isEmpty()) {
      return p;
    }
    dev.ssmix2.core.record.Patient d = demographics.get();
    d.kanji().ifPresent(n -> name(p, n, "IDE"));
    d.kana().ifPresent(n -> name(p, n, "SYL"));
    d.romaji().ifPresent(n -> name(p, n, "ABC"));
    d.birthDate().ifPresent(b -> p.setBirthDateElement(new DateType(b.toString())));
    p.setGender(gender(d.sex()));
    if (d.address().isPresent() || d.zip().isPresent()) {
      Address a = p.addAddress();
      d.address().ifPresent(a::setText);
      d.zip().ifPresent(a::setPostalCode);
    }
    for (String phone : d.phones()) {
      if (!phone.isBlank()) {
        p.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone.strip());
      }
    }
    return p;
  }

  private static void name(Patient p, PersonName n, String representation) {
    if (n.isEmpty()) {
      return;
    }
    HumanName h = p.addName().setUse(HumanName.NameUse.OFFICIAL).setText(n.display());
    if (!n.family().isBlank()) {
      h.setFamily(n.family());
    }
    if (!n.given().isBlank()) {
      h.addGiven(n.given());
    }
    h.addExtension(JpCore.EN_REPRESENTATION, new CodeType(representation));
  }

  static AdministrativeGender gender(Sex sex) {
    return switch (sex) {
      case MALE -> AdministrativeGender.MALE;
      case FEMALE -> AdministrativeGender.FEMALE;
      case OTHER -> AdministrativeGender.OTHER;
      case UNKNOWN -> AdministrativeGender.UNKNOWN;
    };
  }
}

package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.storage.StorageFile;
import java.util.Locale;
import java.util.Optional;

/**
 * One allergy or contraindication as stated by an IAM (ADT-61) or AL1 (ADT-00) segment.
 *
 * @param type allergen type (HL7 table 0127: {@code DA} drug, {@code FA} food, {@code MC} contraindication …)
 * @param allergen what the patient reacts to
 * @param severity severity as sent, {@link Coded#EMPTY} when not given
 * @param reaction reaction text as sent, "" when not given
 * @param identified the identification or onset date when sent as a date
 * @param file the file that states it
 */
public record AllergyEntry(Coded type, Coded allergen, Coded severity, String reaction,
    Optional<Hl7Timestamp> identified, StorageFile file) {

  public AllergyEntry {
    checkNotNull(type, "type must not be null; use Coded.EMPTY");
    checkNotNull(allergen, "allergen must not be null");
    checkNotNull(severity, "severity must not be null; use Coded.EMPTY");
    checkNotNull(reaction, "reaction must not be null; use \"\"");
    checkNotNull(identified, "identified must not be null; use Optional.empty()");
    checkNotNull(file, "file must not be null");
  }

  /** Whether the type says drug allergy ({@code DA}): these are listed first and never hidden. */
  public boolean isDrugAllergy() {
    return typeCode().equals("DA");
  }

  /** Whether the type says contraindication ({@code MC}, HL7 table 0127 "miscellaneous contraindication"). */
  public boolean isContraindication() {
    return typeCode().equals("MC");
  }

  private String typeCode() {
    return type.code().strip().toUpperCase(Locale.ROOT);
  }
}

package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/** ADT-61 アレルギー情報: the IAM segments of one message. */
public record AllergyRecord(RecordSource source, List<Allergy> allergies) implements ClinicalRecord {
  public AllergyRecord {
    checkNotNull(source, "source must not be null");
    checkNotNull(allergies, "allergies must not be null");
    allergies = List.copyOf(allergies);
  }

  /**
   * One IAM segment.
   *
   * @param type IAM-2 allergen type, e.g. {@code DA^薬剤アレルギー^HL70127}
   * @param allergen IAM-3, e.g. {@code 5A1002216023023^スギ^JC10}
   * @param severity IAM-4, e.g. {@code MI^軽度^HL70128}
   * @param reaction IAM-5 text, "" if none
   * @param action IAM-6 action code ({@code A^追加^HL70323} …)
   * @param identified IAM-11 onset date, if written as a date (see {@link #onset()})
   * @param onsetText IAM-12 onset as free text, e.g. {@code 小学校低学年の頃}; "" if none
   * @param comments the NTE-3 comments that follow this IAM
   */
  public record Allergy(Coded type, Coded allergen, Coded severity, String reaction, Coded action,
      Optional<Hl7Timestamp> identified, String onsetText, List<String> comments) {
    public Allergy {
      checkNotNull(type, "type must not be null");
      checkNotNull(allergen, "allergen must not be null");
      checkNotNull(severity, "severity must not be null");
      checkNotNull(reaction, "reaction must not be null");
      checkNotNull(action, "action must not be null");
      checkNotNull(identified, "identified must not be null");
      checkNotNull(onsetText, "onsetText must not be null");
      checkNotNull(comments, "comments must not be null");
      comments = List.copyOf(comments);
    }

    /** An allergy without onset text or comments. */
    public Allergy(Coded type, Coded allergen, Coded severity, String reaction, Coded action,
        Optional<Hl7Timestamp> identified) {
      this(type, allergen, severity, reaction, action, identified, "", List.of());
    }

    /** IAM-11 onset date (the same value as {@link #identified()}). */
    public Optional<Hl7Timestamp> onset() {
      return identified;
    }

    /** The onset as a person reads it: the IAM-11 date, else the IAM-12 text, else "". */
    public String onsetDisplay() {
      return identified.map(Hl7Timestamp::display).orElse(onsetText);
    }
  }

  @Override
  public String summary() {
    return Summaries.line(source, "アレルギー",
        Summaries.list(allergies.stream().map(a -> a.allergen().display()).toList()));
  }
}

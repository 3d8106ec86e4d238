package dev.ssmix2.examples.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One patient found by a search.
 *
 * @param patientId the 患者ID
 * @param name 漢字氏名 as stored
 * @param kana カナ氏名 as stored
 * @param birthDate 生年月日, empty when unknown or unparseable (JSON {@code null})
 * @param age age in full years today, empty when the birth date is unknown (JSON {@code null})
 * @param sex HL7 administrative sex (PID-8): {@code M}, {@code F}, {@code O}, {@code U} or as stored
 * @param score relevance, higher is better; only the order matters
 * @param matched why the patient matched, as Japanese labels shown verbatim (読み一致, 異体字一致, あいまい一致 …)
 * @param formerNames former names (旧姓など) the query was found in, when the current name does not explain the hit
 * @param key what addresses the patient in {@code /api/patients/{key}}: the 患者ID, or {@code CODE~患者ID} when the
 *     backup holds several facilities
 * @param facility the facility the patient belongs to
 */
public record SearchHit(
    String patientId,
    String name,
    String kana,
    Optional<LocalDate> birthDate,
    OptionalInt age,
    String sex,
    double score,
    List<String> matched,
    List<String> formerNames,
    String key,
    FacilityInfo facility) {

  public SearchHit {
    patientId = Texts.orEmpty(patientId);
    name = Texts.orEmpty(name);
    kana = Texts.orEmpty(kana);
    birthDate = birthDate == null ? Optional.empty() : birthDate;
    age = age == null ? OptionalInt.empty() : age;
    sex = Texts.orEmpty(sex);
    matched = Texts.copy(matched);
    formerNames = Texts.copy(formerNames);
    key = key == null || key.isEmpty() ? patientId : key;
    facility = facility == null ? FacilityInfo.DEFAULT : facility;
  }

  /** A hit of the default facility, addressed by its 患者ID. */
  public SearchHit(String patientId, String name, String kana, Optional<LocalDate> birthDate, OptionalInt age,
      String sex, double score, List<String> matched, List<String> formerNames) {
    this(patientId, name, kana, birthDate, age, sex, score, matched, formerNames, patientId, FacilityInfo.DEFAULT);
  }

  /** A hit found through its current name. */
  public SearchHit(String patientId, String name, String kana, Optional<LocalDate> birthDate, OptionalInt age,
      String sex, double score, List<String> matched) {
    this(patientId, name, kana, birthDate, age, sex, score, matched, List.of());
  }
}

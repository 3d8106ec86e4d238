package dev.ssmix2.index.search;

import com.google.common.base.Preconditions;
import dev.ssmix2.core.record.Sex;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.index.store.Facility;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One patient found by a search.
 *
 * @param facility the facility the patient belongs to: identity is (facility, patient ID)
 * @param patientId 患者ID
 * @param name display name (the current one; former names only match)
 * @param kana registered reading, "" when none was registered
 * @param birthDate 生年月日
 * @param sex 性別
 * @param score tier score; higher is better, comparable only within one search
 * @param matched how the hit matched, strongest first: ID一致 when the ID matched, for each typed name token the
 *     strongest tier it reached (e.g. {@code 高橋 たろう} for 髙橋 太郎 gives 異体字一致, 読み一致), and 生年月日一致 when a
 *     typed birth date matched; 完全一致 only when every typed name token matched as written ({@code 浜田 健} does not
 *     call 原田 健 a complete match because 健 is written the same)
 */
public record PatientHit(
    Facility facility,
    PatientId patientId,
    String name,
    String kana,
    Optional<LocalDate> birthDate,
    Sex sex,
    float score,
    List<MatchTag> matched) {

  public PatientHit {
    Preconditions.checkNotNull(facility, "facility must not be null; use Facility.DEFAULT");
    Preconditions.checkNotNull(patientId, "patientId must not be null");
    Preconditions.checkNotNull(name, "name must not be null (use \"\")");
    Preconditions.checkNotNull(kana, "kana must not be null (use \"\")");
    Preconditions.checkNotNull(birthDate, "birthDate must not be null; use Optional.empty()");
    Preconditions.checkNotNull(sex, "sex must not be null");
    matched = List.copyOf(matched);
  }

  /** The Japanese labels of {@link #matched()}. */
  public List<String> matchedLabels() {
    return matched.stream().map(MatchTag::label).toList();
  }
}

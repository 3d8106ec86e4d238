package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Optional;

/** PPR-01 病名（歴）: one file holds the patient's whole problem list (a snapshot). */
public record ProblemListRecord(RecordSource source, List<Problem> problems) implements ClinicalRecord {
  public ProblemListRecord {
    checkArgument(source != null && problems != null, "problem list fields must not be null");
    problems = List.copyOf(problems);
  }

  /**
   * One PRB segment with its ZPR.
   *
   * @param action PRB-1 action code (AD, UP, DE …)
   * @param disease PRB-3 disease, normally MEDIS 病名管理番号 ({@code MDCDX2})
   * @param name the disease name to show: ZPR prefix modifier + disease + suffix modifier texts, else PRB-3 text
   * @param icd10 the ICD-10 code from PRB-10 ({@code I10}), if any
   * @param onset PRB-16 onset date, if any
   * @param lifeCycleStatus PRB-14 ({@code N^回復せず^HL70241} …)
   * @param suspected whether the diagnosis is only suspected (疑い): PRB-13 or a modifier says so
   */
  public record Problem(String action, Coded disease, String name, Optional<String> icd10,
      Optional<Hl7Timestamp> onset, Coded lifeCycleStatus, boolean suspected) {
    public Problem {
      checkArgument(action != null && disease != null && name != null && icd10 != null && onset != null
          && lifeCycleStatus != null, "problem fields must not be null");
    }
  }

  @Override
  public String summary() {
    return Summaries.line(source, "病名",
        Summaries.list(problems.stream().map(p -> p.name() + (p.suspected() && !p.name().contains("疑") ? "（疑い）" : ""))
            .toList()));
  }
}

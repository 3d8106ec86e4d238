package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/** PPR-01 病名（歴）: one file holds the patient's whole problem list (a snapshot). */
public record ProblemListRecord(RecordSource source, List<Problem> problems) implements ClinicalRecord {
  public ProblemListRecord {
    checkNotNull(source, "source must not be null");
    checkNotNull(problems, "problems must not be null");
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
   * @param instanceId PRB-4 problem instance ID, "" if none: the same problem across snapshots
   */
  public record Problem(String action, Coded disease, String name, Optional<String> icd10,
      Optional<Hl7Timestamp> onset, Coded lifeCycleStatus, boolean suspected, String instanceId) {
    public Problem {
      checkNotNull(action, "action must not be null");
      checkNotNull(disease, "disease must not be null");
      checkNotNull(name, "name must not be null");
      checkNotNull(icd10, "icd10 must not be null");
      checkNotNull(onset, "onset must not be null");
      checkNotNull(lifeCycleStatus, "lifeCycleStatus must not be null");
      checkNotNull(instanceId, "instanceId must not be null");
    }

    /** A problem without instance ID. */
    public Problem(String action, Coded disease, String name, Optional<String> icd10,
        Optional<Hl7Timestamp> onset, Coded lifeCycleStatus, boolean suspected) {
      this(action, disease, name, icd10, onset, lifeCycleStatus, suspected, "");
    }

    /** What identifies the problem across files: PRB-4, else the PRB-3 code in its system, else the name. */
    public String identity() {
      if (!instanceId.isBlank()) {
        return "id:" + instanceId.strip();
      }
      if (!disease.code().isBlank()) {
        return "code:" + disease.system().strip() + ":" + disease.code().strip();
      }
      return "name:" + name.strip();
    }
  }

  /**
   * The problems of several current problem lists of one patient as one list: some writers keep one PPR-01 file per
   * diagnosis event, each current under its own order number. Lists are applied oldest file first (by 発生日時), so
   * the newest statement of each problem ({@link Problem#identity()}) wins, and a problem whose newest statement is
   * a delete ({@code DE}) is left out. Cancelled lists are skipped.
   */
  public static List<Problem> union(java.util.Collection<ProblemListRecord> lists) {
    checkNotNull(lists, "lists must not be null");
    List<ProblemListRecord> ordered = new java.util.ArrayList<>(lists);
    ordered.sort(java.util.Comparator.comparing((ProblemListRecord r) -> r.file().name().timestamp())
        .thenComparing(r -> r.file().relativePath()));
    java.util.Map<String, Problem> byIdentity = new java.util.LinkedHashMap<>();
    for (ProblemListRecord r : ordered) {
      if (r.isCancel()) {
        continue;
      }
      for (Problem p : r.problems()) {
        byIdentity.remove(p.identity());
        if (!p.action().strip().equalsIgnoreCase("DE")) {
          byIdentity.put(p.identity(), p);
        }
      }
    }
    return List.copyOf(byIdentity.values());
  }

  @Override
  public String summary() {
    return Summaries.line(source, "病名",
        Summaries.list(problems.stream().map(p -> p.name() + (p.suspected() && !p.name().contains("疑") ? "（疑い）" : ""))
            .toList()));
  }
}

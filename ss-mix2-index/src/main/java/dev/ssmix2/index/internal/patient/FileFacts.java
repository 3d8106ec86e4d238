package dev.ssmix2.index.internal.patient;

import com.google.common.base.Preconditions;
import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.ReadProblem;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.record.DemographicsRecord;
import dev.ssmix2.core.record.Patient;
import java.util.Optional;

/**
 * What the indexer keeps from reading one storage file, so later updates need not read it again.
 *
 * <pre>{@code
 * FileFacts f = FileFacts.of(RecordReader.read(file, status));
 * f.summary();   // "処方: ダーゼン錠（５mg) 3錠 分3 5日分", from ClinicalRecord.summary()
 * }</pre>
 *
 * @param pid the PID demographics, when the file is an ADT-00 (or another message's PID was needed because the patient
 *     has no readable ADT-00; see {@link #withPid})
 * @param summary one line for a list of records (drug names, tests with values, diagnoses); "" when unreadable
 * @param problem why the file cannot be used as a record (empty, truncated, not HL7); empty when readable
 */
public record FileFacts(Optional<PidFacts> pid, String summary, Optional<String> problem) {
  public FileFacts {
    Preconditions.checkNotNull(pid, "pid must not be null; use Optional.empty()");
    Preconditions.checkNotNull(summary, "summary must not be null; use \"\"");
    Preconditions.checkNotNull(problem, "problem must not be null; use Optional.empty()");
  }

  /**
   * The facts of one read by the core reader. Only an ADT-00 (患者基本情報) contributes demographics here: the PID
   * of other messages is read on demand, for patients without a usable ADT-00, so most files are parsed once.
   */
  public static FileFacts of(ReadResult result) {
    Preconditions.checkNotNull(result, "read result must not be null");
    if (result instanceof MessageRead ok) {
      return new FileFacts(
          ok.record() instanceof DemographicsRecord d ? Optional.of(PidFacts.of(d.patient())) : Optional.empty(),
          ok.record().summary(), Optional.empty());
    }
    ReadProblem p = (ReadProblem) result;
    return unreadable(p.code().id() + ": " + p.reason());
  }

  /** A file that cannot be read as a record, with the reason. */
  public static FileFacts unreadable(String reason) {
    return new FileFacts(Optional.empty(), "", Optional.of(reason));
  }

  /** These facts with the demographics of the file's PID segment added. */
  public FileFacts withPid(Patient patient) {
    return new FileFacts(Optional.of(PidFacts.of(patient)), summary, problem);
  }

  public boolean isReadable() {
    return problem.isEmpty();
  }
}

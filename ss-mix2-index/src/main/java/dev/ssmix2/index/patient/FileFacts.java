package dev.ssmix2.index.patient;

import com.google.common.base.Preconditions;
import java.util.Optional;

/**
 * What the indexer keeps from reading one storage file, so later updates need not read it again.
 *
 * @param pid the PID demographics, if the message was readable and had a PID segment
 * @param summary one line for a list of records (drug names, tests with values, diagnoses); "" when unreadable
 * @param problem why the file cannot be used as a record (empty, truncated, not HL7); empty when readable
 */
public record FileFacts(Optional<PidFacts> pid, String summary, Optional<String> problem) {
  public FileFacts {
    Preconditions.checkNotNull(pid, "pid must not be null; use Optional.empty()");
    Preconditions.checkNotNull(summary, "summary must not be null; use \"\"");
    Preconditions.checkNotNull(problem, "problem must not be null; use Optional.empty()");
  }

  /** A file that cannot be read as a record, with the reason. */
  public static FileFacts unreadable(String reason) {
    return new FileFacts(Optional.empty(), "", Optional.of(reason));
  }

  public boolean isReadable() {
    return problem.isEmpty();
  }
}

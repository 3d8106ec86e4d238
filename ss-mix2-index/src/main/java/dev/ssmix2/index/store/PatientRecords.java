package dev.ssmix2.index.store;

import java.util.List;

/**
 * A patient's records from the record index, newest 診療日 first.
 *
 * @param records readable records: only current versions, or every version when history was asked for
 * @param problems the patient's files that could not be read (empty, truncated …), with reasons
 */
public record PatientRecords(List<RecordEntry> records, List<RecordProblem> problems) {
  public PatientRecords {
    records = List.copyOf(records);
    problems = List.copyOf(problems);
  }
}

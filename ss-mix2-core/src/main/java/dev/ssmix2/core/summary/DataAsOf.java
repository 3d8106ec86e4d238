package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * How recent the data behind a summary is: a backup shows the patient as of its last message, not as of today.
 *
 * @param patient the newest 発生日時 among the patient's files, if any file has a real time
 * @param storage the newest 発生日時 in the whole storage, when the caller knows it (e.g. from an index)
 */
public record DataAsOf(Optional<LocalDateTime> patient, Optional<LocalDateTime> storage) {
  public DataAsOf {
    checkNotNull(patient, "patient must not be null; use Optional.empty()");
    checkNotNull(storage, "storage must not be null; use Optional.empty()");
  }
}

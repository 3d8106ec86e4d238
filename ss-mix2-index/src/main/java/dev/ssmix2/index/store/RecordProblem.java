package dev.ssmix2.index.store;

import com.google.common.base.Preconditions;
import java.nio.file.Path;

/**
 * A storage file that could not be used: a placed file that is empty, truncated or not HL7, or an entry that does not
 * belong in the storage layout (stray file, bad name). Never silently dropped.
 *
 * @param root the storage root folder
 * @param file the path relative to {@code root}
 * @param reason what is wrong, in words
 */
public record RecordProblem(Path root, String file, String reason) {
  public RecordProblem {
    Preconditions.checkNotNull(root, "root must not be null");
    Preconditions.checkNotNull(file, "file must not be null");
    Preconditions.checkNotNull(reason, "reason must not be null");
  }
}

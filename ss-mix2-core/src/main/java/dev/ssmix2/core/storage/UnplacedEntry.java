package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.file.Path;

/**
 * A file or folder that does not fit the storage layout: a stray file (Thumbs.db, a note, a lock file), a name
 * that breaks the naming rule, a file whose name disagrees with its folders, a symbolic link, a FIFO or device, or a
 * folder that could not be read.
 */
public record UnplacedEntry(StorageRoot root, String relativePath, Problem problem, String reason)
    implements StorageEntry {

  /** Why an entry could not be placed; the codes are stable and used by validation reports. */
  public enum Problem {
    /** A file where the layout expects a folder, or a file with no SS-MIX2 name inside a data-type folder. */
    STRAY_FILE("stray-file"),
    /** A file name that breaks the seven-field naming rule. */
    BAD_FILE_NAME("bad-file-name"),
    /** A file name whose patient, date or data type disagrees with the folders it sits in. */
    WRONG_FOLDER("wrong-folder"),
    /** A folder that is not a valid patient, 診療日 or data-type folder at its level. */
    BAD_FOLDER("bad-folder"),
    /** A symbolic link: never followed, so a loop cannot trap the walker. */
    SYMBOLIC_LINK("symbolic-link"),
    /** A folder or file whose attributes could not be read. */
    UNREADABLE("unreadable"),
    /** A FIFO, device or socket where a message file is expected: never opened. */
    NOT_REGULAR_FILE("not-a-regular-file");

    private final String code;

    Problem(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public UnplacedEntry {
    checkNotNull(root, "root must not be null");
    checkNotNull(relativePath, "relativePath must not be null");
    checkNotNull(problem, "problem must not be null");
    checkNotNull(reason, "reason must not be null");
  }

  public Path path() {
    return root.resolve(relativePath);
  }
}

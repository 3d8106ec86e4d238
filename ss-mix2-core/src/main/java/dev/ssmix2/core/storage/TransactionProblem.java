package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.file.Path;

/**
 * Something in the transaction storage that could not be placed as an entry: a file whose name is not
 * {@code TR_YYYYMMDDHHMMSSFFF_nnnnn.DAT}, text before the first {@code #SSMIX} header, a header whose fields cannot
 * be read, an unreadable file. The rest of the log is still read.
 *
 * @param file the file (or folder) concerned
 * @param line the 1-based line, 0 when the problem concerns the whole file
 * @param code what kind of problem, stable across versions
 * @param reason what is wrong and what was expected
 */
public record TransactionProblem(Path file, int line, Code code, String reason) {

  /** What kind of problem; whether entries of the log may be missing from a reading is {@link #entriesMayBeLost()}. */
  public enum Code {
    /**
     * An entry of a year folder whose name is not a log file's ({@code TR_…DAT}), or that is no regular file: not
     * read, as the standardized storage's walker does not read a file with another name.
     */
    NOT_A_LOG_FILE("not-a-log-file", false),
    /** A log file whose name's time is not in its year folder: read all the same. */
    OUTSIDE_ITS_YEAR("outside-its-year", false),
    /** A log file or year folder that cannot be read or listed. */
    UNREADABLE("unreadable", true),
    /** Text before the first {@code #SSMIX} header of a file, or a file without one. */
    UNPLACED_TEXT("unplaced-text", true),
    /** A header whose fields cannot be read: its record is skipped. */
    BAD_HEADER("bad-header", true),
    /** A header with more or fewer fields than ten, read with the time it has. */
    ODD_HEADER("odd-header", true);

    private final String id;
    private final boolean entriesMayBeLost;

    Code(String id, boolean entriesMayBeLost) {
      this.id = id;
      this.entriesMayBeLost = entriesMayBeLost;
    }

    /** Stable lower-case identifier for reports and JSON. */
    public String id() {
      return id;
    }

    /**
     * Whether a reading with this problem may lack, or misplace, an entry the writer logged: true for bytes of a log
     * file that were not, or not fully, read as records. False for {@link #NOT_A_LOG_FILE} (a file with another name
     * holds no entry of the log) and {@link #OUTSIDE_ITS_YEAR} (the file is read).
     */
    public boolean entriesMayBeLost() {
      return entriesMayBeLost;
    }
  }

  public TransactionProblem {
    checkArgument(file != null && code != null && reason != null, "transaction problem fields must not be null");
    checkArgument(line >= 0, "line must be >= 0, got %s", line);
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + reason;
  }
}

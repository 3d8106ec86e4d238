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
 * @param reason what is wrong and what was expected
 */
public record TransactionProblem(Path file, int line, String reason) {
  public TransactionProblem {
    checkArgument(file != null && reason != null, "transaction problem fields must not be null");
    checkArgument(line >= 0, "line must be >= 0, got %s", line);
  }

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + reason;
  }
}

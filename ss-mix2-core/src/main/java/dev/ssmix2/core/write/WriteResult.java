package dev.ssmix2.core.write;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.List;

/**
 * What one {@link StorageWriter} call did: the file it wrote and the earlier versions it renamed.
 *
 * @param written the new message file
 * @param renamed earlier versions of the same key, renamed to {@code _2} (update) or {@code _0} (delete)
 */
public record WriteResult(Path written, List<Rename> renamed) {
  public WriteResult {
    renamed = ImmutableList.copyOf(renamed);
  }

  /** One file renamed by the condition-flag rules. */
  public record Rename(Path from, Path to) {}
}

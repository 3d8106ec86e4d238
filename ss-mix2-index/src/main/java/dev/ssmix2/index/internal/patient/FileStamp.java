package dev.ssmix2.index.internal.patient;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.ssmix2.core.storage.StorageFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Identity of one storage file at one moment: root, relative path (which carries the コンディションフラグ, so a flag
 * change is a new stamp), size and modification time. Equal stamps mean the earlier reading can be reused.
 *
 * <p>Size and time are those the walk read (a content folder's size is -1), never asked of the file system again:
 * the folder manifest records the same values, so a stamp made from a walk and one made from the manifest of
 * the last commit compare equal exactly when the walk would have seen the same file.
 */
public record FileStamp(String root, String path, long size, long modified) {

  public static FileStamp of(StorageFile file) {
    return new FileStamp(file.root().toString(), file.relativePath(), file.size(), file.lastModified());
  }

  /**
   * A hash of a patient's file stamps in any order: equal when no file was added, removed, renamed or touched, so the
   * patient's documents can be kept.
   */
  public static String fingerprint(List<FileStamp> stamps) {
    List<String> lines = new ArrayList<>(stamps.stream().map(FileStamp::toString).toList());
    Collections.sort(lines);
    Hasher h = Hashing.sha256().newHasher();
    lines.forEach(l -> h.putString(l, StandardCharsets.UTF_8).putByte((byte) '\n'));
    return h.hash().toString();
  }

  public String key() {
    return root + '\u0000' + path;
  }

  @Override
  public String toString() {
    return root + '|' + path + '|' + size + '|' + modified;
  }
}

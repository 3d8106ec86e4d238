package dev.ssmix2.index.store;

import dev.ssmix2.core.storage.StorageFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Identity of one storage file at one moment: root, relative path (which carries the コンディションフラグ, so a flag
 * change is a new stamp), size and modification time. Equal stamps mean the earlier reading can be reused.
 */
record FileStamp(String root, String path, long size, long modified) {

  static FileStamp of(StorageFile file) {
    if (file.size() >= 0 && file.lastModified() >= 0) {
      // the walker read these already; asking the file system again doubles the cost of a large walk
      return new FileStamp(file.root().toString(), file.relativePath(), file.size(), file.lastModified());
    }
    long size = -1;
    long modified = -1;
    try {
      BasicFileAttributes a = Files.readAttributes(file.path(), BasicFileAttributes.class);
      size = a.size();
      modified = a.lastModifiedTime().toMillis();
    } catch (IOException e) {
      // vanished or unreadable between walk and stat: a stamp that never matches makes the reader report it
    }
    return new FileStamp(file.root().toString(), file.relativePath(), size, modified);
  }

  String key() {
    return root + '\u0000' + path;
  }

  @Override
  public String toString() {
    return root + '|' + path + '|' + size + '|' + modified;
  }
}

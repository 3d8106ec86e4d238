package dev.ssmix2.index.store;

import dev.ssmix2.core.storage.StorageFile;

/**
 * Identity of one storage file at one moment: root, relative path (which carries the コンディションフラグ, so a flag
 * change is a new stamp), size and modification time. Equal stamps mean the earlier reading can be reused.
 *
 * <p>Size and time are those the walk read (a content folder's size is -1), never asked of the file system again:
 * the {@link FolderManifest} records the same values, so a stamp made from a walk and one made from the manifest of
 * the last commit compare equal exactly when the walk would have seen the same file.
 */
record FileStamp(String root, String path, long size, long modified) {

  static FileStamp of(StorageFile file) {
    return new FileStamp(file.root().toString(), file.relativePath(), file.size(), file.lastModified());
  }

  String key() {
    return root + '\u0000' + path;
  }

  @Override
  public String toString() {
    return root + '|' + path + '|' + size + '|' + modified;
  }
}

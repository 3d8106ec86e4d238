package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file placed in the storage layout: its root, its path and its parsed name. The path's folders are authoritative
 * for the patient (a message's PID-3 may disagree; validation reports that).
 *
 * <p>In an extended storage (拡張ストレージ) the "file" is a content folder named like a file; {@link #isContentFolder()}
 * tells, and its payload files sit inside it.
 *
 * <p>Files from a walk carry the size and modification time the walker read anyway, so that incremental indexers
 * need not ask the file system again; {@code -1} means unknown. Two storage files are equal when they have the same
 * root and path.
 *
 * @param size bytes, or -1 when unknown
 * @param lastModified modification time in epoch milliseconds, or -1 when unknown
 */
public record StorageFile(StorageRoot root, String relativePath, FileName name, boolean isContentFolder, long size,
    long lastModified) implements StorageEntry {

  public StorageFile {
    checkNotNull(root, "root must not be null");
    checkNotNull(relativePath, "relativePath must not be null");
    checkNotNull(name, "name must not be null");
  }

  /** A file whose size and modification time are not known (yet). */
  public StorageFile(StorageRoot root, String relativePath, FileName name, boolean isContentFolder) {
    this(root, relativePath, name, isContentFolder, -1, -1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorageFile f && root.equals(f.root) && relativePath.equals(f.relativePath);
  }

  @Override
  public int hashCode() {
    return root.hashCode() * 31 + relativePath.hashCode();
  }

  public Path path() {
    return root.resolve(relativePath);
  }

  public PatientId patientId() {
    return name.patientId();
  }

  public DataType dataType() {
    return name.dataType();
  }

  public ConditionFlag flag() {
    return name.flag();
  }

  public VersionKey key() {
    return name.key();
  }

  /**
   * Reads the file's bytes (read-only). For a content folder, reads its HL7 main document ({@code *.hl7}) if there
   * is exactly one candidate. Only a regular file is opened, never through a symbolic link below the root, and never
   * one larger than {@link ReadLimits#maxFileBytes()}: those are refused with a {@link FileRefusedException}.
   *
   * @throws UncheckedIOException naming the file when it cannot or must not be read; its cause is a
   *     {@link FileRefusedException} when the file was refused
   */
  public byte[] readBytes() {
    return readBytes(ReadLimits.maxFileBytes());
  }

  /** As {@link #readBytes()}, with an explicit maximum size in bytes. */
  public byte[] readBytes(long maxBytes) {
    checkArgument(maxBytes > 0, "maxBytes must be positive, got %s", maxBytes);
    Path p = path();
    try {
      SafeFiles.checkFolders(root, relativePath);
      if (isContentFolder) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isSymbolicLink() || !a.isDirectory()) {
          throw new FileRefusedException(FileRefusedException.Reason.SYMBOLIC_LINK,
              "the content folder is no longer a folder (a symbolic link or a file); it is not followed");
        }
        Path main = mainDocument(p);
        return SafeFiles.readRegular(main, "main document '" + main.getFileName() + "'", maxBytes);
      }
      return SafeFiles.readRegular(p, "the file", maxBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + relativePath + ": " + e.getMessage(), e);
    }
  }

  private static Path mainDocument(Path folder) throws IOException {
    try (var s = Files.list(folder)) {
      var hl7 = s.filter(f -> f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".hl7"))
          .sorted().toList();
      if (hl7.isEmpty()) {
        throw new IOException("content folder has no .hl7 main document");
      }
      return hl7.get(0);
    }
  }

  @Override
  public String toString() {
    return root + "/" + relativePath;
  }
}

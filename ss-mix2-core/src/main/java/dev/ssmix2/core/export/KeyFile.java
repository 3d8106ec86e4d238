package dev.ssmix2.core.export;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret of the pseudonyms: 32 random bytes written as 64 hex digits. Created owner-only (rw-------) when
 * missing; the same file gives the same pseudonyms in every run, so it must be kept by the data owner and never
 * shipped with an export.
 */
final class KeyFile {
  static final int KEY_BYTES = 32;

  private KeyFile() {}

  /** The key in {@code file}, created when the file does not exist. */
  static byte[] loadOrCreate(Path file) {
    if (!Files.exists(file)) {
      create(file);
    }
    String text;
    try {
      text = Files.readString(file).strip();
    } catch (IOException e) {
      throw new ExportException("cannot read the key file " + file + ": " + e.getMessage(), e);
    }
    if (text.length() != 2 * KEY_BYTES || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new ExportException("the key file " + file + " does not hold a key; expected " + 2 * KEY_BYTES
          + " hex digits as written by this tool (delete it only if no earlier export must keep its pseudonyms)");
    }
    return HexFormat.of().parseHex(text);
  }

  private static void create(Path file) {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system (Windows): the folder's access rules apply; the manifest does not name the key.
        Files.createFile(file);
      }
      Files.writeString(file, HexFormat.of().formatHex(key) + "\n");
    } catch (FileAlreadyExistsException e) {
      // Another process created it first: use theirs.
    } catch (IOException e) {
      throw new ExportException("cannot create the key file " + file + ": " + e.getMessage(), e);
    }
  }
}

package dev.ssmix2.core.storage;

import dev.ssmix2.core.storage.FileRefusedException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Set;

/**
 * Opens storage files the only way this library does: never through a symbolic link below the root, only regular
 * files, never more than the size limit. The walk already reports links and odd entries, but a file may be swapped
 * for a link or a FIFO after the walk (or after indexing), so every open checks again.
 */
final class SafeFiles {
  private SafeFiles() {}

  /** Checks that no folder between {@code root} and {@code relativePath}'s last component is a symbolic link. */
  static void checkFolders(StorageRoot root, String relativePath) throws IOException {
    Path at = root.path();
    String[] parts = relativePath.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].isEmpty() || parts[i].equals(".") || parts[i].equals("..")) {
        throw new FileRefusedException(Reason.SYMBOLIC_LINK, "the path '" + relativePath
            + "' does not name a place inside the storage root");
      }
      at = at.resolve(parts[i]);
      BasicFileAttributes a = Files.readAttributes(at, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isSymbolicLink()) {
        throw new FileRefusedException(Reason.SYMBOLIC_LINK, "folder '" + String.join("/",
            Arrays.copyOf(parts, i + 1)) + "' is a symbolic link; links are never followed");
      }
      if (!a.isDirectory()) {
        throw new FileRefusedException(Reason.NOT_REGULAR_FILE, "'" + String.join("/", Arrays.copyOf(parts, i + 1))
            + "' is no longer a folder");
      }
    }
  }

  /**
   * Reads a whole regular file, refusing links, FIFOs, devices and sockets, and files over {@code maxBytes}.
   *
   * @param subject how messages name the file, e.g. "the file" (never an absolute path)
   */
  static byte[] readRegular(Path file, String subject, long maxBytes) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (a.isSymbolicLink()) {
      throw link(subject);
    }
    if (!a.isRegularFile()) {
      throw new FileRefusedException(Reason.NOT_REGULAR_FILE, subject + " is not a regular file ("
          + (a.isDirectory() ? "a folder" : "a FIFO, device or socket") + "); it is never opened");
    }
    if (a.size() > maxBytes) {
      throw tooLarge(subject, a.size(), maxBytes);
    }
    // NOFOLLOW_LINKS opens with O_NOFOLLOW: a link swapped in between the check above and this open fails here.
    try (SeekableByteChannel ch = Files.newByteChannel(file,
        Set.<OpenOption>of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      byte[] buf = new byte[(int) Math.min(a.size(), maxBytes)];
      int n = 0;
      while (true) {
        if (n == buf.length) {
          if (n >= maxBytes) {
            if (ch.read(ByteBuffer.allocate(1)) > 0) {
              throw tooLarge(subject, n + 1, maxBytes); // grew since the check
            }
            break;
          }
          buf = Arrays.copyOf(buf, (int) Math.min(maxBytes, Math.max(4096, (long) n * 2)));
        }
        int r = ch.read(ByteBuffer.wrap(buf, n, buf.length - n));
        if (r < 0) {
          break;
        }
        n += r;
      }
      return n == buf.length ? buf : Arrays.copyOf(buf, n);
    } catch (IOException e) {
      if (e instanceof FileRefusedException) {
        throw e;
      }
      if (Files.isSymbolicLink(file)) {
        throw link(subject);
      }
      throw e;
    }
  }

  private static FileRefusedException link(String subject) {
    return new FileRefusedException(Reason.SYMBOLIC_LINK, subject + " is a symbolic link; links are never followed");
  }

  private static FileRefusedException tooLarge(String subject, long size, long max) {
    return new FileRefusedException(Reason.TOO_LARGE, subject + " has " + size
        + " bytes, more than the maximum file size of " + ReadLimits.describe(max) + "; it is reported, not read");
  }
}

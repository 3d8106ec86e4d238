package dev.ssmix2.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Checks on output folders of commands that must never write into a storage. */
final class OutputFolders {
  private OutputFolders() {}

  /**
   * The root that {@code folder} lies in (or is), if any. Both sides are compared as real paths (symbolic links
   * resolved), the folder through its nearest existing ancestor when it does not exist yet.
   */
  static Optional<String> insideAny(Path folder, List<Path> roots) throws IOException {
    Path f = real(folder.toAbsolutePath().normalize());
    for (Path root : roots) {
      Path r = real(root.toAbsolutePath().normalize());
      if (f.startsWith(r)) {
        return Optional.of(root.toString());
      }
    }
    return Optional.empty();
  }

  static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static Path real(Path p) throws IOException {
    Path existing = p;
    Path rest = p.getFileSystem().getPath("");
    while (existing != null && !Files.exists(existing)) {
      rest = existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    return existing == null ? p : existing.toRealPath().resolve(rest).normalize();
  }
}

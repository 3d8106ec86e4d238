package dev.ssmix2.core.internal;

import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.storage.UnplacedEntry;
import dev.ssmix2.core.storage.UnplacedEntry.Problem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Listing the folders of a storage level, the one way the walker's sharding and the research export both need. */
public final class Folders {
  private Folders() {}

  /**
   * The sub-folder names of {@code rel} under {@code root}, sorted; files, symbolic links (never followed) and
   * unreadable entries go to {@code onUnplaced}, worded with what the level {@code expected} ("patient-ID prefix
   * folders").
   */
  public static List<String> list(StorageRoot root, String rel, Consumer<UnplacedEntry> onUnplaced,
      String expected) {
    Path dir = rel.isEmpty() ? root.path() : root.resolve(rel);
    List<String> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        String childRel = rel.isEmpty() ? name : rel + "/" + name;
        try {
          BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (a.isSymbolicLink()) {
            onUnplaced.accept(new UnplacedEntry(root, childRel, Problem.SYMBOLIC_LINK,
                "symbolic links are not followed"));
          } else if (!a.isDirectory()) {
            onUnplaced.accept(new UnplacedEntry(root, childRel, Problem.STRAY_FILE,
                "a file where " + expected + " are expected"));
          } else {
            out.add(name);
          }
        } catch (IOException e) {
          onUnplaced.accept(new UnplacedEntry(root, childRel, Problem.UNREADABLE,
              "cannot read attributes: " + e.getMessage()));
        }
      }
    } catch (IOException e) {
      onUnplaced.accept(new UnplacedEntry(root, rel.isEmpty() ? "." : rel, Problem.UNREADABLE,
          "cannot list folder: " + e.getMessage()));
    }
    out.sort(null);
    return out;
  }
}

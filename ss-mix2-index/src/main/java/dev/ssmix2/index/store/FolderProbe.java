package dev.ssmix2.index.store;

import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.index.store.FolderManifest.FileTime;
import dev.ssmix2.index.store.FolderManifest.FolderTime;
import dev.ssmix2.index.store.FolderManifest.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Tells, from file attributes alone, whether a patient's folders still look as its {@link FolderManifest} recorded:
 * one {@code stat} per folder (and per file with {@link ChangeDetection#EVERY_FILE}) instead of listing every folder.
 * Any doubt — an untrusted or different time, a missing folder, an unreadable attribute — answers "changed", and the
 * patient is walked again.
 */
final class FolderProbe {
  private FolderProbe() {}

  static boolean unchanged(FolderManifest manifest, List<StorageRoot> roots, ChangeDetection detection) {
    for (Part part : manifest.parts()) {
      if (part.root() >= roots.size()) {
        return false;
      }
      Path base = roots.get(part.root()).resolve(part.folder());
      for (FolderTime f : part.folders()) {
        if (f.modifiedNanos() == FolderManifest.UNTRUSTED) {
          return false;
        }
        BasicFileAttributes a = attributes(f.path().isEmpty() ? base : base.resolve(f.path()));
        if (a == null || !a.isDirectory() || a.lastModifiedTime().to(TimeUnit.NANOSECONDS) != f.modifiedNanos()) {
          return false;
        }
      }
      for (FileTime f : part.files()) {
        // a content folder's payload changes inside it, out of sight of its data-type folder's time
        if (detection == ChangeDetection.EVERY_FILE || f.size() < 0) {
          BasicFileAttributes a = attributes(base.resolve(f.path()));
          if (a == null || a.isSymbolicLink() || (a.isDirectory() ? -1 : a.size()) != f.size()
              || a.lastModifiedTime().toMillis() != f.modifiedMillis()) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static @Nullable BasicFileAttributes attributes(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
  }
}

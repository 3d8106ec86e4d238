package dev.ssmix2.core.read;

import dev.ssmix2.core.storage.Fixtures;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import java.util.List;
import java.util.stream.Stream;

/** Storage files of the shared fixtures, found by relative path. */
final class ReadFixtures {
  private ReadFixtures() {}

  static Storage nho() {
    return Storage.open(Fixtures.nhoSample());
  }

  static List<StorageFile> files(Storage storage) {
    try (Stream<StorageFile> s = storage.files()) {
      return s.toList();
    }
  }

  /** The placed file whose relative path ends with {@code suffix}. */
  static StorageFile file(Storage storage, String suffix) {
    return files(storage).stream().filter(f -> f.relativePath().endsWith(suffix)).findFirst()
        .orElseThrow(() -> new AssertionError("no fixture file ending with " + suffix));
  }
}

package dev.ssmix2.benchmarks;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.store.PatientIndex;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;

/** The one place that calls the library's patient index, so the suites do not depend on its API's details. */
final class LibraryIndex implements Closeable {
  private final PatientIndex index;

  private LibraryIndex(PatientIndex index) {
    this.index = index;
  }

  /** Opens (creating if needed) the index in {@code indexDir} and brings it up to date with the storage roots. */
  static LibraryIndex update(List<Path> roots, Path indexDir) {
    PatientIndex index = PatientIndex.open(indexDir);
    index.update(Storage.open(roots), ProgressListener.none());
    return new LibraryIndex(index);
  }

  /** Opens an index that is already built. */
  static LibraryIndex open(Path indexDir) {
    return new LibraryIndex(PatientIndex.openExisting(indexDir));
  }

  /** Patient IDs of the top {@code limit} hits, best first. */
  List<String> search(String text, int limit) {
    return index.search(text, limit).stream().map(PatientHit::patientId).map(id -> id.value()).toList();
  }

  @Override
  public void close() {
    index.close();
  }
}

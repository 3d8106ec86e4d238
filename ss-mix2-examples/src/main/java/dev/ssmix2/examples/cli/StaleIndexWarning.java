package dev.ssmix2.examples.cli;

import dev.ssmix2.index.store.PatientStore;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Says so when an index was built by another version of the name keys or schema. Such an index still opens, because
 * an outage is no time to refuse a backup, but queries compute today's keys and may miss patients stored with the old
 * ones; the next {@code ssmix2 index} rebuilds it.
 */
final class StaleIndexWarning {
  private StaleIndexWarning() {}

  static void printIfStale(String command, PatientStore index, Path indexDir, PrintWriter err) {
    printIfStale(command, index, "--index " + indexDir, err);
  }

  static void printIfStale(String command, PatientStore index, IndexOptions where, PrintWriter err) {
    printIfStale(command, index, where.args(), err);
  }

  private static void printIfStale(String command, PatientStore index, String indexArgs, PrintWriter err) {
    if (!index.isCurrentVersion()) {
      err.println("ssmix2 " + command + ": warning: " + index.location() + " was built by another version of ss-mix2; "
          + "searches may miss patients and charts are slower until it is rebuilt with: ssmix2 index " + indexArgs);
      err.flush();
    }
  }
}

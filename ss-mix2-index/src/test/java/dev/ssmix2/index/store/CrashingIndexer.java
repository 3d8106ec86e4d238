package dev.ssmix2.index.store;

import dev.ssmix2.core.storage.Storage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process of {@link CrashRecoveryTest}: updates an index and, once {@code gate} patient folders were walked,
 * prints {@code progress <files>} and waits for a line on stdin that never comes, until it is killed. Holding the
 * walker there makes the kill land mid-run on any machine, however fast; the pool keeps indexing queued folders
 * meanwhile, so the writer holds uncommitted work when it dies. If stdin closes (the test died), the update aborts
 * without committing.
 *
 * <p>Usage: {@code CrashingIndexer INDEX_DIR GATE ROOT...}
 */
public final class CrashingIndexer {
  private CrashingIndexer() {}

  public static void main(String[] args) throws Exception {
    Path indexDir = Path.of(args[0]);
    int gate = Integer.parseInt(args[1]);
    Path[] roots = new Path[args.length - 2];
    for (int i = 2; i < args.length; i++) {
      roots[i - 2] = Path.of(args[i]);
    }
    BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (PatientIndex index = PatientIndex.open(indexDir)) {
      index.update(Storage.open(roots), p -> {
        if (p.patientsSeen() == gate) {
          System.out.println("progress " + p.filesSeen());
          System.out.flush();
          try {
            stdin.readLine();
          } catch (java.io.IOException e) {
            // fall through to the abort below
          }
          throw new IllegalStateException("the test closed stdin instead of killing this process");
        }
      });
    }
    System.out.println("finished");
  }
}

package dev.ssmix2.core.export;

import dev.ssmix2.core.storage.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a slowed-down CSV export in a separate JVM so that a test can kill it with SIGKILL mid-way:
 * {@code OUT KEY ROOT...}. Each finished unit pauses, leaving time to kill between and inside units.
 */
public final class ExportInChildJvm {
  private ExportInChildJvm() {}

  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    Path key = Path.of(args[1]);
    List<Path> roots = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      roots.add(Path.of(args[i]));
    }
    ResearchExport.run(Storage.open(roots), ExportOptions.builder(out).keyFile(key).format(ExportFormat.CSV)
        .bom(true).threads(1).unitPatients(3).build(), (done, total, patients) -> {
          try {
            Thread.sleep(150);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }
}

package dev.ssmix2.core.synth;

import dev.ssmix2.core.write.StorageWriter;
import java.nio.file.Path;
import java.util.Optional;

/** Where a run writes: one root, or a dated and an undated root (NHO's split), plus an optional extended root. */
record Roots(StorageWriter dated, StorageWriter undated, Optional<Path> extended) {
  StorageWriter forDated(boolean isDated) {
    return isDated ? dated : undated;
  }

  static String name(Path root) {
    return root.getFileName().toString();
  }
}

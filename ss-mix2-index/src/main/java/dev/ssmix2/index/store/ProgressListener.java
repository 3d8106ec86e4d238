package dev.ssmix2.index.store;

/**
 * Told about an update's progress after each patient folder, on the walking thread. Throwing from it aborts the
 * update; the index then keeps its last commit.
 */
@FunctionalInterface
public interface ProgressListener {
  void progress(IndexProgress progress);

  /** A listener that ignores progress. */
  static ProgressListener none() {
    return p -> { };
  }
}

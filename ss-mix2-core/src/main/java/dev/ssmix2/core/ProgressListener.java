package dev.ssmix2.core;

/**
 * Told how far a long run has come (generating a storage, validating it, updating an index), with a record that says
 * what the run counts ({@code GenerationProgress}, {@code ValidationProgress}, {@code IndexProgress}). The one progress
 * callback of the library: each run documents on which thread and how often it calls it. Throwing from it aborts the
 * run.
 *
 * @param <P> the progress record of the run
 */
@FunctionalInterface
public interface ProgressListener<P> {
  void progress(P progress);

  /** A listener that ignores progress. */
  static <P> ProgressListener<P> none() {
    return p -> { };
  }
}

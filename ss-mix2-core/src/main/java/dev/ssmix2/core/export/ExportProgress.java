package dev.ssmix2.core.export;

/** Told after each finished work unit how far an export has come. Called from worker threads, one at a time. */
@FunctionalInterface
public interface ExportProgress {
  /** Ignores progress. */
  ExportProgress NONE = (done, total, patients) -> {};

  /**
   * @param unitsDone work units finished, including those an earlier run had finished
   * @param unitsTotal all work units of the storage
   * @param patientsExported patients written by this run so far
   */
  void progress(long unitsDone, long unitsTotal, long patientsExported);
}

package dev.ssmix2.core.synth;

/** Told now and then how far a generation run has come. Called from the generating thread, in order. */
@FunctionalInterface
public interface ProgressListener {
  /** Ignores progress. */
  ProgressListener NONE = (done, total, files) -> {};

  void progress(long patientsDone, long patientsTotal, long filesWritten);
}

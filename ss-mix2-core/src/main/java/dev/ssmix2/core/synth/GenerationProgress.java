package dev.ssmix2.core.synth;

/**
 * How far a generation run has come.
 *
 * @param patientsDone patients written so far
 * @param patientsTotal patients the run writes
 * @param filesWritten storage files written so far
 */
public record GenerationProgress(long patientsDone, long patientsTotal, long filesWritten) {}

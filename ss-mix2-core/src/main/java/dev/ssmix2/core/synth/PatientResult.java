package dev.ssmix2.core.synth;

/** One generated patient: the manifest line and what was written. */
record PatientResult(String manifestLine, int files, int defects) {}

package dev.ssmix2.core.fhir;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Where exported patients go: NDJSON per resource type or one Bundle per patient. Not thread-safe. */
public sealed interface ExportSink extends Closeable permits NdjsonSink, BundleSink {

  /** Writes one patient's resources. */
  void write(PatientResources patient) throws IOException;

  /** Resources written so far, by resource type (deletions count under {@code deleted}). */
  Map<String, Long> counts();

  /** The files written so far. */
  java.util.List<Path> files();

  /** NDJSON files per resource type in {@code dir} (the FHIR Bulk Data layout) plus {@code manifest.json}. */
  static ExportSink ndjson(Path dir) throws IOException {
    return new NdjsonSink(dir);
  }

  /** One transaction Bundle per patient, {@code <患者ID>.json} in {@code dir}. */
  static ExportSink bundles(Path dir) throws IOException {
    return new BundleSink(dir);
  }
}

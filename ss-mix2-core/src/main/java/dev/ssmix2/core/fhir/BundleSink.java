package dev.ssmix2.core.fhir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;

/**
 * One transaction Bundle per patient ({@code <患者ID>.json}): PUT for every current resource (the logical IDs are
 * stable, so re-importing updates instead of duplicating, the JAMI use case), DELETE for deletions in history mode.
 */
final class BundleSink implements ExportSink {
  private final Path dir;
  private final Map<String, Long> counts = new TreeMap<>();
  private final List<Path> files = new ArrayList<>();

  BundleSink(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  /** The transaction Bundle of one patient. */
  static Bundle bundle(PatientResources patient) {
    Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (ExportedResource e : patient.resources()) {
      String url = e.resourceType() + "/" + e.id();
      if (e.deleted()) {
        b.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl(url);
      } else {
        b.addEntry().setResource(e.resource()).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl(url);
      }
    }
    return b;
  }

  /**
   * One patient's Bundle, encoded ahead of writing, as {@link NdjsonSink.Lines}: by {@link BulkExport}'s workers, a
   * parser per call.
   */
  record Encoded(PatientResources patient, String json) {}

  static Encoded encode(PatientResources patient) {
    return new Encoded(patient, FhirJson.parser().setPrettyPrint(true).encodeResourceToString(bundle(patient)));
  }

  @Override
  public void write(PatientResources patient) throws IOException {
    write(encode(patient));
  }

  /** Writes a Bundle {@link #encode} made. */
  void write(Encoded encoded) throws IOException {
    PatientResources patient = encoded.patient();
    Path file = dir.resolve(patient.patient().value() + ".json");
    Files.writeString(file, encoded.json(), StandardCharsets.UTF_8);
    files.add(file);
    for (ExportedResource e : patient.resources()) {
      counts.merge(e.deleted() ? NdjsonSink.DELETED : e.resourceType(), 1L, Long::sum);
    }
  }

  @Override
  public Map<String, Long> counts() {
    return Map.copyOf(counts);
  }

  @Override
  public List<Path> files() {
    return List.copyOf(files);
  }

  @Override
  public void close() {}
}

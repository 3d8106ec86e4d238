package dev.ssmix2.core.fhir;

import ca.uhn.fhir.parser.IParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;

/**
 * FHIR Bulk Data layout: {@code <ResourceType>.ndjson}, one resource per line, UTF-8, plus {@code manifest.json}
 * listing the files and their counts. Deletions (history mode) go to {@code deleted.ndjson}: one transaction Bundle
 * of DELETE entries per patient, as Bulk Data lists deleted resources.
 */
final class NdjsonSink implements ExportSink {
  static final String DELETED = "deleted";

  private final Path dir;
  private final Map<String, BufferedWriter> writers = new LinkedHashMap<>();
  private final Map<String, Long> counts = new TreeMap<>();

  NdjsonSink(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
  }

  /**
   * One patient's lines, encoded ahead of writing. Encoding the JSON is most of an export's CPU and needs nothing of
   * the sink, so {@link BulkExport}'s workers encode while the calling thread writes (a parser per call: HAPI's
   * parsers are not thread-safe, its context is).
   *
   * @param types the resource type (file) of each line
   * @param json the lines
   * @param deletedEntries DELETE entries in the patient's deletions line, if it has one
   */
  record Lines(List<String> types, List<String> json, long deletedEntries) {}

  static Lines encode(PatientResources patient) {
    IParser parser = FhirJson.parser();
    List<String> types = new ArrayList<>(patient.resources().size() + 1);
    List<String> json = new ArrayList<>(patient.resources().size() + 1);
    Bundle deletions = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (ExportedResource e : patient.resources()) {
      if (e.deleted()) {
        deletions.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl(e.resourceType() + "/" + e.id());
        continue;
      }
      types.add(e.resourceType());
      json.add(parser.encodeResourceToString(e.resource()));
    }
    if (!deletions.getEntry().isEmpty()) {
      types.add(DELETED);
      json.add(parser.encodeResourceToString(deletions));
    }
    return new Lines(types, json, deletions.getEntry().size());
  }

  @Override
  public void write(PatientResources patient) throws IOException {
    write(encode(patient));
  }

  /** Writes lines {@link #encode} made, in their order. */
  void write(Lines lines) throws IOException {
    for (int i = 0; i < lines.json().size(); i++) {
      String type = lines.types().get(i);
      line(type, lines.json().get(i));
      // a resource counts once; the deletions line is one Bundle holding every deleted resource of the patient
      counts.merge(type, type.equals(DELETED) ? lines.deletedEntries() : 1L, Long::sum);
    }
  }

  private void line(String type, String json) throws IOException {
    BufferedWriter w = writers.get(type);
    if (w == null) {
      w = Files.newBufferedWriter(dir.resolve(type + ".ndjson"), StandardCharsets.UTF_8);
      writers.put(type, w);
    }
    w.write(json);
    w.write('\n');
  }

  @Override
  public Map<String, Long> counts() {
    return Map.copyOf(counts);
  }

  @Override
  public List<Path> files() {
    List<Path> out = new ArrayList<>();
    writers.keySet().forEach(t -> out.add(dir.resolve(t + ".ndjson")));
    return out;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (BufferedWriter w : writers.values()) {
      try {
        w.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
    StringBuilder m = new StringBuilder();
    m.append("{\n  \"transactionTime\": \"").append(OffsetDateTime.now(ZoneOffset.UTC)).append("\",\n");
    m.append("  \"request\": \"ssmix2 export fhir\",\n  \"requiresAccessToken\": false,\n  \"output\": [");
    String sep = "\n";
    for (String type : writers.keySet()) {
      if (!type.equals(DELETED)) {
        m.append(sep).append("    {\"type\": \"").append(type).append("\", \"url\": \"").append(type)
            .append(".ndjson\", \"count\": ").append(counts.get(type)).append('}');
        sep = ",\n";
      }
    }
    m.append("\n  ],\n  \"deleted\": [");
    if (writers.containsKey(DELETED)) {
      m.append("\n    {\"type\": \"Bundle\", \"url\": \"").append(DELETED).append(".ndjson\"}\n  ");
    }
    m.append("],\n  \"error\": []\n}\n");
    Files.writeString(dir.resolve("manifest.json"), m, StandardCharsets.UTF_8);
  }
}

package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ssmix2 export fhir} on a generated storage: written, validated by HAPI with 0 errors, never into a root. */
class FhirExportCommandTest {
  @TempDir static Path work;
  static Path storage;
  static Path index;

  @BeforeAll
  static void build() {
    storage = work.resolve("gen");
    CliRun gen = CliRun.main("generate", "--out", storage.toString(), "--patients", "5", "--seed", "7");
    assertThat(gen.exit()).as(gen.err()).isZero();
    index = work.resolve("idx");
    CliRun run = CliRun.main("index", "--index", index.toString(), storage.resolve("storage").toString());
    assertThat(run.exit()).as(run.err()).isZero();
  }

  @Test
  void ndjsonIsWrittenAndValidatesWithTheGivenPackage() throws Exception {
    Path out = work.resolve("ndjson");
    Path ig = standInPackage(work.resolve("standin.tgz"));
    CliRun run = CliRun.main("export", "fhir", "--index", index.toString(), "--out", out.toString(),
        "--facility", "1311234567", "--history", "--validate", "--ig", ig.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("5 patients").contains("resources/s")
        .containsPattern("validated [0-9,]+ resources against base R4 and \\[ssmix2.test.jpcore-standin#0.0.1\\]: 0 errors");
    assertThat(Files.readAllLines(out.resolve("Patient.ndjson"))).hasSize(5);
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertThat(manifest.get("output")).anyMatch(o -> o.get("type").asText().equals("Observation")
        && o.get("count").asInt() > 0);
    JsonNode patient = new ObjectMapper().readTree(Files.readAllLines(out.resolve("Patient.ndjson")).get(0));
    assertThat(patient.get("identifier").get(0).get("system").asText())
        .isEqualTo("urn:oid:1.2.392.100495.20.3.51.11311234567");
  }

  @Test
  void bundlePerPatientForChosenPatients() throws Exception {
    Path out = work.resolve("bundles");
    String id;
    try (Stream<String> lines = Files.lines(storage.resolve("manifest.jsonl"))) {
      id = new ObjectMapper().readTree(lines.findFirst().orElseThrow()).get("patientId").asText();
    }
    CliRun run = CliRun.main("export", "fhir", "--index", index.toString(), "--out", out.toString(), "--format",
        "bundle", "--patient", id);
    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode bundle = new ObjectMapper().readTree(out.resolve(id + ".json").toFile());
    assertThat(bundle.get("type").asText()).isEqualTo("transaction");
    assertThat(bundle.get("entry").get(0).get("resource").get("resourceType").asText()).isEqualTo("Patient");
    assertThat(bundle.get("entry").get(0).get("request").get("method").asText()).isEqualTo("PUT");
  }

  @Test
  void refusesToWriteIntoAStorageRoot() throws IOException {
    Path inside = storage.resolve("storage").resolve("fhir-out");
    CliRun run = CliRun.main("export", "fhir", "--index", index.toString(), "--out", inside.toString());
    assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err()).contains("inside the storage root").doesNotContain("Exception");
    assertThat(inside).doesNotExist();
  }

  @Test
  void unknownPatientIsReportedAndTheExitSaysSo() {
    CliRun run = CliRun.main("export", "fhir", "--index", index.toString(), "--out",
        work.resolve("none").toString(), "--patient", "9999999999");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("no patient 9999999999");
  }

  /** Packs the core module's stand-in FHIR package (see its README) into a .tgz. */
  static Path standInPackage(Path tgz) throws IOException {
    Path source = CliRun.fixtures().resolveSibling("fhir-ig").resolve("package");
    try (OutputStream out = Files.newOutputStream(tgz);
        GZIPOutputStream gz = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz);
        Stream<Path> files = Files.list(source)) {
      for (Path f : files.sorted().toList()) {
        TarArchiveEntry e = new TarArchiveEntry("package/" + f.getFileName());
        byte[] bytes = Files.readAllBytes(f);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
    return tgz;
  }
}

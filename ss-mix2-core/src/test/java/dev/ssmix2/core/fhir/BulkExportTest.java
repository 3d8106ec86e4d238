package dev.ssmix2.core.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmix2.core.storage.Fixtures;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkExportTest {
  @TempDir Path tmp;

  @Test
  void patientsAreWrittenInStreamOrderWhateverTheThreads() throws Exception {
    Storage storage = Storage.open(Fixtures.searchCases().resolve("root-dated"),
        Fixtures.searchCases().resolve("root-undated"));
    List<String> expected;
    try (Stream<PatientFolder> ps = storage.patients(u -> { })) {
      expected = ps.map(p -> p.patientId().value()).toList();
    }
    for (int threads : new int[] {1, 3}) {
      Path out = tmp.resolve("t" + threads);
      List<String> seen = new ArrayList<>();
      try (ExportSink sink = ExportSink.ndjson(out); Stream<PatientFolder> ps = storage.patients(u -> { })) {
        long n = BulkExport.run(ps, FhirExporter.create(FhirExportOptions.defaults()), sink, threads,
            r -> seen.add(r.patient().value()));
        assertThat(n).isEqualTo(expected.size());
      }
      assertThat(seen).containsExactlyElementsOf(expected);
      List<String> patientLines = Files.readAllLines(out.resolve("Patient.ndjson"));
      assertThat(patientLines).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        assertThat(patientLines.get(i)).contains("\"value\":\"" + expected.get(i) + "\"");
      }
    }
  }

  @Test
  void filesEncodedByTheWorkersEqualThoseWrittenPatientByPatient() throws Exception {
    Storage storage = Storage.open(Fixtures.searchCases().resolve("root-dated"),
        Fixtures.searchCases().resolve("root-undated"));
    // history mode, so that superseded versions become deletions and their count is checked too
    FhirExporter exporter = FhirExporter.create(FhirExportOptions.defaults().withHistory(true));
    for (String layout : new String[] {"ndjson", "bundles"}) {
      Path plain = tmp.resolve(layout + "-plain");
      Path bulk = tmp.resolve(layout + "-bulk");
      try (ExportSink sink = layout.equals("ndjson") ? ExportSink.ndjson(plain) : ExportSink.bundles(plain);
          Stream<PatientFolder> ps = storage.patients(u -> { })) {
        for (PatientFolder p : (Iterable<PatientFolder>) ps::iterator) {
          sink.write(exporter.export(p.patientId(), p.files()));
        }
      }
      Map<String, Long> counts;
      try (ExportSink sink = layout.equals("ndjson") ? ExportSink.ndjson(bulk) : ExportSink.bundles(bulk);
          Stream<PatientFolder> ps = storage.patients(u -> { })) {
        BulkExport.run(ps, exporter, sink, 3, r -> { });
        counts = sink.counts();
      }
      assertThat(counts).isNotEmpty();
      List<Path> files;
      try (Stream<Path> s = Files.list(plain)) {
        files = s.map(Path::getFileName).filter(f -> !f.toString().equals("manifest.json")).sorted().toList();
      }
      try (Stream<Path> s = Files.list(bulk)) {
        assertThat(s.map(Path::getFileName).filter(f -> !f.toString().equals("manifest.json")).sorted().toList())
            .isEqualTo(files);
      }
      assertThat(files).isNotEmpty();
      for (Path f : files) {
        assertThat(Files.readString(bulk.resolve(f))).as(layout + " " + f).isEqualTo(Files.readString(plain.resolve(f)));
      }
      long deletes = 0;
      long resources = 0;
      for (Path f : files) {
        String text = Files.readString(bulk.resolve(f));
        deletes += text.split("\"method\" *: *\"DELETE\"", -1).length - 1;
        if (layout.equals("ndjson") && !f.toString().equals("deleted.ndjson")) {
          resources += text.lines().count();
        }
      }
      assertThat(deletes).as("the storage's superseded versions are deleted entries").isPositive();
      assertThat(counts.getOrDefault("deleted", 0L)).as(layout + ": every DELETE entry counts once")
          .isEqualTo(deletes);
      if (layout.equals("ndjson")) {
        assertThat(counts.entrySet().stream().filter(e -> !e.getKey().equals("deleted"))
            .mapToLong(Map.Entry::getValue).sum()).as("one count per line").isEqualTo(resources);
      }
    }
  }

  @Test
  void aFailingConsumerStopsTheRunWithItsError() throws Exception {
    Storage storage = Storage.open(Fixtures.nhoSample());
    try (ExportSink sink = ExportSink.ndjson(tmp.resolve("x")); Stream<PatientFolder> ps = storage.patients(u -> { })) {
      assertThatThrownBy(() -> BulkExport.run(ps, FhirExporter.create(FhirExportOptions.defaults()), sink, 2, r -> {
        throw new IllegalStateException("stop");
      })).hasMessage("stop");
    }
  }
}

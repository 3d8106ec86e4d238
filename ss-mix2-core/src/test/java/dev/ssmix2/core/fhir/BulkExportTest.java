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
  void aFailingConsumerStopsTheRunWithItsError() throws Exception {
    Storage storage = Storage.open(Fixtures.nhoSample());
    try (ExportSink sink = ExportSink.ndjson(tmp.resolve("x")); Stream<PatientFolder> ps = storage.patients(u -> { })) {
      assertThatThrownBy(() -> BulkExport.run(ps, FhirExporter.create(FhirExportOptions.defaults()), sink, 2, r -> {
        throw new IllegalStateException("stop");
      })).hasMessage("stop");
    }
  }
}

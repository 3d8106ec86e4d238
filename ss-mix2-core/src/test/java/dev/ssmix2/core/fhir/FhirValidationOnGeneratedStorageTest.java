package dev.ssmix2.core.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.synth.Profile;
import dev.ssmix2.core.synth.ProgressListener;
import dev.ssmix2.core.synth.SyntheticStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every resource exported from a generated realistic storage passes HAPI's R4 validator with no error. */
class FhirValidationOnGeneratedStorageTest {

  static FhirValidation validation;
  @TempDir static Path tmp;

  @BeforeAll
  static void validator() throws Exception {
    validation = FhirValidation.create(List.of());
  }

  @Test
  void generatedStorageValidates() throws Exception {
    Path storageDir = tmp.resolve("storage");
    SyntheticStorage.builder().patients(Integer.getInteger("fhir.patients", 8)).seed(13).profile(Profile.REALISTIC)
        .build().generate(storageDir, ProgressListener.NONE);
    Storage storage = Storage.open(storageDir.resolve("storage"));
    FhirExporter exporter = FhirExporter.create(FhirExportOptions.defaults().withFacility("1311234567")
        .withHistory(true));
    Path out = tmp.resolve("out");
    long t0 = System.nanoTime();
    try (ExportSink sink = ExportSink.ndjson(out); Stream<PatientFolder> ps = storage.patients(u -> { })) {
      for (PatientFolder p : (Iterable<PatientFolder>) ps::iterator) {
        sink.write(exporter.export(p.patientId(), p.files()));
      }
      sink.close();
      List<String> errors = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      FhirValidation.Summary s = validation.validateFiles(sink.files(), i -> {
        if (i.issue().severity() == FhirValidation.Severity.ERROR) {
          errors.add(i.file().getFileName() + ":" + i.line() + " " + i.issue());
        } else if (warnings.size() < 400) {
          warnings.add(i.file().getFileName() + ":" + i.line() + " " + i.issue());
        }
      });
      System.err.println(sink.counts() + " " + s + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
      warnings.stream().map(w -> w.replaceAll(":[0-9]+ ", " ")).distinct().limit(60).forEach(System.err::println);
      assertThat(errors).isEmpty();
      assertThat(s.resources()).isGreaterThan(100);
    }
  }
}

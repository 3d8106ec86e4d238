package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.synth.GenerationSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ssmix2 export fhir --validate} on the kind of storage {@code ssmix2 demo} makes (realistic defects, two
 * roots, the teaching patients README's searches find): HAPI's validator reports 0 errors. The demo's own 2,000
 * patients take minutes to validate; the size here is {@code -Dfhir.demo.patients} (default 10), the generator and
 * its seed are the demo's.
 */
class DemoStorageFhirValidationTest {
  @TempDir Path work;

  @Test
  void demoStorageExportValidatesWithoutErrors() throws Exception {
    int patients = Integer.getInteger("fhir.demo.patients", 10);
    GenerationSummary generated = DemoCommand.storage(patients, 7).generate(work.resolve("demo"),
        ProgressListener.none());
    List<String> args = new ArrayList<>(List.of("index", "--index", work.resolve("idx").toString()));
    generated.roots().stream().filter(Files::isDirectory).forEach(r -> args.add(r.toString()));
    CliRun index = CliRun.main(args.toArray(String[]::new));
    assertThat(index.exit()).as(index.err()).isZero();

    Path out = work.resolve("fhir");
    CliRun export = CliRun.main("export", "fhir", "--index", work.resolve("idx").toString(), "--out",
        out.toString(), "--facility", "0412345678", "--history", "--validate");
    assertThat(export.exit()).as(export.err()).isZero();
    // the teaching patients come on top of the asked number
    assertThat(Files.readAllLines(out.resolve("Patient.ndjson")).size()).isGreaterThan(patients);
    assertThat(export.err()).containsPattern("validated [0-9,]+ resources against base R4: 0 errors");
    for (String type : List.of("AllergyIntolerance", "Condition", "MedicationRequest", "Observation", "Encounter")) {
      assertThat(out.resolve(type + ".ndjson")).as(type).isNotEmptyFile();
    }
  }
}

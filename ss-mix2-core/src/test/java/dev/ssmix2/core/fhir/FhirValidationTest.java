package dev.ssmix2.core.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator wrapper: base R4 errors are found, a given package's profile is applied. One validator per kind. */
class FhirValidationTest {

  static FhirValidation base;
  static FhirValidation withIg;
  @TempDir static Path tmp;

  private static final String PATIENT_WITHOUT_BIRTH_DATE = """
      {"resourceType":"Patient","id":"1.ADT-00",
       "meta":{"profile":["http://jpfhir.jp/fhir/core/StructureDefinition/JP_Patient"]},
       "identifier":[{"value":"1"}]}""";

  @BeforeAll
  static void validators() throws Exception {
    base = SharedValidators.base();
    withIg = SharedValidators.withStandInIg();
  }

  @Test
  void baseR4FindsStructuralErrors() {
    List<FhirValidation.Issue> issues = base.validate("{\"resourceType\":\"Observation\",\"id\":\"x\"}");
    assertThat(issues).anyMatch(i -> i.severity() == FhirValidation.Severity.ERROR && i.message().contains("status"));
  }

  @Test
  void unknownProfileIsOnlyAWarningWithoutThePackage() {
    assertThat(base.validate(PATIENT_WITHOUT_BIRTH_DATE))
        .noneMatch(i -> i.severity() == FhirValidation.Severity.ERROR)
        .anyMatch(i -> i.message().contains("JP_Patient"));
  }

  @Test
  void givenPackageIsHonoured() {
    assertThat(withIg.packages()).containsExactly("ssmix2.test.jpcore-standin#0.0.1");
    assertThat(withIg.validate(PATIENT_WITHOUT_BIRTH_DATE))
        .anyMatch(i -> i.severity() == FhirValidation.Severity.ERROR && i.location().contains("Patient"));
    String withBirthDate = PATIENT_WITHOUT_BIRTH_DATE.replace("\"identifier\"", "\"birthDate\":\"1960-01-01\","
        + "\"identifier\"");
    assertThat(withIg.validate(withBirthDate)).noneMatch(i -> i.severity() == FhirValidation.Severity.ERROR);
  }

  @Test
  void notAPackageIsAnIoErrorNamingTheFile() throws IOException {
    Path junk = Files.writeString(tmp.resolve("junk.tgz"), "not a package");
    assertThatThrownBy(() -> FhirValidation.create(List.of(junk)))
        .isInstanceOf(IOException.class).hasMessageContaining("junk.tgz");
  }
}

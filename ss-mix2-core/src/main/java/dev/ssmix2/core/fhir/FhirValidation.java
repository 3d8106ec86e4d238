package dev.ssmix2.core.fhir;

import static com.google.common.base.Preconditions.checkArgument;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * HAPI FHIR's instance validator over base R4, plus the conformance resources (StructureDefinition, ValueSet,
 * CodeSystem …) of FHIR packages the user gives — for example the JP Core package, which the project does not ship.
 * Resources whose {@code meta.profile} names a profile of a loaded package are validated against it too; profiles
 * that are not loaded give a warning, not an error. Code systems the validator does not know (HOT9, JLAC10 …) give
 * warnings.
 *
 * <p>Building one takes seconds (it loads the R4 specification): build it once and share it; {@link #validate} is
 * safe to call from several threads.
 *
 * <p>Needs {@code hapi-fhir-validation} and {@code hapi-fhir-validation-resources-r4} on the class path (optional
 * dependencies of ss-mix2-core).
 */
public final class FhirValidation {


  private final FhirValidator validator;
  private final List<String> packages;

  private FhirValidation(FhirValidator validator, List<String> packages) {
    this.validator = validator;
    this.packages = List.copyOf(packages);
  }

  /** A validator for base R4 and the given FHIR packages ({@code package.tgz} files). */
  public static FhirValidation create(List<Path> packageFiles) throws IOException {
    checkArgument(packageFiles != null, "package files must not be null");
    FhirContext ctx = FhirJson.context();
    List<IValidationSupport> supports = new ArrayList<>();
    supports.add(new DefaultProfileValidationSupport(ctx));
    List<String> names = new ArrayList<>();
    for (Path p : packageFiles) {
      PrePopulatedValidationSupport pkg = new PrePopulatedValidationSupport(ctx);
      names.add(load(ctx, p, pkg));
      supports.add(pkg);
    }
    supports.add(new CommonCodeSystemsTerminologyService(ctx));
    supports.add(new InMemoryTerminologyServerValidationSupport(ctx));
    supports.add(new SnapshotGeneratingValidationSupport(ctx));
    UnknownCodeSystemWarningValidationSupport unknown = new UnknownCodeSystemWarningValidationSupport(ctx);
    unknown.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
    supports.add(unknown);
    FhirInstanceValidator module = new FhirInstanceValidator(new ValidationSupportChain(supports));
    module.setErrorForUnknownProfiles(false);
    FhirValidator validator = ctx.newValidator().registerValidatorModule(module);
    return new FhirValidation(validator, names);
  }

  /** {@code name#version} of each loaded package. */
  public List<String> packages() {
    return packages;
  }

  private static String load(FhirContext ctx, Path file, PrePopulatedValidationSupport into) throws IOException {
    NpmPackage npm;
    try (InputStream in = Files.newInputStream(file)) {
      npm = NpmPackage.fromPackage(in);
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + " is not a readable FHIR package (.tgz with package/package.json): "
          + e.getMessage(), e);
    }
    int loaded = 0;
    for (String name : npm.list("package")) {
      if (!name.endsWith(".json") || name.equals("package.json") || name.startsWith(".")) {
        continue;
      }
      try (InputStream in = npm.load("package", name)) {
        IBaseResource r = ctx.newJsonParser().parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        into.addResource(r);
        loaded++;
      } catch (RuntimeException e) {
        // examples and other non-conformance files of a package are not needed for validation
      }
    }
    if (loaded == 0) {
      throw new IOException(file + " holds no FHIR resources under package/");
    }
    return npm.name() + "#" + npm.version();
  }

  /** Validates one resource (JSON text); the messages of severity warning and above. */
  public List<Issue> validate(String json) {
    ValidationResult result = validator.validateWithResult(json);
    List<Issue> out = new ArrayList<>();
    for (SingleValidationMessage m : result.getMessages()) {
      if (m.getSeverity() != null && m.getSeverity().ordinal() >= ResultSeverityEnum.WARNING.ordinal()) {
        out.add(new Issue(Severity.of(m.getSeverity()), m.getLocationString() == null ? "" : m.getLocationString(),
            m.getMessage()));
      }
    }
    return out;
  }

  /**
   * Validates every resource of written NDJSON files (one per line) or JSON files (one resource each), reporting
   * each resource's issues to {@code onIssue} and counting them.
   */
  public Summary validateFiles(List<Path> files, Consumer<FileIssue> onIssue) throws IOException {
    long resources = 0;
    long errors = 0;
    long warnings = 0;
    for (Path f : files) {
      List<String> docs = new ArrayList<>();
      if (f.getFileName().toString().endsWith(".ndjson")) {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
          String line;
          int n = 0;
          while ((line = r.readLine()) != null) {
            n++;
            if (!line.isBlank()) {
              resources++;
              for (Issue i : validate(line)) {
                errors += i.severity() == Severity.ERROR ? 1 : 0;
                warnings += i.severity() == Severity.WARNING ? 1 : 0;
                onIssue.accept(new FileIssue(f, n, i));
              }
            }
          }
        }
      } else {
        resources++;
        for (Issue i : validate(Files.readString(f, StandardCharsets.UTF_8))) {
          errors += i.severity() == Severity.ERROR ? 1 : 0;
          warnings += i.severity() == Severity.WARNING ? 1 : 0;
          onIssue.accept(new FileIssue(f, 0, i));
        }
      }
    }
    return new Summary(resources, errors, warnings);
  }

  /** How serious a validation message is. */
  public enum Severity {
    WARNING, ERROR;

    static Severity of(ResultSeverityEnum s) {
      return s == ResultSeverityEnum.WARNING ? WARNING : ERROR;
    }
  }

  /** One validator message: severity, FHIRPath location, text. */
  public record Issue(Severity severity, String location, String message) {
    @Override
    public String toString() {
      return severity + " " + location + ": " + message;
    }
  }

  /** A message about the resource on line {@code line} (1-based; 0 for a one-resource file) of {@code file}. */
  public record FileIssue(Path file, int line, Issue issue) {}

  /** Totals of a run. */
  public record Summary(long resources, long errors, long warnings) {}

}

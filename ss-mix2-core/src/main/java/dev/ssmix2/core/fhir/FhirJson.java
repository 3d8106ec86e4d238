package dev.ssmix2.core.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The one R4 {@link FhirContext} of the export: building one scans the whole model (hundreds of milliseconds), and it
 * is thread-safe once built, so it is shared. Parsers are cheap and not thread-safe: one per use.
 */
public final class FhirJson {
  private FhirJson() {}

  private static final class Holder {
    static final FhirContext CONTEXT = FhirContext.forR4Cached();
  }

  static FhirContext context() {
    return Holder.CONTEXT;
  }

  /**
   * Builds the shared R4 context now (a model scan of seconds on a quiet machine), so that the first export does not
   * pay for it: servers call this on a background thread at start.
   */
  public static void warmUp() {
    context().getResourceDefinition("Patient");
  }

  /** A resource as one line of compact JSON (NDJSON). */
  public static String toJson(IBaseResource resource) {
    return parser().encodeResourceToString(resource);
  }

  /** A resource as indented JSON for people (and golden files). */
  public static String toPrettyJson(IBaseResource resource) {
    return parser().setPrettyPrint(true).encodeResourceToString(resource);
  }

  /** A patient's current resources as a {@code collection} Bundle, indented JSON (deletions are left out). */
  public static String toCollectionBundleJson(PatientResources patient) {
    org.hl7.fhir.r4.model.Bundle b = new org.hl7.fhir.r4.model.Bundle()
        .setType(org.hl7.fhir.r4.model.Bundle.BundleType.COLLECTION);
    for (ExportedResource e : patient.current()) {
      b.addEntry().setResource(e.resource());
    }
    return toPrettyJson(b);
  }

  /** Parses a JSON resource. */
  public static IBaseResource parse(String json) {
    return parser().parseResource(json);
  }

  static IParser parser() {
    return context().newJsonParser().setPrettyPrint(false);
  }
}

/**
 * FHIR R4 export on the JP Core profiles, following the SS-MIX2 → FHIR mapping of the JAMI working group (design
 * notes in {@code docs/fhir-mapping.md}).
 *
 * <p>This package needs HAPI FHIR's R4 model ({@code ca.uhn.hapi.fhir:hapi-fhir-structures-r4}), which ss-mix2-core
 * declares as an <em>optional</em> dependency: add it to your own build to use {@link dev.ssmix2.core.fhir.FhirExporter}
 * and, for {@link dev.ssmix2.core.fhir.FhirValidation}, {@code hapi-fhir-validation} and
 * {@code hapi-fhir-validation-resources-r4}. Nothing else in core loads these classes.
 *
 * <pre>{@code
 * FhirExporter exporter = FhirExporter.create(FhirExportOptions.defaults().withFacility("1311234567"));
 * PatientResources r = exporter.export(patientId, storage.files(patientId).toList());
 * r.resources().forEach(e -> System.out.println(e.resourceType() + "/" + e.id()));
 * }</pre>
 */
package dev.ssmix2.core.fhir;

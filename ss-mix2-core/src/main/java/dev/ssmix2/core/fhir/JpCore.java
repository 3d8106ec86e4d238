package dev.ssmix2.core.fhir;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Canonical URLs of the JP Core profiles and the code-system URIs the export writes (see docs/fhir-mapping.md). */
final class JpCore {
  private JpCore() {}

  private static final String SD = "http://jpfhir.jp/fhir/core/StructureDefinition/";
  static final String PATIENT = SD + "JP_Patient";
  static final String ALLERGY = SD + "JP_AllergyIntolerance";
  static final String CONDITION = SD + "JP_Condition";
  static final String MEDICATION_REQUEST = SD + "JP_MedicationRequest";
  static final String MEDICATION_REQUEST_INJECTION = SD + "JP_MedicationRequest_Injection";
  static final String MEDICATION = SD + "JP_Medication";
  static final String OBSERVATION_LAB = SD + "JP_Observation_LabResult";
  static final String OBSERVATION_VITAL = SD + "JP_Observation_VitalSigns";
  static final String DIAGNOSTIC_REPORT_LAB = SD + "JP_DiagnosticReport_LabResult";
  static final String SPECIMEN = SD + "JP_Specimen";
  static final String ENCOUNTER = SD + "JP_Encounter";

  /** Name representation of ISO 21090 (IDE ideographic, SYL syllabic, ABC alphabetic). */
  static final String EN_REPRESENTATION = "http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation";

  /** Patient ID of a facility: this root followed by {@code 1} and the 10-digit 医療機関コード. */
  static final String PATIENT_ID_ROOT = "urn:oid:1.2.392.100495.20.3.51.";
  /** RP number (ORC-4) of a prescription. */
  static final String RP_NUMBER = "urn:oid:1.2.392.100495.20.3.81";

  static final String HOT9 = "urn:oid:1.2.392.200119.4.403.1";
  static final String HOT7 = "urn:oid:1.2.392.200119.4.403.2";
  static final String HOT13 = "urn:oid:1.2.392.200119.4.402.1";
  static final String YJ = "urn:oid:1.2.392.100495.20.2.73";
  static final String JLAC10 = "urn:oid:1.2.392.200119.4.504";
  static final String MEDIS_DISEASE = "urn:oid:1.2.392.200119.4.101.2";
  static final String ICD10 = "http://jpfhir.jp/fhir/core/mhlw/CodeSystem/ICD10-2013-full";
  static final String JAMI_USAGE = "urn:oid:1.2.392.200250.2.2.20.20";
  static final String ROUTE_HL70162 = "urn:oid:1.2.392.100495.20.2.34";
  static final String MERIT9_UNIT = "urn:oid:1.2.392.100495.20.2.101";
  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";

  /**
   * SS-MIX2 coding-system names (the third component of a CWE) with a published URI. Anything else is a local code
   * and is written without a system (its text is kept).
   */
  private static final Map<String, String> SYSTEMS = Map.ofEntries(
      Map.entry("HOT9", HOT9),
      Map.entry("HOT7", HOT7),
      Map.entry("HOT13", HOT13),
      Map.entry("HOT", HOT9),
      Map.entry("YJ", YJ),
      Map.entry("JC10", JLAC10),
      Map.entry("MDCDX2", MEDIS_DISEASE),
      Map.entry("I10", ICD10),
      Map.entry("JAMISDP01", JAMI_USAGE),
      Map.entry("HL70162", ROUTE_HL70162),
      Map.entry("MR9P", MERIT9_UNIT),
      Map.entry("LN", LOINC));

  /** The URI of an SS-MIX2 coding-system name, if it has a published one. */
  static Optional<String> system(String ssmix2Name) {
    return Optional.ofNullable(SYSTEMS.get(ssmix2Name.strip().toUpperCase(Locale.ROOT)));
  }
}

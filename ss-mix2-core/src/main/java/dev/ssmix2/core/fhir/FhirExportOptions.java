package dev.ssmix2.core.fhir;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to export.
 *
 * @param facility the facility's 10-digit 医療機関コード (都道府県 2 + 点数表 1 + 機関 7), which makes the patient
 *     identifier system {@code urn:oid:1.2.392.100495.20.3.51.1<code>}. SS-MIX2 files do not carry it reliably
 *     (MSH-4 is often a system name), so it is given, not guessed; without it the identifier has a value only.
 * @param history whether superseded (flag 2) and deleted (flag 0) versions are exported too, as deletions of the
 *     resources they had produced
 */
public record FhirExportOptions(Optional<String> facility, boolean history) {

  private static final Pattern FACILITY = Pattern.compile("[0-9]{10}");

  public FhirExportOptions {
    checkNotNull(facility, "facility must not be null; use Optional.empty()");
    facility.ifPresent(f -> checkArgument(FACILITY.matcher(f).matches(),
        "facility code '%s' must be the 10-digit 医療機関コード (e.g. 1311234567)", f));
  }

  /** No facility code, current versions only. */
  public static FhirExportOptions defaults() {
    return new FhirExportOptions(Optional.empty(), false);
  }

  public FhirExportOptions withFacility(String code) {
    checkNotNull(code, "facility code must not be null");
    return new FhirExportOptions(Optional.of(code), history);
  }

  public FhirExportOptions withHistory(boolean withHistory) {
    return new FhirExportOptions(facility, withHistory);
  }

  /** The identifier system of patient IDs, if the facility is known. */
  Optional<String> patientIdSystem() {
    return facility.map(f -> JpCore.PATIENT_ID_ROOT + "1" + f);
  }
}

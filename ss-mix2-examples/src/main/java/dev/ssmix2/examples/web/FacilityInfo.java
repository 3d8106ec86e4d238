package dev.ssmix2.examples.web;

/**
 * The facility (医療機関) a patient belongs to, as the viewer shows it. JSON: {@code {"code":"0412345678",
 * "name":"仙台医療センター"}}; roots indexed without a facility belong to {@code {"code":"default","name":""}}, whose
 * name the UI does not show.
 *
 * @param code the 10-digit 医療機関コード, or {@code default}
 * @param name the display name, {@code ""} for the default facility
 */
public record FacilityInfo(String code, String name) {
  /** The facility of roots indexed without one. */
  public static final FacilityInfo DEFAULT = new FacilityInfo("default", "");

  public FacilityInfo {
    code = Texts.orEmpty(code);
    name = Texts.orEmpty(name);
  }
}

package dev.ssmix2.index.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The facility (医療機関) a storage belongs to: a patient is known by facility and patient ID, so two hospitals'
 * 0000012345 stay two patients in one index (docs/index-design.md, "Facilities").
 *
 * <p>A registered facility has its 医療機関コード, ten half-width digits, and a display name. Roots indexed without a
 * facility belong to {@link #DEFAULT}, whose code is {@code default} and whose name is empty (nothing names it).
 *
 * @param code the 10-digit 医療機関コード, or {@code default}
 * @param name display name, e.g. 仙台医療センター; {@code ""} only for {@link #DEFAULT}
 */
public record Facility(String code, String name) {

  /** The code of {@link #DEFAULT}. */
  public static final String DEFAULT_CODE = "default";

  /** The facility of roots indexed without one (one storage, one facility). */
  public static final Facility DEFAULT = new Facility(DEFAULT_CODE, "");

  public Facility {
    checkCode(code);
    checkNotNull(name, "facility name must not be null");
    if (code.equals(DEFAULT_CODE)) {
      checkArgument(name.isEmpty(), "the default facility has no name, got '%s'", name);
    } else {
      checkArgument(!name.isBlank(), "facility %s needs a display name, got '%s'", code, name);
      checkArgument(name.codePoints().noneMatch(Character::isISOControl),
          "facility name must not hold control characters, got '%s'", name);
    }
  }

  /**
   * A registered facility: {@code code} must be a 10-digit 医療機関コード (half-width digits), {@code name} its display
   * name. Throws IllegalArgumentException saying what was expected otherwise.
   */
  public static Facility of(String code, String name) {
    checkNotNull(code, "facility code must not be null");
    checkNotNull(name, "facility name must not be null");
    checkArgument(!code.equals(DEFAULT_CODE), "facility code must be the 10-digit 医療機関コード (e.g. 0412345678), "
        + "got '%s'", code);
    return new Facility(code, name.strip());
  }

  /**
   * Throws IllegalArgumentException unless {@code code} is a 10-digit 医療機関コード in half-width digits or
   * {@link #DEFAULT_CODE}; returns it.
   */
  public static String checkCode(String code) {
    checkNotNull(code, "facility code must not be null");
    checkArgument(isCode(code) || code.equals(DEFAULT_CODE),
        "facility code must be the 10-digit 医療機関コード in half-width digits (e.g. 0412345678), got '%s'%s", code,
        code.length() == 10 ? "" : " (" + code.codePointCount(0, code.length()) + " characters)");
    return code;
  }

  private static boolean isCode(String code) {
    if (code.length() != 10) {
      return false;
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether this is {@link #DEFAULT}: roots indexed without a facility. */
  public boolean isDefault() {
    return code.equals(DEFAULT_CODE);
  }

  /** {@code 0412345678 仙台医療センター}, or {@code default}. */
  @Override
  public String toString() {
    return isDefault() ? code : code + " " + name;
  }
}

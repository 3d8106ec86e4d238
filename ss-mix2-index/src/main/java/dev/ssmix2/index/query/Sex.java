package dev.ssmix2.index.query;

/** Administrative sex (性別) typed in a query; {@link #code()} is the HL7 table 0001 value. */
public enum Sex {
  MALE("M"),
  FEMALE("F");

  private final String code;

  Sex(String code) {
    this.code = code;
  }

  /** "M" or "F". */
  public String code() {
    return code;
  }
}

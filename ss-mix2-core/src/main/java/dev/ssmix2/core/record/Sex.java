package dev.ssmix2.core.record;

/** PID-8 administrative sex (HL7 table 0001). */
public enum Sex {
  MALE("M", "男"),
  FEMALE("F", "女"),
  OTHER("O", "その他"),
  UNKNOWN("U", "不明");

  private final String code;
  private final String japanese;

  Sex(String code, String japanese) {
    this.code = code;
    this.japanese = japanese;
  }

  public String code() {
    return code;
  }

  public String japanese() {
    return japanese;
  }

  /** The sex for a PID-8 value; anything unrecognised (including A, N, empty) is {@link #UNKNOWN}. */
  public static Sex ofCode(String code) {
    if (code != null) {
      switch (code.strip().toUpperCase(java.util.Locale.ROOT)) {
        case "M": return MALE;
        case "F": return FEMALE;
        case "O": return OTHER;
        default: break;
      }
    }
    return UNKNOWN;
  }
}

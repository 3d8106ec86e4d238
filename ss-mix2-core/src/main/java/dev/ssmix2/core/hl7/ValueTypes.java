package dev.ssmix2.core.hl7;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * HL7 data types of a value (OBX-2, or a field's declared type) and whether a field's text fits one.
 *
 * <pre>{@code
 * Segment obx = ...;  // OBX|1|ST|2A010000001930901^白血球数^JC10||500×10^4|/μL
 * ValueTypes.ambiguity("ST", obx.field(5));
 * // Optional[the value holds the component separator '^', so it splits into parts; …]
 * }</pre>
 */
public final class ValueTypes {
  private ValueTypes() {}

  /** True for the types whose value is one piece of text (NM, ST, TX, FT, DT, TM, TS, DTM, ID, IS, SI). */
  public static boolean isPrimitive(String type) {
    checkNotNull(type, "type");
    return switch (type.strip()) {
      case "NM", "ST", "TX", "FT", "DT", "TM", "TS", "DTM", "ID", "IS", "SI" -> true;
      default -> false;
    };
  }

  /**
   * Why {@code field} cannot be read unambiguously as a value of {@code type}, if it cannot: for a primitive type,
   * the reasons of {@link Field#ambiguity()}, and for NM also a value sent as several repetitions. Composite types
   * (CWE, SN, CE …) and unknown types are not judged here: their components are legitimate.
   */
  public static Optional<String> ambiguity(String type, Field field) {
    checkNotNull(type, "type");
    checkNotNull(field, "field");
    String t = type.strip();
    if (!isPrimitive(t) || field.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> reason = field.ambiguity();
    if (reason.isEmpty() && t.equals("NM") && field.repetitionCount() > 1) {
      reason = Optional.of("a numeric (NM) value sent as " + field.repetitionCount() + " repetitions");
    }
    return reason;
  }
}

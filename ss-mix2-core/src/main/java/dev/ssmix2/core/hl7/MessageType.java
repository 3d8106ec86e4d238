package dev.ssmix2.core.hl7;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * MSH-9 message type, e.g. {@code ADT^A08^ADT_A01}. Absent components are empty strings; SS-MIX2 samples often omit
 * the structure ({@code RDE^O11}) and PPR^ZD1 has no standard structure at all.
 *
 * @param code MSG.1 message code, e.g. {@code ADT}
 * @param trigger MSG.2 trigger event, e.g. {@code A08}
 * @param structure MSG.3 message structure, e.g. {@code ADT_A01}, or empty
 */
public record MessageType(String code, String trigger, String structure) {
  public MessageType {
    checkNotNull(code, "code");
    checkNotNull(trigger, "trigger");
    checkNotNull(structure, "structure");
  }

  /** {@code code^trigger} (without the structure), e.g. {@code ADT^A08}. */
  public String event() {
    return code + "^" + trigger;
  }

  @Override
  public String toString() {
    return structure.isEmpty() ? event() : event() + "^" + structure;
  }
}

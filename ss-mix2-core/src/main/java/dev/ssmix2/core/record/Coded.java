package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkArgument;

import dev.ssmix2.core.hl7.Field;

/**
 * A coded element (CWE/CE) as SS-MIX2 writes it: {@code code^text^system[^altCode^altText^altSystem]}, e.g.
 * {@code 108665201^ダーゼン錠（５mg)^HOT9}. Absent parts are empty strings, never null. Text is kept as stored.
 */
public record Coded(String code, String text, String system, String altCode, String altText, String altSystem) {

  /** No code at all. */
  public static final Coded EMPTY = new Coded("", "", "", "", "", "");

  public Coded {
    checkArgument(code != null && text != null && system != null && altCode != null && altText != null
        && altSystem != null, "coded element parts must not be null; use \"\" for an absent part");
  }

  /** A code without an alternate. */
  public static Coded of(String code, String text, String system) {
    return new Coded(code, text, system, "", "", "");
  }

  /** The first repetition of a CWE/CE field. */
  public static Coded of(Field field) {
    return of(field, 0);
  }

  /** Repetition {@code rep} (0-based) of a CWE/CE field. */
  public static Coded of(Field field, int rep) {
    return new Coded(field.component(rep, 1), field.component(rep, 2), field.component(rep, 3),
        field.component(rep, 4), field.component(rep, 5), field.component(rep, 6));
  }

  /**
   * A code written as subcomponents of one component, e.g. TQ1-3 {@code 1013044400000000&内服…&JAMISDP01} or the unit
   * in RXE-19 {@code 3^TAB&錠&MR9P}.
   */
  public static Coded ofSubcomponents(Field field, int component) {
    return of(field.subcomponent(0, component, 1), field.subcomponent(0, component, 2),
        field.subcomponent(0, component, 3));
  }

  public boolean isEmpty() {
    return code.isEmpty() && text.isEmpty() && altCode.isEmpty() && altText.isEmpty();
  }

  /** What a person should read: the text, else the alternate text, else the code, else the alternate code. */
  public String display() {
    if (!text.isBlank()) {
      return text;
    }
    if (!altText.isBlank()) {
      return altText;
    }
    return code.isBlank() ? altCode : code;
  }

  /** The code of the given coding system, looking at both the primary and the alternate triplet. */
  public java.util.Optional<String> codeIn(String codingSystem) {
    if (system.equalsIgnoreCase(codingSystem) && !code.isEmpty()) {
      return java.util.Optional.of(code);
    }
    if (altSystem.equalsIgnoreCase(codingSystem) && !altCode.isEmpty()) {
      return java.util.Optional.of(altCode);
    }
    return java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return system.isEmpty() ? code + "^" + text : code + "^" + text + "^" + system;
  }
}

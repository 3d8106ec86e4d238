package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.hl7.Field;
import java.util.List;

/**
 * A coded element (CWE/CE) as SS-MIX2 writes it: {@code code^text^system[^altCode^altText^altSystem]}, e.g.
 * {@code 108665201^ダーゼン錠（５mg)^HOT9}. Absent parts are empty strings, never null. Text is kept as stored.
 *
 * <p>Some senders qualify a code or its text with subcomponents: ECG results carry {@code 58368&7^R 振幅&V5} (the
 * amplitude of R <em>in lead V5</em>) or {@code 59136^QTc 時間&Bazzet} (QTc <em>by Bazett's formula</em>). The
 * subcomponents after the first are kept as qualifiers, and {@link #display()} shows the text ones: {@code R 振幅 (V5)}.
 *
 * @param codeQualifiers the subcomponents after the first of the identifier (component 1), e.g. {@code [7]}
 * @param textQualifiers the subcomponents after the first of the text (component 2), e.g. {@code [V5]}
 */
public record Coded(String code, String text, String system, String altCode, String altText, String altSystem,
    List<String> codeQualifiers, List<String> textQualifiers) {

  /** No code at all. */
  public static final Coded EMPTY = new Coded("", "", "", "", "", "");

  public Coded {
    checkNotNull(code, "code must not be null; use \"\" for an absent part");
    checkNotNull(text, "text must not be null; use \"\" for an absent part");
    checkNotNull(system, "system must not be null; use \"\" for an absent part");
    checkNotNull(altCode, "altCode must not be null; use \"\" for an absent part");
    checkNotNull(altText, "altText must not be null; use \"\" for an absent part");
    checkNotNull(altSystem, "altSystem must not be null; use \"\" for an absent part");
    checkNotNull(codeQualifiers, "codeQualifiers must not be null; use an empty list");
    checkNotNull(textQualifiers, "textQualifiers must not be null; use an empty list");
    codeQualifiers = List.copyOf(codeQualifiers);
    textQualifiers = List.copyOf(textQualifiers);
  }

  /** A coded element without qualifiers. */
  public Coded(String code, String text, String system, String altCode, String altText, String altSystem) {
    this(code, text, system, altCode, altText, altSystem, List.of(), List.of());
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
        field.component(rep, 4), field.component(rep, 5), field.component(rep, 6), qualifiers(field, rep, 1),
        qualifiers(field, rep, 2));
  }

  /** Subcomponents 2… of one component, without trailing empties. */
  private static List<String> qualifiers(Field field, int rep, int component) {
    if (!field.hasSubcomponents()) {
      return List.of(); // nearly every coded element: no subcomponent anywhere in the field
    }
    List<String> subs = field.subcomponents(rep, component);
    int n = subs.size();
    while (n > 1 && subs.get(n - 1).isBlank()) {
      n--;
    }
    return n <= 1 ? List.of() : subs.subList(1, n);
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

  /**
   * What a person should read: the text with its qualifiers ({@code R 振幅 (V5)}), else the alternate text, else the
   * code, else the alternate code.
   */
  public String display() {
    if (!text.isBlank()) {
      List<String> q = textQualifiers.stream().filter(s -> !s.isBlank()).map(String::strip).toList();
      return q.isEmpty() ? text : text + " (" + String.join(", ", q) + ")";
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

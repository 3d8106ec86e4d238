package dev.ssmix2.core.hl7;

/**
 * Where the repetitions and components of one field lie in the text that holds it, found in one pass.
 *
 * <p>Reading every component of a field used to split its text again on each access (quadratic in the component
 * count, one substring per level). A layout is the field's separator positions kept as offsets in one {@code int[]},
 * so each access is an array lookup and the only copy made is the value asked for.
 *
 * <p>{@code marks} holds {@code R + 1} entries giving, for each repetition, the index of its first component (the last
 * entry is the component count {@code K}), then {@code K} entries giving where each component starts in the text.
 * Component {@code k} ends one character before component {@code k + 1} starts (that character is the component or
 * repetition separator); the last one ends where the field ends. Subcomponents are not indexed: they are rare, and a
 * component is short, so scanning it when one is asked for is cheaper than keeping their offsets for every field.
 *
 * <p>Immutable; its fields are final, so a {@link Field} may cache it without synchronization (a racing reader at worst
 * computes an equal layout again).
 */
final class FieldLayout {
  private final int[] marks;
  private final int repetitions;
  private final int end;
  private final boolean hasEscape;
  private final boolean hasSubcomponent;

  private FieldLayout(int[] marks, int repetitions, int end, boolean hasEscape, boolean hasSubcomponent) {
    this.marks = marks;
    this.repetitions = repetitions;
    this.end = end;
    this.hasEscape = hasEscape;
    this.hasSubcomponent = hasSubcomponent;
  }

  /**
   * The layout of {@code text[start, end)} split on the repetition and component separators of {@code enc}. Scanning
   * char by char is code-point safe: delimiters are never surrogates (see {@link EncodingCharacters}), so they cannot
   * match half of a surrogate pair.
   */
  static FieldLayout of(String text, int start, int end, EncodingCharacters enc) {
    // Both passes read a copy: String.charAt's coder test and bounds check cost more than the copy.
    char[] chars = new char[end - start];
    text.getChars(start, end, chars, 0);
    return of(chars, start, start, end, enc);
  }

  /**
   * The layout of {@code text[start, end)} read from a copy of the text that holds it: {@code chars[i - base]} is the
   * character at index {@code i} of the text. A segment copies its line once to find its fields and hands the copy to
   * them, so a field's layout needs no copy of its own.
   */
  static FieldLayout of(char[] chars, int base, int start, int end, EncodingCharacters enc) {
    char repetition = enc.repetition();
    char component = enc.component();
    char escape = enc.escape();
    char subcomponent = enc.subcomponent();
    if (start == end) {
      return new FieldLayout(new int[] {0}, 0, end, false, false);
    }
    int from = start - base;
    int to = end - base;
    int reps = 1;
    int components = 1;
    boolean hasEscape = false;
    boolean hasSubcomponent = false;
    for (int j = from; j < to; j++) {
      char c = chars[j];
      if (c == component) {
        components++;
      } else if (c == repetition) {
        reps++;
        components++;
      } else if (c == escape) {
        hasEscape = true;
      } else if (c == subcomponent) {
        hasSubcomponent = true;
      }
    }
    int[] marks = new int[reps + 1 + components];
    int first = reps + 1;
    marks[reps] = components;
    marks[first] = start;
    if (components > 1) {
      int r = 1;
      int k = 1;
      for (int j = from; j < to; j++) {
        char c = chars[j];
        if (c == component) {
          marks[first + k++] = base + j + 1;
        } else if (c == repetition) {
          marks[r++] = k;
          marks[first + k++] = base + j + 1;
        }
      }
    }
    return new FieldLayout(marks, reps, end, hasEscape, hasSubcomponent);
  }

  /** Number of repetitions; 0 only for an empty field. */
  int repetitionCount() {
    return repetitions;
  }

  /** Number of components of repetition {@code rep} (0-based), counting an empty repetition as one empty component. */
  int componentCount(int rep) {
    return rep < repetitions ? marks[rep + 1] - marks[rep] : 0;
  }

  /** Global index of component {@code c} (1-based) of repetition {@code rep} (0-based), or -1 if there is none. */
  int componentIndex(int rep, int c) {
    if (rep >= repetitions) {
      return -1;
    }
    int k = marks[rep] + c - 1;
    return k < marks[rep + 1] ? k : -1;
  }

  /** Where component {@code k} (a {@link #componentIndex}) starts in the text. */
  int componentStart(int k) {
    return marks[repetitions + 1 + k];
  }

  /** Where component {@code k} (a {@link #componentIndex}) ends in the text, exclusive. */
  int componentEnd(int k) {
    return k + 1 < marks[repetitions] ? marks[repetitions + 2 + k] - 1 : end;
  }

  /** Where repetition {@code rep} (0-based, < {@link #repetitionCount()}) starts in the text. */
  int repetitionStart(int rep) {
    return componentStart(marks[rep]);
  }

  /** Where repetition {@code rep} (0-based, < {@link #repetitionCount()}) ends in the text, exclusive. */
  int repetitionEnd(int rep) {
    return componentEnd(marks[rep + 1] - 1);
  }

  /** Whether the field contains the escape character anywhere; if not, no value needs unescaping. */
  boolean hasEscape() {
    return hasEscape;
  }

  /** Whether the field contains the subcomponent separator anywhere; if not, every component is one subcomponent. */
  boolean hasSubcomponent() {
    return hasSubcomponent;
  }
}

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
    if (start == end) {
      return new FieldLayout(new int[] {0}, 0, end, false, false);
    }
    // Both passes read a copy: String.charAt's coder test and bounds check cost more than the copy.
    char[] chars = new char[end - start];
    text.getChars(start, end, chars, 0);
    return of(chars, start, start, end, enc);
  }

  /**
   * The layout of {@code text[start, end)} read from {@code chars}, a copy of the text from position {@code offset}
   * on ({@code chars[i - offset] == text.charAt(i)}): a segment that has already copied its line for finding its
   * fields hands that copy on, so that no field copies its text again.
   */
  static FieldLayout of(char[] chars, int offset, int start, int end, EncodingCharacters enc) {
    return of(chars, offset, start, end, enc, shape(chars, start - offset, end - offset, enc));
  }

  /**
   * As {@link #of(char[], int, int, int, EncodingCharacters)}, with the field's {@link #shape shape} already known
   * (the segment finds it while looking for its field separators), so the text is read once instead of twice.
   */
  static FieldLayout of(char[] chars, int offset, int start, int end, EncodingCharacters enc, long shape) {
    if (start == end) {
      return new FieldLayout(new int[] {0}, 0, end, false, false);
    }
    int reps = repetitions(shape);
    int components = components(shape);
    int[] marks = new int[reps + 1 + components];
    int base = reps + 1;
    marks[reps] = components;
    marks[base] = start;
    if (components > 1) {
      char repetition = enc.repetition();
      char component = enc.component();
      int r = 1;
      int k = 1;
      for (int j = start - offset, to = end - offset; j < to; j++) {
        char c = chars[j];
        if (c == component) {
          marks[base + k++] = offset + j + 1;
        } else if (c == repetition) {
          marks[r++] = k;
          marks[base + k++] = offset + j + 1;
        }
      }
    }
    return new FieldLayout(marks, reps, end, (shape & ESCAPE) != 0, (shape & SUBCOMPONENT) != 0);
  }

  // A field's shape packed in a long: its component count (all repetitions) in bits 0-30, its repetition count in
  // bits 31-61, and whether it holds an escape or a subcomponent separator in bits 62 and 63. Both counts are at most
  // the text length + 1, which a Java string keeps under 2^31.
  static final long ESCAPE = 1L << 62;
  static final long SUBCOMPONENT = 1L << 63;
  private static final long COUNT_MASK = (1L << 31) - 1;

  /** The shape of a field of {@code components} components in {@code reps} repetitions, with its two flags. */
  static long shape(int reps, int components, boolean hasEscape, boolean hasSubcomponent) {
    return components | ((long) reps << 31) | (hasEscape ? ESCAPE : 0) | (hasSubcomponent ? SUBCOMPONENT : 0);
  }

  /** The shape of the non-empty field {@code chars[from, to)}. */
  static long shape(char[] chars, int from, int to, EncodingCharacters enc) {
    ShapeCounter counter = new ShapeCounter(enc);
    for (int j = from; j < to; j++) {
      counter.add(chars[j]);
    }
    return counter.shapeAndReset();
  }

  /**
   * Counts one field's components and repetitions, and notes escapes and subcomponent separators, one character at a
   * time: a field's own count, and the segment's scan, which counts every field while it looks for field separators.
   */
  static final class ShapeCounter {
    private final char component;
    private final char repetition;
    private final char escape;
    private final char subcomponent;
    private int reps = 1;
    private int components = 1;
    private boolean hasEscape;
    private boolean hasSubcomponent;

    ShapeCounter(EncodingCharacters enc) {
      this.component = enc.component();
      this.repetition = enc.repetition();
      this.escape = enc.escape();
      this.subcomponent = enc.subcomponent();
    }

    void add(char c) {
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

    /** The shape of the characters added since the last call; then starts counting the next field. */
    long shapeAndReset() {
      long shape = shape(reps, components, hasEscape, hasSubcomponent);
      reps = 1;
      components = 1;
      hasEscape = false;
      hasSubcomponent = false;
      return shape;
    }
  }

  /** Whether a shape is one repetition of one component. */
  static boolean isSingleValue(long shape) {
    return (shape & ~(ESCAPE | SUBCOMPONENT)) == SINGLE_VALUE;
  }

  static boolean hasEscape(long shape) {
    return (shape & ESCAPE) != 0;
  }

  static boolean hasSubcomponent(long shape) {
    return (shape & SUBCOMPONENT) != 0;
  }

  private static final long SINGLE_VALUE = shape(1, 1, false, false);

  private static int components(long shape) {
    return (int) (shape & COUNT_MASK);
  }

  private static int repetitions(long shape) {
    return (int) ((shape >>> 31) & COUNT_MASK);
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

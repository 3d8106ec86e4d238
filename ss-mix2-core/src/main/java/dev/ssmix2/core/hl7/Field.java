package dev.ssmix2.core.hl7;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable view of one field (or one repetition of a field) of a segment. Splitting happens on demand.
 *
 * <p>Numbering follows HAPI's {@code Terser}: <b>repetitions are 0-based</b>, <b>components and subcomponents are
 * 1-based</b>. Anything beyond what the message contains is the empty string, because HL7 omits trailing empty
 * parts. Like the Terser, {@link #component(int, int)} returns the <em>first subcomponent</em> of that component; use
 * {@link #subcomponent(int, int, int)} for the others and {@link #rawComponent(int, int)} for the whole text.
 *
 * <p>Values are returned unescaped ({@code \F\ \S\ \T\ \R\ \E\} become delimiters, {@code \Xhh\} is decoded,
 * formatting escapes are dropped); {@link #raw()} keeps the escaped text. The HL7 explicit null {@code ""} is returned
 * as the two quote characters, exactly as HAPI does; test it with {@link #isNull()}.
 *
 * <pre>{@code
 * Field name = message.segment("PID").orElseThrow().field(5);  // 患者^太郎^^^^^L^I~カンジャ^タロウ^^^^^L^P
 * name.repetitionCount();   // 2
 * name.component(1);        // 患者
 * name.component(1, 2);     // タロウ
 * name.component(1, 8);     // P
 * }</pre>
 */
public final class Field {
  private static final Field EMPTY_DEFAULT = new Field("", EncodingCharacters.DEFAULT, false);

  private final String raw;
  private final EncodingCharacters enc;
  /** MSH-1 and MSH-2 hold delimiters themselves and must never be split or unescaped. */
  private final boolean literal;

  Field(String raw, EncodingCharacters enc, boolean literal) {
    this.raw = checkNotNull(raw, "raw");
    this.enc = checkNotNull(enc, "enc");
    this.literal = literal;
  }

  static Field empty(EncodingCharacters enc) {
    return enc.equals(EncodingCharacters.DEFAULT) ? EMPTY_DEFAULT : new Field("", enc, false);
  }

  /** The field text exactly as in the message, escapes and delimiters included. */
  public String raw() {
    return raw;
  }

  /** True when the field is absent or has no text (HL7 "not present"). */
  public boolean isEmpty() {
    return raw.isEmpty();
  }

  /** True for the HL7 explicit null {@code ""}, which means "delete this value" and is distinct from empty. */
  public boolean isNull() {
    return raw.equals("\"\"");
  }

  /** Number of repetitions; 0 for an empty field. */
  public int repetitionCount() {
    if (raw.isEmpty()) {
      return 0;
    }
    return literal ? 1 : count(raw, enc.repetition());
  }

  /** All repetitions, in order; empty for an empty field. */
  public List<Field> repetitions() {
    int n = repetitionCount();
    ImmutableList.Builder<Field> reps = ImmutableList.builderWithExpectedSize(n);
    for (int i = 0; i < n; i++) {
      reps.add(repetition(i));
    }
    return reps.build();
  }

  /** Repetition {@code rep} (0-based) as a field of its own; empty if the field has fewer repetitions. */
  public Field repetition(int rep) {
    checkArgument(rep >= 0, "repetition index is 0-based and must be >= 0, got %s", rep);
    if (literal) {
      return rep == 0 ? this : empty(enc);
    }
    if (rep == 0 && raw.indexOf(enc.repetition()) < 0) {
      return this;
    }
    String text = piece(raw, enc.repetition(), rep);
    return text.isEmpty() ? empty(enc) : new Field(text, enc, false);
  }

  /** Component {@code c} (1-based) of the first repetition, unescaped; see {@link #component(int, int)}. */
  public String component(int c) {
    return component(0, c);
  }

  /** The first subcomponent of component {@code c} (1-based) of repetition {@code rep} (0-based), unescaped. */
  public String component(int rep, int c) {
    return subcomponent(rep, c, 1);
  }

  /** Subcomponent {@code s} of component {@code c} of repetition {@code rep}, unescaped (rep 0-based, c/s 1-based). */
  public String subcomponent(int rep, int c, int s) {
    checkArgument(s >= 1, "subcomponent number is 1-based and must be >= 1, got %s", s);
    String component = rawComponent(rep, c);
    if (literal) {
      return s == 1 ? component : "";
    }
    return Escaping.unescape(piece(component, enc.subcomponent(), s - 1), enc);
  }

  /** Component {@code c} (1-based) of repetition {@code rep} (0-based) as raw text, subcomponents and escapes kept. */
  public String rawComponent(int rep, int c) {
    checkArgument(rep >= 0, "repetition index is 0-based and must be >= 0, got %s", rep);
    checkArgument(c >= 1, "component number is 1-based and must be >= 1, got %s", c);
    if (literal) {
      return rep == 0 && c == 1 ? raw : "";
    }
    String repetition = piece(raw, enc.repetition(), rep);
    return piece(repetition, enc.component(), c - 1);
  }

  /** Number of components in repetition {@code rep} (0-based); 0 if that repetition is empty. */
  public int componentCount(int rep) {
    checkArgument(rep >= 0, "repetition index is 0-based and must be >= 0, got %s", rep);
    String repetition = literal ? (rep == 0 ? raw : "") : piece(raw, enc.repetition(), rep);
    if (repetition.isEmpty()) {
      return 0;
    }
    return literal ? 1 : count(repetition, enc.component());
  }

  /** The first subcomponent of the first component of the first repetition, unescaped: the field's plain value. */
  public String value() {
    return subcomponent(0, 1, 1);
  }

  /** Piece {@code index} (0-based) of {@code text} split on {@code sep}, or "" if there are fewer pieces. */
  static String piece(String text, char sep, int index) {
    int start = 0;
    for (int i = 0; i < index; i++) {
      int next = text.indexOf(sep, start);
      if (next < 0) {
        return "";
      }
      start = next + 1;
    }
    int end = text.indexOf(sep, start);
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }

  private static int count(String text, char sep) {
    int n = 1;
    for (int i = text.indexOf(sep); i >= 0; i = text.indexOf(sep, i + 1)) {
      n++;
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Field other
        && raw.equals(other.raw)
        && enc.equals(other.enc)
        && literal == other.literal;
  }

  @Override
  public int hashCode() {
    return Objects.hash(raw, enc, literal);
  }

  /** The raw text. */
  @Override
  public String toString() {
    return raw;
  }
}

package dev.ssmix2.core.hl7;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkPositionIndexes;

import com.google.common.collect.ImmutableList;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An immutable view of one field (or one repetition of a field) of a segment. The field's separators are found once,
 * on first access, and kept as offsets; each value is copied out of the segment text only when it is asked for.
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
 * <p>Safe to share between threads: the offsets are cached without locking, but a racing reader at worst computes
 * them again.
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
  private static final Field EMPTY_DEFAULT = new Field("", EncodingCharacters.DEFAULT, null, false);

  /** The text holding this field (usually the whole segment line): a field is a view, its text is not copied. */
  private final String source;
  private final int start;
  private final int end;
  private final EncodingCharacters enc;
  /** The charset the message was decoded with, for {@code \Xhh\}; null when unknown (then detected per escape). */
  private final Charset charset;
  /** MSH-1 and MSH-2 hold delimiters themselves and must never be split or unescaped. */
  private final boolean literal;
  /**
   * The segment's copy of its line, or null: {@code chars[i - base]} is {@code source.charAt(i)}. Set for fields cut
   * out of a segment, whose layout is then found without copying the field again.
   */
  private final char @Nullable [] chars;
  private final int base;
  // Both caches below are filled on first use without locking, like String.hash: String and FieldLayout are immutable
  // with final fields, so a reader that races the first writer sees either null (and computes an equal value) or a
  // complete object.
  private String raw;
  private FieldLayout layout;

  Field(String raw, EncodingCharacters enc, boolean literal) {
    this(raw, enc, null, literal);
  }

  Field(String source, int start, int end, EncodingCharacters enc, boolean literal) {
    this(source, start, end, enc, null, literal);
  }

  Field(String raw, EncodingCharacters enc, Charset charset, boolean literal) {
    this(raw, 0, checkNotNull(raw, "raw").length(), enc, charset, literal);
    this.raw = raw;
  }

  /** The field {@code source[start, end)}; {@code source} is kept, not copied. */
  Field(String source, int start, int end, EncodingCharacters enc, Charset charset, boolean literal) {
    this(source, start, end, enc, charset, literal, null, 0);
  }

  /**
   * The field {@code source[start, end)} of a segment whose line was copied into {@code chars} ({@code chars[i - base]}
   * is {@code source.charAt(i)}); neither is copied.
   */
  Field(String source, int start, int end, EncodingCharacters enc, Charset charset, boolean literal,
      char @Nullable [] chars, int base) {
    this.source = checkNotNull(source, "source");
    checkPositionIndexes(start, end, source.length());
    this.start = start;
    this.end = end;
    this.enc = checkNotNull(enc, "enc");
    this.charset = charset;
    this.literal = literal;
    this.chars = chars;
    this.base = base;
  }

  static Field empty(EncodingCharacters enc) {
    // Identity first: a record's generated equals is slow enough to show in a profile of reading every field.
    return enc == EncodingCharacters.DEFAULT || enc.equals(EncodingCharacters.DEFAULT)
        ? EMPTY_DEFAULT
        : new Field("", enc, null, false);
  }

  /**
   * Why this field cannot be read unambiguously as one primitive value (ST, NM, TX, DT …), if it cannot: it holds a
   * component or subcomponent separator (typically a {@code ^} the sender did not escape as {@code \S\}, as in
   * {@code 500×10^4}), an escape character without its partner, an unknown escape, or {@code \Xhh\} bytes that do not
   * decode in the message's charset. Repetitions are not a problem here; whoever needs a single value checks
   * {@link #repetitionCount()}. A reader that gets a reason should keep {@link #raw()} and show it marked, never a
   * parsed part of it.
   */
  public Optional<String> ambiguity() {
    if (literal || isEmpty()) {
      return Optional.empty();
    }
    for (int i = start; i < end; i++) {
      char c = source.charAt(i);
      if (c == enc.component() || c == enc.subcomponent()) {
        String name = c == enc.component() ? "component" : "subcomponent";
        String escape = c == enc.component() ? "S" : "T";
        return Optional.of("the value holds the " + name + " separator '" + c + "', so it splits into parts; the"
            + " sender probably meant the character itself (escaped it would read " + enc.escape() + escape
            + enc.escape() + ")");
      }
    }
    return Escaping.problem(raw(), enc, charset);
  }

  /**
   * The first escape sequence of this field that is not a valid HL7 escape (see {@link Hl7Message#firstInvalidEscape()}),
   * abbreviated; empty when every escape is valid, and for MSH-1/MSH-2, which hold the delimiters themselves.
   */
  public Optional<String> firstInvalidEscape() {
    return literal ? Optional.empty() : Optional.ofNullable(Escaping.firstInvalid(raw(), enc));
  }

  /** The field text exactly as in the message, escapes and delimiters included. */
  public String raw() {
    String r = raw;
    if (r == null) {
      r = source.substring(start, end);
      raw = r;
    }
    return r;
  }

  /** True when the field is absent or has no text (HL7 "not present"). */
  public boolean isEmpty() {
    return start == end;
  }

  /** True for the HL7 explicit null {@code ""}, which means "delete this value" and is distinct from empty. */
  public boolean isNull() {
    return end - start == 2 && source.charAt(start) == '"' && source.charAt(start + 1) == '"';
  }

  /** Number of repetitions; 0 for an empty field. */
  public int repetitionCount() {
    if (isEmpty()) {
      return 0;
    }
    return literal ? 1 : layout().repetitionCount();
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
    FieldLayout l = layout();
    if (rep == 0 && l.repetitionCount() <= 1) {
      return this;
    }
    if (rep >= l.repetitionCount()) {
      return empty(enc);
    }
    int from = l.repetitionStart(rep);
    int to = l.repetitionEnd(rep);
    return from == to ? empty(enc) : new Field(source, from, to, enc, charset, false, chars, base);
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
    checkIndexes(rep, c);
    if (literal) {
      return s == 1 ? rawComponent(rep, c) : "";
    }
    FieldLayout l = layout();
    int k = l.componentIndex(rep, c);
    if (k < 0) {
      return "";
    }
    int from = l.componentStart(k);
    int to = l.componentEnd(k);
    if (l.hasSubcomponent()) {
      char sep = enc.subcomponent();
      for (int i = 1; i < s; i++) {
        int next = indexOf(sep, from, to);
        if (next < 0) {
          return "";
        }
        from = next + 1;
      }
      int next = indexOf(sep, from, to);
      if (next >= 0) {
        to = next;
      }
    } else if (s > 1) {
      return "";
    }
    if (from == to) {
      return "";
    }
    String value = source.substring(from, to);
    return l.hasEscape() ? Escaping.unescape(value, enc, charset) : value;
  }

  /**
   * Every subcomponent of component {@code c} (1-based) of repetition {@code rep} (0-based), unescaped, in order; one
   * element for a component without subcomponents, none for an absent component.
   */
  public List<String> subcomponents(int rep, int c) {
    checkIndexes(rep, c);
    if (!literal && !isEmpty() && !layout().hasSubcomponent()) {
      String value = subcomponent(rep, c, 1);
      return value.isEmpty() ? List.of() : List.of(value);
    }
    String rawComponent = rawComponent(rep, c);
    if (rawComponent.isEmpty()) {
      return List.of();
    }
    if (literal || rawComponent.indexOf(enc.subcomponent()) < 0) {
      return List.of(subcomponent(rep, c, 1));
    }
    ImmutableList.Builder<String> out = ImmutableList.builder();
    int n = 1;
    for (int i = 0; i < rawComponent.length(); i++) {
      if (rawComponent.charAt(i) == enc.subcomponent()) {
        n++;
      }
    }
    for (int s = 1; s <= n; s++) {
      out.add(subcomponent(rep, c, s));
    }
    return out.build();
  }

  /** Whether any component of this field holds a subcomponent separator (cheap: known from the field's layout). */
  public boolean hasSubcomponents() {
    return !literal && !isEmpty() && layout().hasSubcomponent();
  }

  /** Component {@code c} (1-based) of repetition {@code rep} (0-based) as raw text, subcomponents and escapes kept. */
  public String rawComponent(int rep, int c) {
    checkIndexes(rep, c);
    if (literal) {
      return rep == 0 && c == 1 ? raw() : "";
    }
    FieldLayout l = layout();
    int k = l.componentIndex(rep, c);
    return k < 0 ? "" : source.substring(l.componentStart(k), l.componentEnd(k));
  }

  /** Number of components in repetition {@code rep} (0-based); 0 if that repetition is empty. */
  public int componentCount(int rep) {
    checkArgument(rep >= 0, "repetition index is 0-based and must be >= 0, got %s", rep);
    if (isEmpty()) {
      return 0;
    }
    if (literal) {
      return rep == 0 ? 1 : 0;
    }
    FieldLayout l = layout();
    if (rep >= l.repetitionCount() || l.repetitionStart(rep) == l.repetitionEnd(rep)) {
      return 0;
    }
    return l.componentCount(rep);
  }

  /** The first subcomponent of the first component of the first repetition, unescaped: the field's plain value. */
  public String value() {
    return subcomponent(0, 1, 1);
  }

  private FieldLayout layout() {
    FieldLayout l = layout;
    if (l == null) {
      char[] c = chars;
      l = c == null ? FieldLayout.of(source, start, end, enc) : FieldLayout.of(c, base, start, end, enc);
      layout = l;
    }
    return l;
  }

  /** First {@code c} in {@code source[from, to)}, or -1; bounded, unlike String.indexOf, so it never reads past the field. */
  private int indexOf(char c, int from, int to) {
    char[] copy = chars;
    if (copy != null) {
      for (int i = from; i < to; i++) {
        if (copy[i - base] == c) {
          return i;
        }
      }
      return -1;
    }
    for (int i = from; i < to; i++) {
      if (source.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private static void checkIndexes(int rep, int c) {
    checkArgument(rep >= 0, "repetition index is 0-based and must be >= 0, got %s", rep);
    checkArgument(c >= 1, "component number is 1-based and must be >= 1, got %s", c);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Field other
        && raw().equals(other.raw())
        && enc.equals(other.enc)
        && literal == other.literal;
  }

  @Override
  public int hashCode() {
    return Objects.hash(raw(), enc, literal);
  }

  /** The raw text. */
  @Override
  public String toString() {
    return raw();
  }
}

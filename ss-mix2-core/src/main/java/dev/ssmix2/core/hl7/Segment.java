package dev.ssmix2.core.hl7;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.charset.Charset;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One segment (one line) of a message, split into fields on first access.
 *
 * <p>Field numbers follow HL7 and HAPI's Terser: {@code field(1)} is the first field after the segment ID, except in
 * MSH, where field 1 is the field separator itself and field 2 the encoding characters, so that {@code MSH-9} is
 * the message type as everywhere else.
 *
 * <pre>{@code
 * Segment pid = message.segment("PID").orElseThrow();
 * pid.field(3).component(1);   // patient ID
 * }</pre>
 */
public final class Segment {
  private static final int[] NO_SEPARATORS = new int[0];

  private final String text;
  private final String id;
  private final EncodingCharacters enc;
  private final boolean isHeader;
  private final @Nullable Charset charset; // for \Xhh\ escapes; null when unknown
  private volatile @Nullable Scan scan; // where the fields lie, found on first access

  /**
   * The segment's line after its ID, copied once ({@code chars[i - base]} is the line's character {@code i}), and the
   * positions of its field separators. Its fields keep the copy, so none of them copies its own text to find its
   * components.
   */
  private record Scan(char[] chars, int base, int[] separators) {}

  Segment(String text, EncodingCharacters enc, @Nullable Charset charset) {
    this.text = checkNotNull(text, "text");
    this.enc = checkNotNull(enc, "enc");
    this.charset = charset;
    int end = text.indexOf(enc.field());
    this.id = end < 0 ? text : text.substring(0, end);
    this.isHeader = id.equals("MSH");
  }

  /** The segment ID, e.g. {@code PID}; for a junk line without a field separator, the whole line. */
  public String id() {
    return id;
  }

  /** True when the ID looks like an HL7 segment ID: an upper-case letter followed by two upper-case letters or digits. */
  public boolean hasValidId() {
    if (id.length() != 3 || !isUpper(id.charAt(0))) {
      return false;
    }
    return (isUpper(id.charAt(1)) || isDigit(id.charAt(1))) && (isUpper(id.charAt(2)) || isDigit(id.charAt(2)));
  }

  /** The segment line as in the message, without terminator. */
  public String raw() {
    return text;
  }

  /** Number of fields present (trailing empty fields that the writer omitted do not count). */
  public int fieldCount() {
    int seps = scanned().separators().length;
    if (isHeader) {
      return text.length() > id.length() ? seps + 1 : 0;
    }
    return seps;
  }

  /** Field {@code n} (1-based, HL7 numbering); an empty field if the segment has fewer fields. */
  public Field field(int n) {
    checkArgument(n >= 1, "field number is 1-based and must be >= 1, got %s in %s", n, id);
    if (isHeader) {
      if (n == 1) {
        return text.length() > id.length()
            ? new Field(String.valueOf(enc.field()), enc, charset, true)
            : Field.empty(enc);
      }
      return piece(n - 1, n == 2);
    }
    return piece(n, false);
  }

  /** Shortcut for {@code field(n).value()}: the plain value of field {@code n}. */
  public String value(int n) {
    return field(n).value();
  }

  private Field piece(int index, boolean literal) {
    Scan s = scanned();
    int[] seps = s.separators();
    if (index > seps.length) {
      return Field.empty(enc);
    }
    int start = seps[index - 1] + 1;
    int end = index < seps.length ? seps[index] : text.length();
    return start == end
        ? Field.empty(enc)
        : new Field(text, start, end, enc, charset, literal, s.chars(), s.base());
  }

  private Scan scanned() {
    Scan s = scan;
    if (s == null) {
      s = scan();
      scan = s;
    }
    return s;
  }

  private Scan scan() {
    // One pass over a copy: segments are mostly short fields, where a String.indexOf call per separator costs more
    // in set-up than it saves, and String.charAt's coder test and bounds check cost more than copying the text.
    char sep = enc.field();
    int from = id.length();
    char[] chars = new char[text.length() - from];
    text.getChars(from, text.length(), chars, 0);
    int[] seps = NO_SEPARATORS;
    int n = 0;
    for (int j = 0; j < chars.length; j++) {
      if (chars[j] == sep) {
        if (n == seps.length) {
          seps = Arrays.copyOf(seps, Math.max(16, n * 2));
        }
        seps[n++] = from + j;
      }
    }
    return new Scan(chars, from, n == seps.length ? seps : Arrays.copyOf(seps, n));
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Segment other && text.equals(other.text) && enc.equals(other.enc);
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + enc.hashCode();
  }

  /** The raw segment line. */
  @Override
  public String toString() {
    return text;
  }
}

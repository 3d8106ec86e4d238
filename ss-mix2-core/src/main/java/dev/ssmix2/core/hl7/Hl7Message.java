package dev.ssmix2.core.hl7;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One HL7 v2 message, tokenized lazily from decoded text (see {@link Hl7Decoder} for the bytes-to-text step).
 *
 * <p>Tolerant by design: segments end at CR, LF or CRLF; blank lines are dropped; the last segment needs no terminator;
 * the field separator comes from MSH[3] and the encoding characters from MSH-2 (an empty or short MSH-2 falls back to
 * {@code ^~\&}); junk lines are kept as segments (see {@link Segment#hasValidId()}) so that nothing is lost. The only
 * hard requirements are that there is at least one segment and that the first one is MSH, because without MSH the
 * delimiters are unknown; otherwise {@link Hl7FormatException} is thrown.
 *
 * <pre>{@code
 * Hl7Message message = Hl7Message.parse(Hl7Decoder.decode(bytes).text());
 * message.messageType();            // ADT^A08^ADT_A01
 * message.get("PID-5(1)-1");        // カンジャ (family name, second repetition)
 * for (List<Segment> order : message.groups("ORC")) { ... }
 * }</pre>
 */
public final class Hl7Message {
  private final String text;
  private final EncodingCharacters encodingCharacters;
  private final ImmutableList<Segment> segments;

  private Hl7Message(String text, EncodingCharacters encodingCharacters, ImmutableList<Segment> segments) {
    this.text = text;
    this.encodingCharacters = encodingCharacters;
    this.segments = segments;
  }

  /**
   * Tokenizes a decoded message.
   *
   * @throws Hl7FormatException if the text has no segment, the first segment is not MSH, or MSH-1/MSH-2 declare
   *     unusable delimiters
   */
  public static Hl7Message parse(String text) {
    return parse(text, null);
  }

  /**
   * Tokenizes a decoded message file: like {@link #parse(String)}, and {@code \Xhh\} escapes are decoded in the
   * charset the file was decoded with (the hex bytes are bytes of the message's own encoding). A file that was plain
   * ASCII says nothing about its charset, so there the escaped bytes are decoded by detection, as whole files are.
   *
   * @throws Hl7FormatException as {@link #parse(String)}
   */
  public static Hl7Message parse(DecodedText decoded) {
    checkNotNull(decoded, "decoded");
    Charset charset = decoded.charset().equals(StandardCharsets.US_ASCII) ? null : decoded.charset();
    return parse(decoded.text(), charset);
  }

  private static Hl7Message parse(String text, Charset charset) {
    checkNotNull(text, "text");
    List<String> lines = lines(text);
    if (lines.isEmpty()) {
      throw new Hl7FormatException("No HL7 segment: the text is empty or blank");
    }
    String first = lines.get(0);
    if (!first.startsWith("MSH")) {
      throw new Hl7FormatException(
          "Expected the message to start with an MSH segment, found '" + abbreviate(first) + "'");
    }
    EncodingCharacters enc = encodingCharacters(first);
    ImmutableList.Builder<Segment> segments = ImmutableList.builderWithExpectedSize(lines.size());
    for (String line : lines) {
      segments.add(new Segment(line, enc, charset));
    }
    return new Hl7Message(text, enc, segments.build());
  }

  private static EncodingCharacters encodingCharacters(String msh) {
    if (msh.length() <= 3) {
      return EncodingCharacters.DEFAULT;
    }
    char fieldSeparator = msh.charAt(3);
    int end = msh.indexOf(fieldSeparator, 4);
    String msh2 = end < 0 ? msh.substring(4) : msh.substring(4, end);
    return EncodingCharacters.of(fieldSeparator, msh2);
  }

  /** The non-blank lines of {@code text}, ended by CR, LF or CRLF. */
  private static List<String> lines(String text) {
    // String.indexOf is vectorized; a charAt loop over a message of kanji (a UTF-16 string) costs several times more.
    List<String> lines = new ArrayList<>();
    int n = text.length();
    int cr = text.indexOf('\r');
    int lf = text.indexOf('\n');
    for (int start = 0; start <= n; ) {
      if (cr >= 0 && cr < start) {
        cr = text.indexOf('\r', start);
      }
      if (lf >= 0 && lf < start) {
        lf = text.indexOf('\n', start);
      }
      int stop = cr < 0 ? (lf < 0 ? n : lf) : (lf < 0 ? cr : Math.min(cr, lf));
      if (!isBlank(text, start, stop)) {
        lines.add(text.substring(start, stop));
      }
      start = stop + 1;
    }
    return lines;
  }

  private static boolean isBlank(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String s) {
    int limit = s.offsetByCodePoints(0, Math.min(20, s.codePointCount(0, s.length())));
    return limit < s.length() ? s.substring(0, limit) + "…" : s;
  }

  /** The decoded text this message was parsed from, unchanged. */
  public String text() {
    return text;
  }

  /** The delimiters declared by MSH-1 and MSH-2. */
  public EncodingCharacters encodingCharacters() {
    return encodingCharacters;
  }

  /**
   * The first escape sequence that is not a valid HL7 escape (such as {@code \Q\}, an odd-length {@code \X…\}, or
   * an escape character with no closing partner), abbreviated; empty when every escape is valid. Readers keep such
   * text literally; validation reports it. MSH-1 and MSH-2, which hold the delimiters themselves, are not checked.
   */
  public Optional<String> firstInvalidEscape() {
    for (Segment s : segments) {
      String raw = s.raw();
      if (s.id().equals("MSH")) {
        // skip "MSH" + field separator + the encoding characters of MSH-2
        int afterMsh2 = raw.indexOf(encodingCharacters.field(), 4);
        raw = afterMsh2 < 0 ? "" : raw.substring(afterMsh2);
      }
      String bad = Escaping.firstInvalid(raw, encodingCharacters);
      if (bad != null) {
        return Optional.of(bad);
      }
    }
    return Optional.empty();
  }

  /** All segments in message order, MSH first, junk lines included. */
  public List<Segment> segments() {
    return segments;
  }

  /** The MSH segment (always the first). */
  public Segment header() {
    return segments.get(0);
  }

  /** The first segment with this ID. */
  public Optional<Segment> segment(String id) {
    checkNotNull(id, "id");
    for (Segment segment : segments) {
      if (segment.id().equals(id)) {
        return Optional.of(segment);
      }
    }
    return Optional.empty();
  }

  /** All segments with this ID, in message order. */
  public List<Segment> segments(String id) {
    checkNotNull(id, "id");
    return segments.stream().filter(s -> s.id().equals(id)).collect(ImmutableList.toImmutableList());
  }

  /** MSH-9, e.g. {@code ADT^A08^ADT_A01}; components missing from the message are empty strings. */
  public MessageType messageType() {
    Field msh9 = header().field(9);
    return new MessageType(msh9.component(1), msh9.component(2), msh9.component(3));
  }

  /**
   * MSH-18 as written (e.g. {@code ~ISO IR87}), if present. Informational only: {@link Hl7Decoder} does not trust
   * it.
   */
  public Optional<String> declaredCharset() {
    String raw = header().field(18).raw();
    return raw.isEmpty() ? Optional.empty() : Optional.of(raw);
  }

  /**
   * A value addressed like HAPI's Terser, but over the flat segment list:
   * {@code SEG[(occurrence)]-field[(repetition)][-component[-subcomponent]]}. Occurrence and repetition are 0-based;
   * field, component and subcomponent are 1-based. {@code OBX(2)-5} is field 5 of the third OBX in the message,
   * whatever group it is in; {@code PID-5(1)-1} is the first component of the second repetition of PID-5. Returns the
   * unescaped value, or "" when the segment or value is absent.
   *
   * @throws IllegalArgumentException if the path does not follow this syntax
   */
  public String get(String path) {
    TerserPath p = TerserPath.parse(path);
    List<Segment> matching = segments(p.segment());
    if (p.occurrence() >= matching.size()) {
      return "";
    }
    return matching.get(p.occurrence()).field(p.field()).subcomponent(p.repetition(), p.component(), p.subcomponent());
  }

  /**
   * The segments after the header split into groups, each starting at a leader segment: {@code groups("ORC")} for
   * orders, {@code groups("SPM")} for OML specimen groups, {@code groups("PRB")} for PPR problems. Segments before
   * the first leader (MSH, PID, PV1, AL1 …) belong to no group; segments after a leader belong to its group up to
   * the next leader.
   */
  public List<List<Segment>> groups(String... leaders) {
    checkArgument(leaders.length > 0, "groups() needs at least one leader segment ID, e.g. \"ORC\"");
    Set<String> leaderIds = ImmutableSet.copyOf(leaders);
    ImmutableList.Builder<List<Segment>> groups = ImmutableList.builder();
    ImmutableList.Builder<Segment> current = null;
    for (Segment segment : segments.subList(1, segments.size())) {
      if (leaderIds.contains(segment.id())) {
        if (current != null) {
          groups.add(current.build());
        }
        current = ImmutableList.builder();
      }
      if (current != null) {
        current.add(segment);
      }
    }
    if (current != null) {
      groups.add(current.build());
    }
    return groups.build();
  }

  /** The segments joined with CR, as HL7 prescribes. */
  @Override
  public String toString() {
    return String.join("\r", segments.stream().map(Segment::raw).toList());
  }
}

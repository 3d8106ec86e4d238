package dev.ssmix2.core.validate;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks of the patient name (PID-5) that matter for finding the patient: a missing reading, voiced marks written
 * apart, placeholders for characters the sender could not encode. The text is kept as stored; these findings only
 * tell the hospital what its search will have to work around.
 */
final class NameChecks {
  /**
   * The longest name part (family or given, one repetition) in code points that is not reported; real names,
   * foreign ones in katakana included, stay far below it. The index keeps this many as well.
   */
  static final int MAX_NAME_PART = 100;

  private NameChecks() {}

  static void check(String path, Hl7Message m, List<Finding> out) {
    Optional<Segment> pid = m.segment("PID");
    if (pid.isEmpty()) {
      return;
    }
    Field pid5 = pid.get().field(5);
    boolean ideographic = false;
    boolean phonetic = false;
    String kana = "";
    StringBuilder all = new StringBuilder();
    int maxPart = 0;
    for (int rep = 0; rep < pid5.repetitionCount(); rep++) {
      String family = pid5.component(rep, 1);
      String given = pid5.component(rep, 2);
      String text = family + given;
      if (text.isBlank()) {
        continue;
      }
      all.append(text);
      int longest = Math.max(family.codePointCount(0, family.length()), given.codePointCount(0, given.length()));
      if (longest > maxPart) {
        maxPart = longest;
      }
      String representation = pid5.component(rep, 8).isEmpty() ? pid5.component(rep, 7) : pid5.component(rep, 8);
      boolean isPhonetic = representation.equals("P") || (representation.isEmpty() && rep == 1);
      if (isPhonetic) {
        phonetic = true;
        kana += text;
      } else if (!representation.equals("A")) {
        ideographic = true;
      }
    }
    if (ideographic && !phonetic) {
      out.add(new Finding(FindingCode.MISSING_KANA_NAME, path,
          "PID-5 has no phonetic (カナ) name; the patient can be found by reading only through a guessed reading"));
    }
    if (hasSplitMark(kana)) {
      out.add(new Finding(FindingCode.SPLIT_DAKUTEN, path, "the kana name '" + abbreviate(kana)
          + "' writes a voiced sound mark (゛ ゜) as a separate character; readers should join it (カ゛ → ガ)"));
    }
    if (maxPart > MAX_NAME_PART) {
      out.add(new Finding(FindingCode.NAME_TOO_LONG, path, "a PID-5 name part has " + maxPart
          + " characters; names are expected to be short, and search indexes keep only the first " + MAX_NAME_PART));
    }
    if (all.codePoints().anyMatch(NameChecks::isControl)) {
      out.add(new Finding(FindingCode.NAME_CONTROL_CHARACTERS, path, "the name holds control characters ("
          + describeControls(all) + "); a real name has none — the sender's data is probably damaged"));
    }
    if (hasPlaceholder(all)) {
      out.add(new Finding(FindingCode.NAME_PLACEHOLDER, path, "the name '" + abbreviate(all)
          + "' holds a placeholder for a character the sender could not write (■ ● 〓 or a private-use character)"));
    }
  }

  /** Whether segments end with LF or CRLF rather than CR (the HL7 rule). */
  static void lineEndings(String path, String text, List<Finding> out) {
    int lf = text.indexOf('\n');
    if (lf >= 0) {
      boolean crlf = lf > 0 && text.charAt(lf - 1) == '\r';
      out.add(new Finding(FindingCode.LINE_ENDINGS, path, "segments end with " + (crlf ? "CRLF" : "LF")
          + " instead of CR; accepted, but other HL7 readers may not split them"));
    }
  }

  /**
   * Findings on the whole file: a leading byte order mark, escapes HL7 does not define. A broken escape inside a field
   * already reported as an ambiguous value ({@code reported}) is that finding's reason and is not reported twice.
   */
  static void text(String path, dev.ssmix2.core.hl7.DecodedText decoded, Hl7Message m,
      Set<MessageChecks.FieldRef> reported, List<Finding> out) {
    if (decoded.hadByteOrderMark()) {
      out.add(new Finding(FindingCode.BYTE_ORDER_MARK, path, "the file starts with a UTF-8 byte order mark "
          + "(EF BB BF); removed when read, but other HL7 readers may see it as part of the MSH segment"));
    }
    firstInvalidEscape(m, reported).ifPresent(bad -> out.add(new Finding(FindingCode.INVALID_ESCAPE, path,
        "'" + visible(bad) + "' is not an HL7 escape sequence (\\F\\ \\S\\ \\T\\ \\R\\ \\E\\ \\Xhh…\\ …); "
            + "it is kept as literal text")));
  }

  /** The first invalid escape outside the {@code reported} fields (MSH-1 and MSH-2 hold the delimiters: skipped). */
  private static Optional<String> firstInvalidEscape(Hl7Message m, Set<MessageChecks.FieldRef> reported) {
    if (m.firstInvalidEscape().isEmpty()) {
      return Optional.empty(); // the common case: one scan of the message, no field split
    }
    List<Segment> segments = m.segments();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      for (int f = i == 0 ? 3 : 1; f <= s.fieldCount(); f++) {
        if (!reported.contains(new MessageChecks.FieldRef(i, f))) {
          Optional<String> bad = s.field(f).firstInvalidEscape();
          if (bad.isPresent()) {
            return bad;
          }
        }
      }
    }
    return Optional.empty();
  }

  static boolean isControl(int c) {
    return c < 0x20 || (c >= 0x7F && c < 0xA0);
  }

  private static String describeControls(CharSequence s) {
    return s.codePoints().filter(NameChecks::isControl).distinct().limit(5)
        .mapToObj(c -> String.format("U+%04X", c)).reduce((a, b) -> a + ", " + b).orElse("");
  }

  /** Control characters as U+XXXX, so a finding cannot carry a newline or an escape sequence. */
  private static String visible(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(c -> {
      if (isControl(c)) {
        sb.append(String.format("<U+%04X>", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }

  private static String abbreviate(CharSequence s) {
    String t = visible(s.toString());
    return t.codePointCount(0, t.length()) <= 40 ? t : t.substring(0, t.offsetByCodePoints(0, 40)) + "…";
  }

  private static boolean hasSplitMark(String kana) {
    // half-width ﾞ ﾟ are how half-width kana always write voicing (reported as non-JIS), so only full-width marks
    return kana.codePoints().anyMatch(c -> c == 0x309B || c == 0x309C || c == 0x3099 || c == 0x309A);
  }

  private static boolean hasPlaceholder(CharSequence text) {
    return text.codePoints().anyMatch(c -> c == '■' || c == '●' || c == '〓' || (c >= 0xE000 && c <= 0xF8FF));
  }
}

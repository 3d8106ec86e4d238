package dev.ssmix2.core.validate;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import java.util.List;
import java.util.Optional;

/**
 * Checks of the patient name (PID-5) that matter for finding the patient: a missing reading, voiced marks written
 * apart, placeholders for characters the sender could not encode. The text is kept as stored; these findings only
 * tell the hospital what its search will have to work around.
 */
final class NameChecks {

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
    for (int rep = 0; rep < pid5.repetitionCount(); rep++) {
      String family = pid5.component(rep, 1);
      String given = pid5.component(rep, 2);
      String text = family + given;
      if (text.isBlank()) {
        continue;
      }
      all.append(text);
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
      out.add(new Finding(FindingCode.SPLIT_DAKUTEN, path, "the kana name '" + kana
          + "' writes a voiced sound mark (゛ ゜) as a separate character; readers should join it (カ゛ → ガ)"));
    }
    if (hasPlaceholder(all)) {
      out.add(new Finding(FindingCode.NAME_PLACEHOLDER, path, "the name '" + all
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

  private static boolean hasSplitMark(String kana) {
    // half-width ﾞ ﾟ are how half-width kana always write voicing (reported as non-JIS), so only full-width marks
    return kana.codePoints().anyMatch(c -> c == 0x309B || c == 0x309C || c == 0x3099 || c == 0x309A);
  }

  private static boolean hasPlaceholder(CharSequence text) {
    return text.codePoints().anyMatch(c -> c == '■' || c == '●' || c == '〓' || (c >= 0xE000 && c <= 0xF8FF));
  }
}

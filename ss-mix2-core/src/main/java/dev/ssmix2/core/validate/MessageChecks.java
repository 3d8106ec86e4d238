package dev.ssmix2.core.validate;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.MessageType;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.hl7.ValueTypes;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.StorageFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of one tokenized message against its file's place in the storage and the SS-MIX2 profile. */
final class MessageChecks {
  private static final Pattern NUMBER = Pattern.compile("\\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)\\s*");

  private MessageChecks() {}

  /**
   * Checks one message; returns the fields it reported as {@code ambiguous-value}, whose broken escapes need no
   * second finding.
   */
  static Set<FieldRef> check(StorageFile file, Hl7Message m, List<Finding> out) {
    String path = file.relativePath();
    MessageType type = m.messageType();
    Optional<StandardDataType> standard = file.dataType().standard();
    if (standard.isPresent() && !standard.get().accepts(type.code(), type.trigger())) {
      out.add(new Finding(FindingCode.MESSAGE_TYPE_MISMATCH, path, "MSH-9 is '" + type + "' but folder "
          + standard.get().code() + " (" + standard.get().japaneseName() + ") holds "
          + String.join(" or ", standard.get().events())));
    }
    patientId(file, m, out);
    Set<Integer> unexpected = structure(path, type.event(), m, out);
    Set<FieldRef> ambiguous = fields(file, m, unexpected, out);
    careDate(file, type.code() + "^" + type.trigger(), m, out);
    messageTime(file, m, out);
    quantities(file, m, out);
    return ambiguous;
  }

  /** A field of a message: segment index (0 = MSH) and HL7 field number. */
  record FieldRef(int segment, int field) {}

  /**
   * The 診療日 folder against the field the profile names for the event (ORC-9, SPM-17, RXA-3, OBR-7 …): every
   * occurrence of that segment must carry the folder's date in the field's first eight digits.
   */
  private static void careDate(StorageFile file, String event, Hl7Message m, List<Finding> out) {
    Optional<String> field = Profile.get().careDateField(event);
    if (field.isEmpty()) {
      return;
    }
    String segmentId = field.get().substring(0, field.get().indexOf('-'));
    int number = Integer.parseInt(field.get().substring(field.get().indexOf('-') + 1));
    String folder = file.name().date().token();
    List<Segment> segments = m.segments(segmentId);
    if (segments.isEmpty()) {
      out.add(new Finding(FindingCode.CARE_DATE_MISMATCH, file.relativePath(), "no " + segmentId + " segment, so "
          + field.get() + " cannot confirm the 診療日 folder " + folder + " (" + event + " carries it there)"));
      return;
    }
    Set<String> other = new java.util.LinkedHashSet<>();
    for (Segment s : segments) {
      String value = s.field(number).value().strip();
      String date = value.length() >= 8 ? value.substring(0, 8) : value;
      if (!date.equals(folder)) {
        other.add(date.isEmpty() ? "(empty)" : date);
      }
    }
    if (!other.isEmpty()) {
      out.add(new Finding(FindingCode.CARE_DATE_MISMATCH, file.relativePath(), "the 診療日 folder is " + folder
          + " but " + field.get() + " says " + String.join(", ", other) + " (" + event + " carries the 診療日 in "
          + field.get() + "); the file may be filed under the wrong date"));
    }
  }

  private static final Pattern HL7_TS =
      Pattern.compile("\\d{4}(\\d{2}(\\d{2}(\\d{2}(\\d{2}(\\d{2}(\\.\\d{1,4})?)?)?)?)?)?([+-]\\d{4})?");

  /** MSH-7 must be an HL7 TS; the file-name form of 17 digits (milliseconds without a dot) is not one. */
  private static void messageTime(StorageFile file, Hl7Message m, List<Finding> out) {
    String msh7 = m.header().field(7).value().strip();
    if (msh7.isEmpty() || HL7_TS.matcher(msh7).matches()) {
      return;
    }
    String hint = msh7.matches("[0-9]{17}")
        ? "; 17 digits is the file-name form YYYYMMDDHHMMSSFFF, an HL7 time writes fractions after a dot"
          + " (YYYYMMDDHHMMSS.FFF)"
        : "";
    out.add(new Finding(FindingCode.BAD_TIMESTAMP, file.relativePath(), "MSH-7 message time '" + abbreviate(msh7)
        + "' is not an HL7 time (YYYYMMDD[HH[MM[SS[.S…]]]][+ZZZZ])" + hint));
  }

  /** TQ1-2 quantity: its first component must be a number. */
  private static void quantities(StorageFile file, Hl7Message m, List<Finding> out) {
    List<Segment> segments = m.segments();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      if (s.id().equals("TQ1")) {
        String quantity = s.field(2).component(1).strip();
        if (!quantity.isEmpty() && !isNumber(quantity)) {
          out.add(nonNumeric(file, i, "TQ1-2 quantity", quantity));
        }
      }
    }
  }

  private static void patientId(StorageFile file, Hl7Message m, List<Finding> out) {
    Optional<Segment> pid = m.segment("PID");
    if (pid.isEmpty()) {
      return; // reported as a missing segment
    }
    Field pid3 = pid.get().field(3);
    List<String> ids = new ArrayList<>();
    for (int rep = 0; rep < pid3.repetitionCount(); rep++) {
      String id = pid3.component(rep, 1).strip();
      if (!id.isEmpty()) {
        ids.add(id);
      }
    }
    if (ids.isEmpty()) {
      return; // reported as a missing field
    }
    String folder = file.patientId().value();
    String unpadded = file.patientId().unpadded();
    boolean same = ids.stream().anyMatch(id -> id.equals(folder) || stripZeros(id).equals(unpadded));
    if (!same) {
      out.add(new Finding(FindingCode.PATIENT_ID_MISMATCH, file.relativePath(), "PID-3 patient ID "
          + String.join(", ", ids) + " differs from the folder's patient ID " + folder
          + "; the file may belong to another patient (it is shown under " + folder + ")"));
    }
  }

  /** Checks the segment order; returns the indexes of the segments the structure does not allow, to skip their field checks. */
  private static Set<Integer> structure(String path, String event, Hl7Message m, List<Finding> out) {
    Set<Integer> unexpectedSegments = new java.util.HashSet<>();
    Optional<StructureRule> rule = Profile.get().structure(event);
    if (rule.isEmpty()) {
      return unexpectedSegments;
    }
    List<String> ids = m.segments().stream().map(Segment::id).toList();
    if (rule.get().matches(ids)) {
      return unexpectedSegments;
    }
    Map<String, List<Integer>> unexpected = new LinkedHashMap<>();
    List<Segment> segments = m.segments();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      boolean bad = !s.hasValidId() || !rule.get().allowed().contains(s.id()) || (i > 0 && s.id().equals("MSH"));
      if (bad) {
        unexpectedSegments.add(i);
        String label = s.hasValidId() ? s.id() : "'" + abbreviate(s.id()) + "'";
        unexpected.computeIfAbsent(label, k -> new ArrayList<>()).add(i + 1);
      }
    }
    List<String> missing = rule.get().required().stream().filter(r -> !ids.contains(r)).toList();
    if (!missing.isEmpty()) {
      out.add(new Finding(FindingCode.MISSING_SEGMENT, path, "the " + event + " message lacks required segment"
          + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)));
    }
    if (!unexpected.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      unexpected.forEach((id, lines) -> sb.append(sb.length() == 0 ? "" : ", ").append(id)
          .append(lines.size() == 1 ? " (line " : " (lines ")
          .append(String.join(", ", lines.stream().map(String::valueOf).toList())).append(')'));
      out.add(new Finding(FindingCode.UNEXPECTED_SEGMENT, path, "segments that do not belong in a " + event
          + " message: " + sb + "; a file must hold exactly one message"));
    }
    if (missing.isEmpty() && unexpected.isEmpty()) {
      out.add(new Finding(FindingCode.SEGMENT_ORDER, path, "segments are not in the order of the " + event
          + " structure: " + String.join(" ", ids)));
    }
    return unexpectedSegments;
  }

  /** Field checks; returns the fields reported as {@code ambiguous-value}. */
  private static Set<FieldRef> fields(StorageFile file, Hl7Message m, Set<Integer> skip, List<Finding> out) {
    Set<FieldRef> ambiguousFields = new HashSet<>();
    List<Segment> segments = m.segments();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      if (skip.contains(i)) {
        continue;
      }
      List<String> missing = new ArrayList<>();
      for (FieldRule rule : Profile.get().fields(s.id())) {
        Field f = s.field(rule.field());
        if (f.isEmpty() && rule.isRequiredFor(file.dataType())) {
          missing.add(rule.label());
        } else if (!f.isEmpty() && rule.isNumeric()) {
          Optional<String> ambiguity = ValueTypes.ambiguity("NM", f);
          if (ambiguity.isPresent()) {
            out.add(ambiguous(file, i, rule.label(), f, ambiguity.get()));
            ambiguousFields.add(new FieldRef(i, rule.field()));
          } else if (!isNumber(f.value())) {
            out.add(nonNumeric(file, i, rule.label(), f.value()));
          }
        }
      }
      if (s.id().equals("OBX") && !s.field(5).isEmpty()) {
        String type = s.value(2).strip();
        String item = s.field(3).component(2).isBlank() ? s.field(3).component(1) : s.field(3).component(2);
        Optional<String> ambiguity = ValueTypes.ambiguity(type, s.field(5));
        if (ambiguity.isPresent()) {
          out.add(ambiguous(file, i, "OBX-5 value (type " + type + ") of the observation '" + item + "'",
              s.field(5), ambiguity.get()));
          ambiguousFields.add(new FieldRef(i, 5));
        } else if (type.equals("NM") && !isNumber(s.value(5))) {
          out.add(nonNumeric(file, i, "OBX-5 value of the numeric (NM) observation '" + item + "'", s.value(5)));
        }
      }
      if (!missing.isEmpty()) {
        out.add(new Finding(FindingCode.MISSING_FIELD, file.relativePath(), s.id() + " (line " + (i + 1)
            + ") lacks field" + (missing.size() > 1 ? "s " : " ") + "required for " + file.dataType().code() + ": "
            + String.join(", ", missing)));
      }
    }
    return ambiguousFields;
  }

  private static Finding ambiguous(StorageFile file, int index, String what, Field f, String reason) {
    return new Finding(FindingCode.AMBIGUOUS_VALUE, file.relativePath(), what + " (line " + (index + 1)
        + ") cannot be read as one value, so readers show its raw text '" + abbreviate(f.raw()) + "' marked: "
        + reason);
  }

  private static Finding nonNumeric(StorageFile file, int index, String what, String value) {
    return new Finding(FindingCode.NON_NUMERIC_VALUE, file.relativePath(), what + " (line " + (index + 1)
        + ") must be a number but is '" + abbreviate(value) + "'");
  }

  static boolean isNumber(String s) {
    return NUMBER.matcher(s).matches();
  }

  private static String stripZeros(String id) {
    int i = 0;
    while (i < id.length() - 1 && id.charAt(i) == '0') {
      i++;
    }
    return id.substring(i);
  }

  private static String abbreviate(String s) {
    int n = s.codePointCount(0, s.length());
    return n <= 30 ? s : s.substring(0, s.offsetByCodePoints(0, 30)) + "…";
  }
}

package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.hl7.ValueTypes;
import dev.ssmix2.core.record.AmbiguousValue;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.LabRecord;
import dev.ssmix2.core.record.LabRecord.Test;
import dev.ssmix2.core.record.RecordSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OML-01 (OML^O33) and OML-11 (OUL^R22): one test per OBX. Walks the segments in order, remembering the current
 * specimen (SPM) and order (OBR), because OUL^R22 puts OBR before ORC and OML^O33 after it.
 */
final class LabExtractor {
  private LabExtractor() {}

  static LabRecord extract(Hl7Message m, RecordSource src, boolean isResult) {
    List<Test> tests = new ArrayList<>();
    Optional<Segment> spm = Optional.empty();
    Coded battery = Coded.EMPTY;
    Segment obx = null;
    List<String> comments = new ArrayList<>();
    for (Segment s : m.segments()) {
      if (s.id().equals("NTE") && obx != null) {
        comments.add(Segments.comment(s));
        continue;
      }
      if (obx != null) {
        tests.add(test(obx, spm, battery, comments));
        obx = null;
        comments.clear();
      }
      switch (s.id()) {
        case "SPM" -> {
          spm = Optional.of(s);
          battery = Coded.EMPTY;
        }
        case "OBR" -> battery = Coded.of(s.field(4));
        case "OBX" -> obx = s;
        default -> { }
      }
    }
    if (obx != null) {
      tests.add(test(obx, spm, battery, comments));
    }
    return new LabRecord(src, isResult, tests);
  }

  private static Test test(Segment obx, Optional<Segment> spm, Coded battery, List<String> comments) {
    Field unit = obx.field(6);
    Optional<Hl7Timestamp> observed = Hl7Timestamp.parse(obx.value(14)).or(() -> Segments.time(spm, 17));
    String valueType = obx.value(2).strip();
    Optional<AmbiguousValue> ambiguity = ambiguity(valueType, obx.field(5));
    String value = ambiguity.map(AmbiguousValue::raw).orElseGet(() -> value(obx.field(5)));
    return new Test(spm.map(s -> Coded.of(s.field(4))).orElse(Coded.EMPTY), battery, Coded.of(obx.field(3)),
        valueType, value, Coded.of(unit), asSent(obx.field(7)), obx.field(8).value().strip(), observed,
        obx.value(11).strip(), obx.field(4).raw().strip(), comments, ambiguity);
  }

  /** Why OBX-5 cannot be read as its declared type (OBX-2), if it cannot. */
  static Optional<AmbiguousValue> ambiguity(String valueType, Field obx5) {
    return ValueTypes.ambiguity(valueType, obx5)
        .map(r -> new AmbiguousValue(obx5.raw(), "OBX-5 of type " + valueType + ": " + r));
  }

  /** A text field as sent: unescaped when it is one value, else its raw text (no part is dropped). */
  private static String asSent(Field f) {
    return f.componentCount(0) > 1 || f.repetitionCount() > 1 ? f.raw().strip() : f.value().strip();
  }

  /** OBX-5 as a person reads it: a coded value's text, an SN's parts joined, else the plain value. */
  static String value(Field obx5) {
    if (obx5.componentCount(0) <= 1) {
      return obx5.value().strip();
    }
    Coded c = Coded.of(obx5);
    return c.text().isBlank() ? String.join("", c.code(), c.text(), c.system(), c.altCode()).strip() : c.text();
  }
}

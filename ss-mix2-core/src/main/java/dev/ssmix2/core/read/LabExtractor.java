package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
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
    for (Segment s : m.segments()) {
      switch (s.id()) {
        case "SPM" -> {
          spm = Optional.of(s);
          battery = Coded.EMPTY;
        }
        case "OBR" -> battery = Coded.of(s.field(4));
        case "OBX" -> tests.add(test(s, spm, battery));
        default -> { }
      }
    }
    return new LabRecord(src, isResult, tests);
  }

  private static Test test(Segment obx, Optional<Segment> spm, Coded battery) {
    Field unit = obx.field(6);
    Optional<Hl7Timestamp> observed = Hl7Timestamp.parse(obx.value(14)).or(() -> Segments.time(spm, 17));
    return new Test(spm.map(s -> Coded.of(s.field(4))).orElse(Coded.EMPTY), battery, Coded.of(obx.field(3)),
        obx.value(2).strip(), value(obx.field(5)), Coded.of(unit), obx.field(7).value().strip(),
        obx.field(8).value().strip(), observed, obx.value(11).strip());
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

package dev.ssmix2.core.export;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.Hl7Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The three times of one OBX that a lab table needs and the typed record does not carry: specimen collection
 * (SPM-17), analysis (OBX-19) and result report (OBR-22). Walks the segments in the order the record's extractor
 * does (one entry per OBX, remembering the current SPM and OBR), so entry {@code i} belongs to test {@code i}.
 */
record LabTimes(Optional<Hl7Timestamp> sampled, Optional<Hl7Timestamp> tested, Optional<Hl7Timestamp> reported) {
  static final LabTimes NONE = new LabTimes(Optional.empty(), Optional.empty(), Optional.empty());

  static List<LabTimes> of(Hl7Message message) {
    List<LabTimes> out = new ArrayList<>();
    Optional<Hl7Timestamp> sampled = Optional.empty();
    Optional<Hl7Timestamp> reported = Optional.empty();
    for (Segment s : message.segments()) {
      switch (s.id()) {
        case "SPM" -> {
          sampled = Hl7Timestamp.parse(s.field(17).component(1));
          reported = Optional.empty();
        }
        case "OBR" -> reported = Hl7Timestamp.parse(s.value(22));
        case "OBX" -> out.add(new LabTimes(sampled, Hl7Timestamp.parse(s.value(19)), reported));
        default -> { }
      }
    }
    return out;
  }
}

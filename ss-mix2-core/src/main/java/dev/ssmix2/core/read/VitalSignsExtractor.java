package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.AmbiguousValue;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.RecordSource;
import dev.ssmix2.core.record.VitalSignsRecord;
import dev.ssmix2.core.record.VitalSignsRecord.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ORU^R30 vital signs of the extended storage: one measurement per OBX, timed by OBX-14 or its OBR-7. */
final class VitalSignsExtractor {
  private VitalSignsExtractor() {}

  /** Whether a message of an extended-storage folder is a vital-signs observation (ORU^R30). */
  static boolean accepts(Hl7Message m) {
    return m.messageType().code().equals("ORU") && m.messageType().trigger().equals("R30");
  }

  static VitalSignsRecord extract(Hl7Message m, RecordSource src) {
    List<Measurement> measurements = new ArrayList<>();
    Optional<Hl7Timestamp> orderTime = Optional.empty();
    for (Segment s : m.segments()) {
      switch (s.id()) {
        case "OBR" -> orderTime = Hl7Timestamp.parse(s.value(7));
        case "OBX" -> {
          String type = s.value(2).strip();
          Optional<AmbiguousValue> ambiguity = LabExtractor.ambiguity(type, s.field(5));
          String value = ambiguity.map(AmbiguousValue::raw).orElseGet(() -> LabExtractor.value(s.field(5)));
          Optional<Hl7Timestamp> time = Hl7Timestamp.parse(s.value(14));
          if (time.isEmpty()) {
            time = orderTime;
          }
          measurements.add(new Measurement(Coded.of(s.field(3)), type, value, Coded.of(s.field(6)), time,
              ambiguity));
        }
        default -> { }
      }
    }
    return new VitalSignsRecord(src, measurements, ContentFolders.attachments(src.file()));
  }
}

package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.EncounterRecord;
import dev.ssmix2.core.record.EncounterRecord.Kind;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.RecordSource;
import java.util.Optional;

/**
 * ADT encounters from PV1, PV2 and EVN. PV1-3 is {@code ward^room^bed^^^N} for inpatients but
 * {@code dept^^^^^C} for outpatients, so the location type (PL.6) decides what the first component means.
 */
final class EncounterExtractor {
  private EncounterExtractor() {}

  static EncounterRecord extract(Hl7Message m, RecordSource src, Kind kind) {
    Optional<Segment> pv1 = m.segment("PV1");
    Optional<Segment> pv2 = m.segment("PV2");
    Optional<Segment> evn = m.segment("EVN");
    Field location = pv1.map(s -> s.field(3)).orElseGet(() -> emptyField(m));
    boolean clinic = location.component(6).strip().equalsIgnoreCase("C");
    String department = Segments.value(pv1, 10);
    if (department.isEmpty() && clinic) {
      department = location.component(1).strip();
    }
    Field prior = pv1.map(s -> s.field(6)).orElseGet(() -> emptyField(m));
    Optional<Hl7Timestamp> admitted = Segments.time(pv1, 44);
    Optional<Hl7Timestamp> discharged = Segments.time(pv1, 45);
    if (kind == Kind.ADMISSION_PLANNED) {
      admitted = admitted.or(() -> Segments.time(pv2, 8));
    }
    if (kind == Kind.DISCHARGE_PLANNED) {
      discharged = discharged.or(() -> Segments.time(pv2, 9));
    }
    Optional<Hl7Timestamp> event = Segments.time(evn, 6);
    if (kind == Kind.TRANSFER_PLANNED) {
      event = event.or(() -> Segments.time(pv2, 8));
    }
    event = event.or(() -> Segments.time(evn, 2));
    return new EncounterRecord(src, kind, Segments.value(pv1, 2), department,
        clinic ? "" : location.component(1).strip(), clinic ? "" : location.component(2).strip(),
        clinic ? "" : location.component(3).strip(), prior.component(1).strip(), prior.component(2).strip(),
        doctor(pv1.map(s -> s.field(7))), admitted, discharged, event);
  }

  /** XCN: family and given name, else the ID. */
  static String doctor(Optional<Field> xcn) {
    if (xcn.isEmpty()) {
      return "";
    }
    Field f = xcn.get();
    String name = (f.component(2).strip() + " " + f.component(3).strip()).strip();
    return name.isEmpty() ? f.component(1).strip() : name;
  }

  private static Field emptyField(Hl7Message m) {
    // A field beyond the header's last one is empty and carries the message's delimiters.
    return m.header().field(m.header().fieldCount() + 1);
  }
}

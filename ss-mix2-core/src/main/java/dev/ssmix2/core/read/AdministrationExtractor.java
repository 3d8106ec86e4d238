package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.AdministrationRecord;
import dev.ssmix2.core.record.AdministrationRecord.Administration;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.MedicationOrderRecord.Kind;
import dev.ssmix2.core.record.RecordSource;
import java.util.ArrayList;
import java.util.List;

/** OMP-11/12 (RAS^O17): one administration per RXA, with its group's order number and route. */
final class AdministrationExtractor {
  private AdministrationExtractor() {}

  static AdministrationRecord extract(Hl7Message m, RecordSource src, Kind kind) {
    List<Administration> out = new ArrayList<>();
    for (List<Segment> group : m.groups("ORC")) {
      String placer = group.get(0).value(2).strip();
      Coded route = Segments.first(group, "RXR").map(s -> Coded.of(s.field(1))).orElse(Coded.EMPTY);
      for (Segment rxa : Segments.all(group, "RXA")) {
        if (rxa.fieldCount() == 0) {
          continue; // a bare "RXA" junk line: validation reports it, there is nothing to read
        }
        out.add(new Administration(placer, Hl7Timestamp.parse(rxa.value(3)), Hl7Timestamp.parse(rxa.value(4)),
            Coded.of(rxa.field(5)), rxa.value(6).strip(), Coded.of(rxa.field(7)), rxa.value(20).strip(), route));
      }
    }
    return new AdministrationRecord(src, kind, out);
  }
}

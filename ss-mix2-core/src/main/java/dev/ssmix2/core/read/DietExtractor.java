package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.DietRecord;
import dev.ssmix2.core.record.RecordSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** OMD (OMD^O03): one diet per ODS, with its group's ORC-1 and TQ1 period. */
final class DietExtractor {
  private DietExtractor() {}

  static DietRecord extract(Hl7Message m, RecordSource src) {
    List<DietRecord.Diet> diets = new ArrayList<>();
    for (List<Segment> group : m.groups("ORC")) {
      String control = group.get(0).value(1).strip();
      Optional<Segment> tq1 = Segments.first(group, "TQ1");
      for (Segment ods : Segments.all(group, "ODS")) {
        diets.add(new DietRecord.Diet(control, ods.value(1).strip(), Coded.of(ods.field(3)),
            ods.field(4).value().strip(), Segments.time(tq1, 7), Segments.time(tq1, 8)));
      }
    }
    return new DietRecord(src, diets);
  }
}

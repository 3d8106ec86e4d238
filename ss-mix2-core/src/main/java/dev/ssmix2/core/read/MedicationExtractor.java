package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.MedicationOrderRecord;
import dev.ssmix2.core.record.MedicationOrderRecord.Component;
import dev.ssmix2.core.record.MedicationOrderRecord.Kind;
import dev.ssmix2.core.record.MedicationOrderRecord.Order;
import dev.ssmix2.core.record.RecordSource;
import java.util.List;
import java.util.Optional;

/** OMP-01/02 (RDE^O11): one order per ORC group. */
final class MedicationExtractor {
  private MedicationExtractor() {}

  static MedicationOrderRecord extract(Hl7Message m, RecordSource src, Kind kind) {
    return new MedicationOrderRecord(src, kind, m.groups("ORC").stream().map(MedicationExtractor::order).toList());
  }

  private static Order order(List<Segment> group) {
    Segment orc = group.get(0);
    Optional<Segment> rxe = Segments.first(group, "RXE");
    Optional<Segment> tq1 = Segments.first(group, "TQ1");
    Optional<Segment> rxr = Segments.first(group, "RXR");
    return new Order(
        orc.value(1).strip(),
        orc.value(2).strip(),
        orc.value(4).strip(),
        coded(rxe, 2),
        Segments.value(rxe, 3),
        coded(rxe, 5),
        coded(rxe, 6),
        Segments.value(rxe, 10),
        coded(rxe, 11),
        rxe.map(s -> s.field(19).component(1).strip()).orElse(""),
        rxe.map(s -> Coded.ofSubcomponents(s.field(19), 2)).orElse(Coded.EMPTY),
        tq1.map(s -> Coded.ofSubcomponents(s.field(3), 1)).orElse(Coded.EMPTY),
        tq1.flatMap(MedicationExtractor::days),
        Segments.time(tq1, 7),
        Segments.time(tq1, 8),
        coded(rxr, 1),
        Segments.all(group, "RXC").stream()
            .map(rxc -> new Component(rxc.value(1).strip(), Coded.of(rxc.field(2)), rxc.value(3).strip(),
                Coded.of(rxc.field(4))))
            .toList(),
        Segments.all(group, "NTE").stream().map(Segments::comment).toList());
  }

  /** TQ1-6 service duration {@code 5^d}: the number when the unit is days ({@code d}, {@code D}, {@code 日}). */
  private static Optional<Integer> days(Segment tq1) {
    Field f = tq1.field(6);
    String n = f.component(1).strip();
    String unit = f.component(2).strip();
    if (n.isEmpty() || !(unit.equalsIgnoreCase("d") || unit.equals("日") || unit.isEmpty())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(n));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Coded coded(Optional<Segment> segment, int n) {
    return segment.map(s -> Coded.of(s.field(n))).orElse(Coded.EMPTY);
  }
}

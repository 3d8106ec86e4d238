package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.Hl7Timestamp;
import java.util.List;
import java.util.Optional;

/** Small lookups over a group of segments. */
final class Segments {
  private Segments() {}

  /** The first segment with this ID in the group. */
  static Optional<Segment> first(List<Segment> group, String id) {
    return group.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  static List<Segment> all(List<Segment> group, String id) {
    return group.stream().filter(s -> s.id().equals(id)).toList();
  }

  /** Field {@code n}'s plain value, "" when the segment is absent. */
  static String value(Optional<Segment> segment, int n) {
    return segment.map(s -> s.value(n).strip()).orElse("");
  }

  /**
   * The comment of an NTE segment: NTE-3's repetitions joined by line breaks; a repetition that splits into
   * components (an unescaped {@code ^} in free text) is kept raw rather than cut at the first one.
   */
  static String comment(Segment nte) {
    Field f = nte.field(3);
    List<String> lines = new java.util.ArrayList<>();
    for (Field rep : f.repetitions()) {
      lines.add(rep.componentCount(0) > 1 ? rep.raw() : rep.value());
    }
    return String.join("\n", lines).strip();
  }

  static Optional<Hl7Timestamp> time(Optional<Segment> segment, int n) {
    return segment.flatMap(s -> Hl7Timestamp.parse(s.value(n)));
  }
}

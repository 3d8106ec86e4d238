package dev.ssmix2.core.read;

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

  static Optional<Hl7Timestamp> time(Optional<Segment> segment, int n) {
    return segment.flatMap(s -> Hl7Timestamp.parse(s.value(n)));
  }
}

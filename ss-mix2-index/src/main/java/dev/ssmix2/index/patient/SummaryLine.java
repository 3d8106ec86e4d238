package dev.ssmix2.index.patient;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One line that says what a clinical message is about: drug names (RXE-2), tests with values and units (OBX-3/5/6),
 * diagnoses (PRB-3, DG1-3), allergies (AL1-3) or ordered tests (OBR-4); the message type when none of those exist.
 */
final class SummaryLine {
  private static final int MAX_ITEMS = 6;

  private SummaryLine() {}

  static String of(Hl7Message message) {
    Set<String> items = new LinkedHashSet<>();
    for (Segment s : message.segments()) {
      switch (s.id()) {
        case "RXE" -> add(items, text(s, 2));
        case "RXA" -> add(items, text(s, 5));
        case "OBX" -> add(items, observation(s));
        case "PRB" -> add(items, text(s, 3));
        case "DG1" -> add(items, text(s, 3));
        case "AL1" -> add(items, text(s, 3));
        default -> { }
      }
    }
    if (items.isEmpty()) {
      for (Segment s : message.segments("OBR")) {
        add(items, text(s, 4));
      }
    }
    List<String> shown = new ArrayList<>(items);
    String line = String.join(", ", shown.subList(0, Math.min(MAX_ITEMS, shown.size())));
    if (shown.size() > MAX_ITEMS) {
      line += " ほか" + (shown.size() - MAX_ITEMS) + "件";
    }
    return line.isEmpty() ? message.messageType().toString() : line;
  }

  /** The text of a coded element: component 2, else the alternate text (5), else the code (1). */
  private static String text(Segment s, int field) {
    var f = s.field(field);
    for (int c : new int[] {2, 5, 1}) {
      String t = f.component(c).strip();
      if (!t.isEmpty()) {
        return t;
      }
    }
    return "";
  }

  private static String observation(Segment obx) {
    String name = text(obx, 3);
    String value = obx.field(5).component(1).strip();
    String unit = obx.field(6).component(1).strip();
    if (name.isEmpty()) {
      return "";
    }
    if (value.isEmpty()) {
      return name;
    }
    return name + " " + value + (unit.isEmpty() ? "" : " " + unit);
  }

  private static void add(Set<String> items, String item) {
    if (!item.isEmpty()) {
      items.add(item);
    }
  }
}

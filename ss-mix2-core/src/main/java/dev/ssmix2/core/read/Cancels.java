package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.MessageType;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.storage.DataType;
import dev.ssmix2.core.storage.StandardDataType;
import java.util.Set;

/** Tells whether a message cancels (取消) earlier data. */
final class Cancels {
  /** The ADT cancel triggers of the standard storage, recognised even when a file sits in the wrong folder. */
  private static final Set<String> ADT_CANCELS =
      Set.of("A23", "A11", "A27", "A52", "A53", "A26", "A12", "A25", "A13", "A55");

  private Cancels() {}

  /** MSH-9 is a cancel event, or every ORC with an order control says {@code CA}. */
  static boolean isCancel(Hl7Message m, DataType type) {
    MessageType t = m.messageType();
    if (type instanceof StandardDataType s && s.isCancel(t.code(), t.trigger())) {
      return true;
    }
    if (t.code().equals("ADT") && ADT_CANCELS.contains(t.trigger())) {
      return true;
    }
    // a plain loop: this runs for every message read, and the stream pipeline it replaces cost more than the test
    boolean any = false;
    for (Segment orc : m.segments("ORC")) {
      String control = control(orc);
      if (control.isEmpty()) {
        continue;
      }
      if (!control.equals("CA")) {
        return false;
      }
      any = true;
    }
    return any;
  }

  private static String control(Segment orc) {
    return orc.value(1).strip().toUpperCase(java.util.Locale.ROOT);
  }
}

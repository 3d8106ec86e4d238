package dev.ssmix2.core.synth;

import java.util.Arrays;

/** Builds one HL7 segment by field number, so field positions read like the profile tables (PID-33 …). */
final class Seg {
  private final String id;
  private String[] fields = new String[8];
  private int last;

  Seg(String id) {
    this.id = id;
  }

  Seg set(int field, String value) {
    if (field >= fields.length) {
      fields = Arrays.copyOf(fields, Math.max(field + 1, fields.length * 2));
    }
    fields[field] = value;
    last = Math.max(last, field);
    return this;
  }

  void appendTo(StringBuilder sb) {
    sb.append(id);
    for (int i = 1; i <= last; i++) {
      sb.append('|');
      if (fields[i] != null) {
        sb.append(fields[i]);
      }
    }
    sb.append('\r');
  }
}

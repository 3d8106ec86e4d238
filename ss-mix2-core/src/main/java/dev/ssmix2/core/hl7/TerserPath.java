package dev.ssmix2.core.hl7;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A parsed {@link Hl7Message#get(String)} path: {@code SEG[(occurrence)]-field[(repetition)][-component[-subcomponent]]}.
 * Occurrence and repetition are 0-based, field, component and subcomponent 1-based, as in HAPI's Terser.
 */
record TerserPath(String segment, int occurrence, int field, int repetition, int component, int subcomponent) {

  static TerserPath parse(String path) {
    checkNotNull(path, "path");
    Cursor cursor = new Cursor(path);
    String segment = cursor.segmentId();
    int occurrence = cursor.optionalIndex();
    cursor.expect('-');
    int field = cursor.number();
    int repetition = cursor.optionalIndex();
    int component = 1;
    int subcomponent = 1;
    if (cursor.accept('-')) {
      component = cursor.number();
      if (cursor.accept('-')) {
        subcomponent = cursor.number();
      }
    }
    cursor.expectEnd();
    if (field < 1 || component < 1 || subcomponent < 1) {
      throw cursor.error("field, component and subcomponent numbers start at 1");
    }
    return new TerserPath(segment, occurrence, field, repetition, component, subcomponent);
  }

  private static final class Cursor {
    private final String path;
    private int pos;

    Cursor(String path) {
      this.path = path;
    }

    String segmentId() {
      int start = pos;
      while (pos < path.length() && isIdChar(path.charAt(pos))) {
        pos++;
      }
      if (pos - start != 3) {
        throw error("expected a 3-character segment ID at the start");
      }
      return path.substring(start, pos);
    }

    int optionalIndex() {
      if (!accept('(')) {
        return 0;
      }
      int n = number();
      expect(')');
      return n;
    }

    int number() {
      int start = pos;
      while (pos < path.length() && path.charAt(pos) >= '0' && path.charAt(pos) <= '9') {
        pos++;
      }
      if (start == pos || pos - start > 6) {
        throw error("expected a number");
      }
      return Integer.parseInt(path, start, pos, 10);
    }

    boolean accept(char c) {
      if (pos < path.length() && path.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    void expect(char c) {
      if (!accept(c)) {
        throw error("expected '" + c + "'");
      }
    }

    void expectEnd() {
      if (pos != path.length()) {
        throw error("unexpected text");
      }
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException(
          "Bad HL7 path '" + path + "' at position " + pos + ": " + what
              + "; expected SEG[(occurrence)]-field[(repetition)][-component[-subcomponent]], e.g. PID-5(1)-1");
    }

    private static boolean isIdChar(char c) {
      return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
  }
}

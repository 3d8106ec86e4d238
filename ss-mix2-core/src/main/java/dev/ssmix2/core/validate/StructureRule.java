package dev.ssmix2.core.validate;

import com.google.common.collect.ImmutableSet;
import java.util.Set;

/**
 * The segment structure of one HL7 event as the NHO profile writes it: a regular expression over the concatenated
 * segment IDs, e.g. {@code ^(MSH)(SFT)*(EVN)(PID)(PD1)?…}. The segments it allows and requires are derived from the
 * expression itself, so the table stays the single source.
 */
record StructureRule(String event, SegmentAutomaton automaton, Set<String> allowed, Set<String> required) {

  static StructureRule parse(String event, String expression) {
    String body = expression.startsWith("^") ? expression.substring(1) : expression;
    ImmutableSet.Builder<String> allowed = ImmutableSet.builder();
    ImmutableSet.Builder<String> required = ImmutableSet.builder();
    new Shape(body, allowed, required).sequence(true);
    return new StructureRule(event, SegmentAutomaton.compile(body), allowed.build(), required.build());
  }

  /** Whether the segment IDs, in message order, follow the structure; linear time, no recursion on the input. */
  boolean matches(Iterable<String> ids) {
    return automaton.matches(ids);
  }

  /**
   * A recursive-descent reader of the profile's regex subset: groups {@code ( … )}, three-letter segment atoms,
   * {@code .} and the quantifiers {@code ? * +}. A segment is required when it is reached through groups that are
   * all mandatory (no {@code ?} or {@code *}).
   */
  private static final class Shape {
    private final String s;
    private final ImmutableSet.Builder<String> allowed;
    private final ImmutableSet.Builder<String> required;
    private int pos;

    Shape(String s, ImmutableSet.Builder<String> allowed, ImmutableSet.Builder<String> required) {
      this.s = s;
      this.allowed = allowed;
      this.required = required;
    }

    void sequence(boolean mandatory) {
      while (pos < s.length() && s.charAt(pos) != ')') {
        item(mandatory);
      }
    }

    private void item(boolean mandatory) {
      char c = s.charAt(pos);
      if (c == '(') {
        int close = s.indexOf(')', pos);
        String inner = close > 0 ? s.substring(pos + 1, close) : "";
        if (inner.matches("[A-Z][A-Z0-9]{2}")) {
          pos = close + 1;
          boolean req = mandatory && !optionalQuantifier();
          allowed.add(inner);
          if (req) {
            required.add(inner);
          }
          return;
        }
        int start = ++pos;
        // Look ahead for this group's quantifier to know whether its content is mandatory.
        int end = matchingClose(start - 1);
        pos = end + 1;
        boolean req = mandatory && !optionalQuantifier();
        int after = pos;
        pos = start;
        sequence(req);
        pos = after;
        return;
      }
      pos++; // '.', or a quantifier after '.'
      optionalQuantifier();
    }

    /** Consumes a quantifier; true when it allows zero occurrences. */
    private boolean optionalQuantifier() {
      if (pos < s.length()) {
        char q = s.charAt(pos);
        if (q == '?' || q == '*') {
          pos++;
          return true;
        }
        if (q == '+') {
          pos++;
        }
      }
      return false;
    }

    private int matchingClose(int open) {
      int depth = 0;
      for (int i = open; i < s.length(); i++) {
        if (s.charAt(i) == '(') {
          depth++;
        } else if (s.charAt(i) == ')' && --depth == 0) {
          return i;
        }
      }
      throw new IllegalStateException("unbalanced parenthesis in profile pattern: " + s);
    }
  }
}

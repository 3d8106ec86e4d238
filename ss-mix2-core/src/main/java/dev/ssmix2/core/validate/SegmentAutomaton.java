package dev.ssmix2.core.validate;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A Thompson automaton over segment IDs, built from the profile's structure expressions (groups {@code ( … )},
 * three-letter segment atoms, {@code .} for any one segment, quantifiers {@code ? * +}). Matching keeps a set of live
 * states per segment, so its cost is linear in the message and it never recurses on input: {@link java.util.regex}
 * recurses once per repetition of a group and overflows the stack on a lab message with a few hundred OBX segments.
 */
final class SegmentAutomaton {
  private static final String ANY = ".";

  /** Per state: the segment ID it consumes (or {@link #ANY}), null for a state that only has epsilon moves. */
  private final List<String> symbol = new ArrayList<>();
  /** Per state: where consuming its symbol leads. */
  private final List<Integer> next = new ArrayList<>();
  /** Per state: epsilon moves. */
  private final List<List<Integer>> epsilon = new ArrayList<>();
  private final int start;
  private final int accept;

  private record Fragment(int start, int end) {}

  private SegmentAutomaton(String expression) {
    Parser p = new Parser(expression);
    Fragment f = p.sequence();
    if (p.pos != expression.length()) {
      throw new IllegalArgumentException("unbalanced ')' at " + p.pos + " in structure expression: " + expression);
    }
    start = f.start();
    accept = f.end();
  }

  /** Compiles an expression such as {@code (MSH)(SFT)*((PID)(PD1)?)?} (without the leading {@code ^}). */
  static SegmentAutomaton compile(String expression) {
    return new SegmentAutomaton(expression);
  }

  /** Whether the whole sequence of segment IDs is accepted. */
  boolean matches(Iterable<String> ids) {
    BitSet current = closure(single(start));
    for (String id : ids) {
      BitSet moved = new BitSet(symbol.size());
      for (int s = current.nextSetBit(0); s >= 0; s = current.nextSetBit(s + 1)) {
        String sym = symbol.get(s);
        if (sym != null && (sym.equals(ANY) || sym.equals(id))) {
          moved.set(next.get(s));
        }
      }
      if (moved.isEmpty()) {
        return false;
      }
      current = closure(moved);
    }
    return current.get(accept);
  }

  private BitSet single(int state) {
    BitSet b = new BitSet(symbol.size());
    b.set(state);
    return b;
  }

  /** The states reachable through epsilon moves, with an explicit work list. */
  private BitSet closure(BitSet states) {
    BitSet out = (BitSet) states.clone();
    int[] work = new int[symbol.size()];
    int n = 0;
    for (int s = states.nextSetBit(0); s >= 0; s = states.nextSetBit(s + 1)) {
      work[n++] = s;
    }
    while (n > 0) {
      for (int t : epsilon.get(work[--n])) {
        if (!out.get(t)) {
          out.set(t);
          work[n++] = t;
        }
      }
    }
    return out;
  }

  private int state(String sym) {
    symbol.add(sym);
    next.add(-1);
    epsilon.add(new ArrayList<>(2));
    return symbol.size() - 1;
  }

  private void eps(int from, int to) {
    epsilon.get(from).add(to);
  }

  /** Recursive descent over the expression: its depth follows the profile table's nesting, never the input. */
  private final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    Fragment sequence() {
      int first = state(null);
      int end = first;
      while (pos < s.length() && s.charAt(pos) != ')') {
        Fragment item = quantified(atom());
        eps(end, item.start());
        end = item.end();
      }
      return new Fragment(first, end);
    }

    private Fragment atom() {
      char c = s.charAt(pos);
      if (c == '(') {
        pos++;
        int close = s.indexOf(')', pos);
        String inner = close > 0 ? s.substring(pos, close) : "";
        if (inner.matches("[A-Z][A-Z0-9]{2}")) {
          pos = close + 1;
          return symbolFragment(inner);
        }
        Fragment f = sequence();
        if (pos >= s.length() || s.charAt(pos) != ')') {
          throw new IllegalArgumentException("unbalanced '(' in structure expression: " + s);
        }
        pos++;
        return f;
      }
      if (c == '.') {
        pos++;
        return symbolFragment(ANY);
      }
      throw new IllegalArgumentException("unexpected '" + c + "' at " + pos + " in structure expression: " + s);
    }

    private Fragment symbolFragment(String sym) {
      int from = state(sym);
      int to = state(null);
      next.set(from, to);
      return new Fragment(from, to);
    }

    private Fragment quantified(Fragment f) {
      if (pos >= s.length()) {
        return f;
      }
      char q = s.charAt(pos);
      if (q != '?' && q != '*' && q != '+') {
        return f;
      }
      pos++;
      int in = state(null);
      int out = state(null);
      eps(in, f.start());
      eps(f.end(), out);
      if (q == '?' || q == '*') {
        eps(in, out);
      }
      if (q == '*' || q == '+') {
        eps(f.end(), f.start());
      }
      return new Fragment(in, out);
    }
  }
}

package dev.ssmix2.core.hl7;

import java.util.HexFormat;

/**
 * HL7 escape sequences inside one primitive value. {@code \F\ \S\ \T\ \R\ \E\} become the delimiter they stand for;
 * {@code \Xhh…\} is decoded as bytes (with the same charset detection as whole files); {@code \.br\} becomes a line
 * break; other formatting and charset-switch escapes ({@code \H\ \N\ \.sp\ \Cxxyy\ \Mxxyyzz\ \Zxx\}) are dropped.
 * An escape character without a closing partner is kept literally, since real data uses a lone backslash in text.
 */
final class Escaping {
  private Escaping() {}

  static String unescape(String raw, EncodingCharacters enc) {
    char esc = enc.escape();
    int first = raw.indexOf(esc);
    if (first < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    out.append(raw, 0, first);
    int i = first;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c != esc) {
        out.append(c);
        i++;
        continue;
      }
      int close = raw.indexOf(esc, i + 1);
      if (close < 0) {
        out.append(raw, i, raw.length());
        break;
      }
      String body = raw.substring(i + 1, close);
      String replacement = replacement(body, enc);
      if (replacement == null) {
        // Not an escape we know: keep the text, but only consume the opening character so the closing one can
        // start a real escape.
        out.append(c);
        i++;
        continue;
      }
      out.append(replacement);
      i = close + 1;
    }
    return out.toString();
  }

  /** What an escape body stands for, or null if the body is not an HL7 escape. */
  private static String replacement(String body, EncodingCharacters enc) {
    if (body.length() == 1) {
      switch (body.charAt(0)) {
        case 'F':
          return String.valueOf(enc.field());
        case 'S':
          return String.valueOf(enc.component());
        case 'T':
          return String.valueOf(enc.subcomponent());
        case 'R':
          return String.valueOf(enc.repetition());
        case 'E':
          return String.valueOf(enc.escape());
        case 'H':
        case 'N':
          return "";
        default:
          return null;
      }
    }
    if (body.isEmpty()) {
      return null;
    }
    char kind = body.charAt(0);
    String rest = body.substring(1);
    switch (kind) {
      case 'X':
        return decodeHex(rest);
      case '.':
        return rest.equals("br") ? "\n" : isFormatting(rest) ? "" : null;
      case 'C':
      case 'M':
      case 'Z':
        return isHex(rest) || kind == 'Z' ? "" : null;
      default:
        return null;
    }
  }

  private static boolean isFormatting(String command) {
    if (command.isEmpty()) {
      return false;
    }
    for (int i = 0; i < command.length(); i++) {
      char c = command.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-')) {
        return false;
      }
    }
    return Character.isLetter(command.charAt(0));
  }

  private static String decodeHex(String hex) {
    if (hex.isEmpty() || hex.length() % 2 != 0 || !isHex(hex)) {
      return null;
    }
    return Hl7Decoder.decode(HexFormat.of().parseHex(hex)).text();
  }

  private static boolean isHex(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}

package dev.ssmix2.core.hl7;

import java.nio.charset.Charset;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * HL7 escape sequences inside one primitive value. {@code \F\ \S\ \T\ \R\ \E\} become the delimiter they stand for;
 * {@code \Xhh…\} is decoded as bytes in the charset the message was decoded with (when the caller knows it; else with
 * the same charset detection as whole files); {@code \.br\} becomes a line
 * break; other formatting and charset-switch escapes ({@code \H\ \N\ \.sp\ \Cxxyy\ \Mxxyyzz\ \Zxx\}) are dropped.
 * An escape character without a closing partner is kept literally, since real data uses a lone backslash in text.
 */
final class Escaping {
  private Escaping() {}

  static String unescape(String raw, EncodingCharacters enc) {
    return unescape(raw, enc, null);
  }

  /**
   * Unescapes {@code raw}; {@code \Xhh\} bytes are decoded strictly in {@code charset}, or by detection when it is
   * null.
   */
  static String unescape(String raw, EncodingCharacters enc, Charset charset) {
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
      String replacement = replacement(body, enc, charset);
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

  /**
   * The first escape sequence in {@code raw} that is not a valid HL7 escape (an unknown or malformed body such as
   * {@code \Q\} or {@code \X4\}, or an escape character without a closing partner), or null when all are valid.
   * Linear in the text.
   */
  static @Nullable String firstInvalid(String raw, EncodingCharacters enc) {
    char esc = enc.escape();
    int i = raw.indexOf(esc);
    while (i >= 0) {
      int close = raw.indexOf(esc, i + 1);
      if (close < 0) {
        return abbreviate(raw.substring(i));
      }
      if (replacement(raw.substring(i + 1, close), enc, null, false) == null) {
        return abbreviate(raw.substring(i, close + 1));
      }
      i = raw.indexOf(esc, close + 1);
    }
    return null;
  }

  /** What an escape body stands for, or null if the body is not an HL7 escape. */
  private static @Nullable String replacement(String body, EncodingCharacters enc, @Nullable Charset charset) {
    return replacement(body, enc, charset, true);
  }

  /** As above; without {@code decode} a valid hex escape gives "" instead of its decoded text. */
  private static @Nullable String replacement(String body, EncodingCharacters enc, @Nullable Charset charset,
      boolean decode) {
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
        return decode ? decodeHex(rest, charset) : validHex(rest) ? "" : null;
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

  private static boolean validHex(String hex) {
    return !hex.isEmpty() && hex.length() % 2 == 0 && isHex(hex);
  }

  private static @Nullable String decodeHex(String hex, @Nullable Charset charset) {
    if (!validHex(hex)) {
      return null;
    }
    byte[] bytes = HexFormat.of().parseHex(hex);
    if (charset == null) {
      return Hl7Decoder.decode(bytes).text();
    }
    return RecordingDecoder.strict(bytes, charset).orElse(null);
  }

  /**
   * Why {@code raw} cannot be unescaped to exactly one reading, if it cannot: an escape character without its closing
   * partner (a delimiter the sender did not escape), an escape body that is no HL7 escape, or {@code \Xhh\} bytes
   * that are not hex or do not decode in {@code charset}. Empty when every escape character starts a valid escape.
   */
  static Optional<String> problem(String raw, EncodingCharacters enc, Charset charset) {
    char esc = enc.escape();
    int i = raw.indexOf(esc);
    while (i >= 0) {
      int close = raw.indexOf(esc, i + 1);
      if (close < 0) {
        return Optional.of("an escape character '" + esc + "' without its closing '" + esc
            + "' (an unescaped delimiter; write it as " + esc + "E" + esc + ")");
      }
      String body = raw.substring(i + 1, close);
      if (replacement(body, enc, charset) == null) {
        if (!body.isEmpty() && body.charAt(0) == 'X') {
          return Optional.of("the hex escape " + esc + abbreviate(body) + esc + " does not decode"
              + (charset == null ? "" : " as " + charset.name()));
        }
        return Optional.of("'" + esc + abbreviate(body) + esc + "' is not an HL7 escape sequence");
      }
      i = raw.indexOf(esc, close + 1);
    }
    return Optional.empty();
  }

  private static String abbreviate(String s) {
    int n = s.codePointCount(0, s.length());
    return n <= 20 ? s : s.substring(0, s.offsetByCodePoints(0, 20)) + "…";
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

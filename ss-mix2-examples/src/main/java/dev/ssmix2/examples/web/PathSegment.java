package dev.ssmix2.examples.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns one raw URL path segment into an identifier for {@link ViewerData}, refusing anything that could mean a path.
 *
 * <p>The server never maps identifiers to files, so this is defence in depth for adapters: a decoded identifier never
 * contains {@code /}, {@code \}, {@code ..}, a leading {@code .}, {@code :}, control characters or invalid UTF-8.
 */
final class PathSegment {
  static final int MAX_CODE_POINTS = 128;

  private PathSegment() {}

  /** The decoded identifier; throws {@link HttpError} 400 naming the problem (without echoing the input). */
  static String identifier(String rawSegment) {
    if (rawSegment.isEmpty()) {
      throw HttpError.badRequest("empty identifier");
    }
    String decoded = percentDecode(rawSegment);
    if (decoded.codePointCount(0, decoded.length()) > MAX_CODE_POINTS) {
      throw HttpError.badRequest("identifier longer than " + MAX_CODE_POINTS + " characters");
    }
    if (decoded.startsWith(".") || decoded.contains("..")) {
      throw HttpError.badRequest("identifier must not start with '.' or contain '..'");
    }
    decoded.codePoints().forEach(PathSegment::checkAllowed);
    return decoded;
  }

  private static void checkAllowed(int cp) {
    if (cp == '/' || cp == '\\' || cp == ':' || cp == '%' || Character.isISOControl(cp) || Character.isWhitespace(cp)
        || Character.getType(cp) == Character.FORMAT) {
      throw HttpError.badRequest("identifier contains a character that is not allowed (U+" + Integer.toHexString(cp)
          .toUpperCase(java.util.Locale.ROOT) + ")");
    }
  }

  /** Strict RFC 3986 percent-decoding as UTF-8; {@code +} stays a plus sign (it is not a query string). */
  static String percentDecode(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw HttpError.badRequest("truncated percent-escape in path");
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw HttpError.badRequest("malformed percent-escape in path");
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        // A raw non-ASCII char is not legal in a request line; the JDK hands it over as decoded ISO-8859-1 at best.
        throw HttpError.badRequest("unescaped non-ASCII character in path");
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw HttpError.badRequest("path segment is not valid UTF-8");
    }
  }
}

package dev.ssmix2.core.write;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.Arrays;

/** Turns message text into file bytes: one terminator per segment, then the charset, strictly or with ■. */
final class MessageEncoder {
  private final WriterOptions options;

  MessageEncoder(WriterOptions options) {
    this.options = options;
  }

  byte[] encode(String message, Path target) {
    String text = normalizeLineEndings(message, options.lineEnding().text());
    CharsetEncoder encoder = options.charset().newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return encodeStrict(encoder, text);
    } catch (CharacterCodingException e) {
      int bad = firstUnencodable(options.charset().newEncoder(), text);
      if (options.substituteUnencodable()) {
        try {
          return encodeStrict(encoder.reset(), substitute(text));
        } catch (CharacterCodingException again) {
          throw new StorageWriteException(target, "even with ■ substituted the message cannot be encoded in "
              + options.charset() + " (the charset lacks ■)", again);
        }
      }
      throw unencodable(text, bad, target);
    }
  }

  private static byte[] encodeStrict(CharsetEncoder encoder, String text) throws CharacterCodingException {
    ByteBuffer out = encoder.encode(CharBuffer.wrap(text));
    return Arrays.copyOfRange(out.array(), out.arrayOffset() + out.position(), out.arrayOffset() + out.limit());
  }

  /** Replaces every code point the charset lacks with ■, one ■ per code point (so 𠮷 becomes one ■, not two). */
  private String substitute(String text) {
    CharsetEncoder probe = options.charset().newEncoder();
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      String s = new String(Character.toChars(cp));
      sb.append(probe.canEncode(s) ? s : WriterOptions.SUBSTITUTE);
    });
    return sb.toString();
  }

  private static int firstUnencodable(CharsetEncoder probe, String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!probe.canEncode(new String(Character.toChars(cp)))) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return 0;
  }

  private UnencodableCharacterException unencodable(String text, int index, Path target) {
    String ending = options.lineEnding().text();
    int segmentStart = text.lastIndexOf(ending, index);
    segmentStart = segmentStart < 0 ? 0 : segmentStart + ending.length();
    int segment = 1;
    for (int i = text.indexOf(ending); i >= 0 && i < index; i = text.indexOf(ending, i + ending.length())) {
      segment++;
    }
    int column = text.codePointCount(segmentStart, index) + 1;
    String segmentId = text.substring(segmentStart, Math.min(segmentStart + 3, text.length()));
    return new UnencodableCharacterException(target, options.charset().name(), text.codePointAt(index), segment,
        column, segmentId);
  }

  /** Splits on CR, LF or CRLF, drops empty lines and MLLP framing bytes, and ends every segment with {@code ending}. */
  static String normalizeLineEndings(String message, String ending) {
    StringBuilder sb = new StringBuilder(message.length() + 16);
    int start = 0;
    int n = message.length();
    for (int i = 0; i <= n; i++) {
      char c = i < n ? message.charAt(i) : '\n';
      if (c == '\r' || c == '\n') {
        if (i > start) {
          sb.append(message, start, i).append(ending);
        }
        start = i + 1;
      } else if (c == 0x0B || c == 0x1C) {
        if (i > start) {
          sb.append(message, start, i);
        }
        start = i + 1;
      }
    }
    return sb.toString();
  }
}

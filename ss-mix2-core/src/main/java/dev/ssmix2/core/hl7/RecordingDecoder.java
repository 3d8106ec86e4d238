package dev.ssmix2.core.hl7;

import com.google.common.collect.ImmutableList;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.List;
import java.util.Optional;

/**
 * Runs a JDK decoder in REPORT mode and keeps going after each error, so that every bad byte sequence is known by
 * offset instead of being silently replaced. Continuing with the same decoder keeps ISO-2022 shift state, so the
 * text after a bad JIS pair still decodes as kanji.
 */
final class RecordingDecoder {
  private static final char REPLACEMENT = '\uFFFD';

  record Error(int offset, int length, String reason) {}

  /** The first {@code DecodedText.MAX_LISTED} errors, and how many there were in all. */
  record Result(String text, List<Error> errors, int errorCount) {}

  private RecordingDecoder() {}

  static Optional<String> strict(byte[] bytes, Charset charset) {
    Result result = run(bytes, charset, true);
    return result.errors().isEmpty() ? Optional.of(result.text()) : Optional.empty();
  }

  static Result lenient(byte[] bytes, Charset charset) {
    return run(bytes, charset, false);
  }

  private static Result run(byte[] bytes, Charset charset, boolean stopAtFirstError) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // Every supported charset yields at most one char per input byte (UTF-8: 2 chars per 4 bytes).
    CharBuffer out = CharBuffer.allocate(bytes.length + 16);
    ImmutableList.Builder<Error> errors = ImmutableList.builder();
    int errorCount = 0;
    // one reason string per kind, not one per error: a garbage file has an error every few bytes
    String malformed = "malformed input for " + charset.name();
    String unmappable = "unmappable character for " + charset.name();
    boolean failed = false;
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        result = decoder.flush(out);
        if (result.isOverflow()) {
          out = grow(out);
          continue;
        }
        break;
      }
      if (result.isOverflow()) {
        out = grow(out);
        continue;
      }
      int offset = in.position();
      int length = Math.max(1, result.length());
      if (errorCount++ < DecodedText.MAX_LISTED) {
        errors.add(new Error(offset, length, result.isMalformed() ? malformed : unmappable));
      }
      failed = true;
      if (stopAtFirstError) {
        break;
      }
      if (!out.hasRemaining()) {
        out = grow(out);
      }
      out.put(REPLACEMENT);
      in.position(Math.min(in.limit(), offset + length));
    }
    out.flip();
    return new Result(failed && stopAtFirstError ? "" : out.toString(), errors.build(), errorCount);
  }

  private static CharBuffer grow(CharBuffer out) {
    CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
    out.flip();
    bigger.put(out);
    return bigger;
  }
}

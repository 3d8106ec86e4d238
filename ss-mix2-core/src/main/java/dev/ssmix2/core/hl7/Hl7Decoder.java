package dev.ssmix2.core.hl7;

import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Turns the bytes of one message file into text, choosing the charset per file (文字コードはファイル単位で判定).
 *
 * <p>SS-MIX2 prescribes ISO-2022-JP (JIS X 0208 via {@code ESC $ B}), but real storages also hold Windows-only
 * characters (NEC row 13 such as ①, IBM extended kanji such as 髙), Shift_JIS/CP932 and UTF-8 files. The decision
 * is made for each file:
 *
 * <ol>
 *   <li>MLLP framing bytes 0x0B and 0x1C are removed wherever they occur (neither can be part of a multibyte
 *       character in ISO-2022-JP, Shift_JIS or UTF-8), then a leading UTF-8 BOM.
 *   <li>If the bytes contain ESC (0x1B): strict {@code ISO-2022-JP}, else strict {@code x-windows-iso2022jp}, else
 *       {@code x-windows-iso2022jp} with replacements.
 *   <li>Else if no byte is 0x80 or above: US-ASCII.
 *   <li>Else strict UTF-8, else strict {@code windows-31j} (CP932, with NEC/IBM extensions), else {@code windows-31j}
 *       with replacements.
 * </ol>
 *
 * <p>MSH-18 is not consulted: writers get it wrong too often. The whole file is decoded before any splitting,
 * because JIS byte pairs contain HL7 delimiter bytes.
 *
 * <p>The charsets disagree on a few JIS code points: JIS 0x2141 is U+301C (〜) from {@code ISO-2022-JP} but U+FF5E
 * (～) from {@code x-windows-iso2022jp}; likewise 0x215D (− / －) and 0x2142 (‖ / ∥). The text is kept exactly as the
 * chosen decoder produced it; folding these variants is the job of whoever compares names (the index).
 *
 * <pre>{@code
 * DecodedText decoded = Hl7Decoder.decode(Files.readAllBytes(file));
 * if (!decoded.isClean()) {
 *   report(file, decoded.replacements());
 * }
 * }</pre>
 */
public final class Hl7Decoder {
  static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");
  static final Charset WINDOWS_ISO_2022_JP = Charset.forName("x-windows-iso2022jp");
  static final Charset WINDOWS_31J = Charset.forName("windows-31j");

  private static final byte ESC = 0x1B;

  private Hl7Decoder() {}

  /** Decodes one whole message file; never throws on bad bytes, it records them in {@link DecodedText#replacements()}. */
  public static DecodedText decode(byte[] bytes) {
    checkNotNull(bytes, "bytes");
    Framing framing = Framing.strip(bytes);
    byte[] payload = framing.payload();
    if (contains(payload, ESC)) {
      return firstStrict(framing, ISO_2022_JP, WINDOWS_ISO_2022_JP)
          .orElseGet(() -> lenient(framing, WINDOWS_ISO_2022_JP));
    }
    if (isAscii(payload)) {
      return new DecodedText(new String(payload, StandardCharsets.US_ASCII), StandardCharsets.US_ASCII, List.of(),
          framing.hadMllpFraming(), 0, framing.hadByteOrderMark());
    }
    return firstStrict(framing, StandardCharsets.UTF_8, WINDOWS_31J)
        .orElseGet(() -> lenient(framing, WINDOWS_31J));
  }

  private static Optional<DecodedText> firstStrict(Framing framing, Charset... candidates) {
    for (Charset charset : candidates) {
      Optional<String> text = RecordingDecoder.strict(framing.payload(), charset);
      if (text.isPresent()) {
        return Optional.of(new DecodedText(text.get(), charset, List.of(), framing.hadMllpFraming(), 0,
            framing.hadByteOrderMark()));
      }
    }
    return Optional.empty();
  }

  private static DecodedText lenient(Framing framing, Charset charset) {
    RecordingDecoder.Result result = RecordingDecoder.lenient(framing.payload(), charset);
    List<DecodedText.Replacement> replacements =
        result.errors().stream()
            .map(
                error ->
                    new DecodedText.Replacement(
                        framing.originalOffset(error.offset()),
                        hex(framing.payload(), error.offset(), error.length()),
                        error.reason()))
            .toList();
    return new DecodedText(result.text(), charset, replacements, framing.hadMllpFraming(), result.errorCount(),
        framing.hadByteOrderMark());
  }

  private static boolean contains(byte[] bytes, byte wanted) {
    for (byte b : bytes) {
      if (b == wanted) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  static String hex(byte[] bytes, int offset, int length) {
    int end = Math.min(bytes.length, offset + length);
    return HEX.formatHex(bytes, offset, Math.max(offset, end));
  }

  private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
}

package dev.ssmix2.core.write;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.nio.charset.Charset;

/**
 * How a {@link StorageWriter} encodes messages and which patient IDs it accepts.
 *
 * <pre>{@code
 * WriterOptions o = WriterOptions.defaults()                 // ISO-2022-JP, CR, strict, IDs of 6+ characters
 *     .withSubstituteUnencodable(true);                      // 外字 → ■ instead of an error
 * }</pre>
 *
 * @param charset the file encoding; SS-MIX2 prescribes ISO-2022-JP (JIS X 0208)
 * @param lineEnding the segment terminator
 * @param substituteUnencodable write {@code ■} for characters the charset lacks instead of refusing the message
 * @param minimumIdLength the shortest patient ID accepted; the folder scheme takes characters 1–3 and 4–6 of the ID,
 *     so shorter IDs would collapse folder levels (docs/storage-rules.md, "Folder scheme")
 */
public record WriterOptions(Charset charset, LineEnding lineEnding, boolean substituteUnencodable,
    int minimumIdLength) {

  /** The substitute the guideline uses for characters outside JIS X 0208 (外字). */
  public static final String SUBSTITUTE = "■";

  public WriterOptions {
    checkNotNull(charset, "charset must not be null");
    checkArgument(charset.canEncode(), "charset %s cannot encode, so it cannot be used for writing", charset);
    checkNotNull(lineEnding, "line ending must not be null");
    checkArgument(minimumIdLength >= 1, "minimum patient ID length is %s; expected at least 1", minimumIdLength);
  }

  /** ISO-2022-JP, CR, refuse unencodable characters, patient IDs of at least 6 characters. */
  public static WriterOptions defaults() {
    return new WriterOptions(Charset.forName("ISO-2022-JP"), LineEnding.CR, false, 6);
  }

  public WriterOptions withCharset(Charset c) {
    return new WriterOptions(c, lineEnding, substituteUnencodable, minimumIdLength);
  }

  public WriterOptions withLineEnding(LineEnding e) {
    return new WriterOptions(charset, e, substituteUnencodable, minimumIdLength);
  }

  public WriterOptions withSubstituteUnencodable(boolean substitute) {
    return new WriterOptions(charset, lineEnding, substitute, minimumIdLength);
  }

  public WriterOptions withMinimumIdLength(int length) {
    return new WriterOptions(charset, lineEnding, substituteUnencodable, length);
  }
}

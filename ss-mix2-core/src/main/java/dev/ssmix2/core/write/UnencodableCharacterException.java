package dev.ssmix2.core.write;

import java.nio.file.Path;

/**
 * The message holds a character the target charset cannot represent (e.g. 髙 or 𠮷 in ISO-2022-JP, which only has
 * JIS X 0208). Thrown before anything is written.
 */
public final class UnencodableCharacterException extends StorageWriteException {
  private final int codePoint;
  private final int segment;
  private final int column;

  UnencodableCharacterException(Path path, String charset, int codePoint, int segment, int column, String segmentId) {
    super(path, String.format("character U+%04X '%s' in segment %d (%s), column %d cannot be encoded in %s; "
            + "replace it (e.g. with ■, as the guideline does for 外字) or write with another charset",
        codePoint, new String(Character.toChars(codePoint)), segment, segmentId, column, charset));
    this.codePoint = codePoint;
    this.segment = segment;
    this.column = column;
  }

  /** The offending Unicode code point. */
  public int codePoint() {
    return codePoint;
  }

  /** 1-based segment number in the message. */
  public int segment() {
    return segment;
  }

  /** 1-based position of the character within its segment, counted in code points. */
  public int column() {
    return column;
  }
}

package dev.ssmix2.core.write;

/** The segment terminator written after every HL7 segment. SS-MIX2 prescribes {@link #CR}; the others exist in the wild. */
public enum LineEnding {
  /** {@code \r}, the HL7 rule. */
  CR("\r"),
  /** {@code \n}, as some generators write. */
  LF("\n"),
  /** {@code \r\n}, as .NET {@code WriteLine} writes. */
  CRLF("\r\n");

  private final String text;

  LineEnding(String text) {
    this.text = text;
  }

  /** The terminator characters. */
  public String text() {
    return text;
  }
}

package dev.ssmix2.core.hl7;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of one message file together with how it was decoded.
 *
 * @param text the decoded text; MLLP framing bytes and a UTF-8 BOM are already removed, undecodable byte sequences are
 *     replaced by U+FFFD
 * @param charset the charset that produced {@code text} (not the one MSH-18 declares)
 * @param replacements the undecodable byte sequences in file order, the first {@value #MAX_LISTED} of them (so that a
 *     garbage file costs bounded memory); empty when the file decoded strictly
 * @param hadMllpFraming whether the file contained MLLP framing bytes (0x0B start block or 0x1C end block)
 * @param replacementCount how many byte sequences were replaced in all, at least {@code replacements.size()}
 * @param hadByteOrderMark whether the file started with a UTF-8 byte order mark (removed from {@code text})
 */
public record DecodedText(
    String text, Charset charset, List<Replacement> replacements, boolean hadMllpFraming, int replacementCount,
    boolean hadByteOrderMark) {

  /** The most replacements listed one by one; the rest are only counted. */
  public static final int MAX_LISTED = 100;

  public DecodedText {
    checkNotNull(text, "text");
    checkNotNull(charset, "charset");
    replacements = ImmutableList.copyOf(replacements);
    checkArgument(replacementCount >= replacements.size(),
        "replacementCount %s is less than the %s replacements listed", replacementCount, replacements.size());
  }

  /** A decoded text whose every replacement is listed. */
  public DecodedText(String text, Charset charset, List<Replacement> replacements, boolean hadMllpFraming) {
    this(text, charset, replacements, hadMllpFraming, replacements.size(), false);
  }

  /** True when every byte decoded without replacement (MLLP framing does not count as damage). */
  public boolean isClean() {
    return replacementCount == 0;
  }

  /**
   * True when the file was in the charset SS-MIX2 prescribes: ISO-2022-JP, or plain ASCII (its subset). False for the
   * Windows, UTF-8 and Shift_JIS fallbacks, which a validator may want to report as "encoding repaired".
   */
  public boolean isSsMix2Charset() {
    return charset.equals(Hl7Decoder.ISO_2022_JP) || charset.equals(StandardCharsets.US_ASCII);
  }

  /**
   * One undecodable byte sequence, replaced by U+FFFD in the text.
   *
   * @param offset byte offset in the original file (before MLLP/BOM stripping)
   * @param hexBytes the offending bytes as upper-case hex, space separated, e.g. {@code "FB FC"}
   * @param reason why the bytes could not be decoded, naming the charset
   */
  public record Replacement(int offset, String hexBytes, String reason) {
    public Replacement {
      checkNotNull(hexBytes, "hexBytes");
      checkNotNull(reason, "reason");
    }
  }
}

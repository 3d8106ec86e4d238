package dev.ssmix2.core.validate;

import dev.ssmix2.core.hl7.DecodedText;
import dev.ssmix2.core.hl7.Hl7Message;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * SS-MIX2 allows ASCII plus JIS X 0208 (MSH-18 {@code ~ISO IR87}, ISO-2022-JP). A file that declares that but was
 * written in CP932, UTF-8 or with Windows extensions decodes here, but may not in other readers.
 */
final class CharsetCheck {
  private static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");
  /** EUC-JP writes JIS X 0208 as two bytes 0xA1–0xFE and everything else (JIS X 0201 kana, 0212) differently. */
  private static final Charset EUC_JP = Charset.forName("EUC-JP");
  private static final int MAX_LISTED = 5;

  private CharsetCheck() {}

  static Optional<Finding> check(String path, DecodedText decoded, Hl7Message message) {
    Optional<String> declared = message.declaredCharset();
    if (declared.isEmpty()) {
      return Optional.empty(); // the missing MSH-18 is a missing-field finding
    }
    String normalized = declared.get().replace(" ", "").toUpperCase(Locale.ROOT);
    Charset used = decoded.charset();
    if (!normalized.contains("ISOIR87")) {
      return Optional.of(new Finding(FindingCode.OTHER_CHARSET, path, "MSH-18 declares '" + declared.get()
          + "' (decoded as " + used.name() + "); SS-MIX2 prescribes '~ISO IR87' (ISO-2022-JP)"));
    }
    List<String> outside = outsideJisX0208(decoded.text());
    boolean standardCharset = used.equals(ISO_2022_JP) || used.equals(StandardCharsets.US_ASCII);
    if (standardCharset && outside.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder m = new StringBuilder("MSH-18 declares '" + declared.get() + "' (ISO-2022-JP, JIS X 0208)");
    if (!standardCharset) {
      m.append(" but the file is written in ").append(used.name());
    }
    if (!outside.isEmpty()) {
      m.append(standardCharset ? " but holds" : " and holds").append(" characters outside JIS X 0208: ")
          .append(String.join(", ", outside));
    }
    m.append("; other SS-MIX2 readers may show these wrongly");
    return Optional.of(new Finding(FindingCode.NON_JIS_CHARACTERS, path, m.toString()));
  }

  /** Distinct non-ASCII characters that are not in JIS X 0208, as {@code 濵 (U+6FF5)}, at most a few. */
  static List<String> outsideJisX0208(String text) {
    CharsetEncoder encoder = EUC_JP.newEncoder();
    Set<Integer> seen = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    int total = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80 || cp == 0xFFFD || !seen.add(cp) || isJisX0208(encoder, cp)) {
        continue;
      }
      total++;
      if (out.size() < MAX_LISTED) {
        out.add(new String(Character.toChars(cp)) + " (U+" + String.format("%04X", cp) + ")");
      }
    }
    if (total > MAX_LISTED) {
      out.add("and " + (total - MAX_LISTED) + " more");
    }
    return out;
  }

  private static boolean isJisX0208(CharsetEncoder encoder, int cp) {
    try {
      ByteBuffer b = encoder.reset().encode(CharBuffer.wrap(Character.toChars(cp)));
      return b.remaining() == 2 && (b.get(0) & 0xFF) >= 0xA1 && (b.get(1) & 0xFF) >= 0xA1;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}

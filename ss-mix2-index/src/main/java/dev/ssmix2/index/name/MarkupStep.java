package dev.ssmix2.index.name;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes HTML/XML markup from a registered name, for search keys only: {@code <b>田中</b>} → 田中, {@code
 * &lt;b&gt;森&lt;/b&gt;} → 森, {@code &#x9AD9;木} → 髙木, {@code 大西&nbsp;真理} → "大西 真理".
 *
 * <p>Names with markup reach SS-MIX2 storages through web front ends that stored what a user pasted, through test
 * records that probe the viewer for XSS ({@code <script>alert('x')</script>}), and through systems that write a
 * character JIS cannot hold as a numeric character reference (外字 as {@code &#x9AD9;}). The viewer shows the name as
 * registered (escaped); only the keys are built from the visible text. The content of {@code script}, {@code style},
 * {@code rt} and {@code rp} elements is dropped with the element, since it is no part of the name as read (a ruby
 * reading {@code <rt>しょうじ</rt>} is not written in the kanji name). Line and block tags ({@code <br>}, {@code <p>},
 * {@code <div>}) leave a space, inline tags nothing. Escaped markup ({@code &lt;b&gt;}) is decoded and removed too.
 * A lone {@code <} or {@code &} that starts no tag or reference is kept.
 */
final class MarkupStep implements NameStep {
  static final String NAME = "removeMarkup";

  private static final Pattern COMMENT = Pattern.compile("<!--.*?(?:-->|$)", Pattern.DOTALL);
  private static final Pattern HIDDEN_ELEMENT =
      Pattern.compile("<(script|style|rt|rp)\\b[^<>]*>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9:-]*)\\b[^<>]*>|<[!?][^<>]*>");
  private static final Pattern BLOCK_TAG = Pattern.compile("br|p|div|li|tr|td|th|h[1-6]", Pattern.CASE_INSENSITIVE);
  private static final Pattern REFERENCE = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9A-Fa-f]{1,6})|([A-Za-z]{2,6}));");
  /** Escaped markup is decoded once and stripped again; deeper nesting is not worth chasing. */
  private static final int PASSES = 2;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apply(String text) {
    String result = text;
    for (int pass = 0; pass < PASSES && mayHoldMarkup(result); pass++) {
      result = decodeReferences(stripTags(result));
    }
    return result;
  }

  private static boolean mayHoldMarkup(String text) {
    return text.indexOf('<') >= 0 || text.indexOf('&') >= 0;
  }

  private static String stripTags(String text) {
    String withoutHidden = HIDDEN_ELEMENT.matcher(COMMENT.matcher(text).replaceAll("")).replaceAll("");
    Matcher m = TAG.matcher(withoutHidden);
    StringBuilder out = new StringBuilder(withoutHidden.length());
    while (m.find()) {
      boolean block = m.group(1) != null && BLOCK_TAG.matcher(m.group(1)).matches();
      m.appendReplacement(out, block ? " " : "");
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decodeReferences(String text) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(decode(m)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The text a reference stands for; an unknown name or an invalid code point is left as written. */
  private static String decode(Matcher m) {
    if (m.group(3) != null) {
      return switch (m.group(3).toLowerCase(Locale.ROOT)) {
        case "lt" -> "<";
        case "gt" -> ">";
        case "amp" -> "&";
        case "quot" -> "\"";
        case "apos" -> "'";
        case "nbsp", "ensp", "emsp", "thinsp" -> " ";
        default -> m.group();
      };
    }
    int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
    boolean valid = Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0;
    return valid ? Character.toString(cp) : m.group();
  }
}

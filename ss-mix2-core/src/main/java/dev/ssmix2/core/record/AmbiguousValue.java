package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A value that could not be read unambiguously, kept as the sender wrote it. For example OBX-5 {@code 500×10^4} of a
 * string (ST) result: the {@code ^} was not escaped, so a strict reader sees two components and would show
 * {@code 500×10} (or only {@code 4}). Such a value must be shown as its raw text with a visible mark ({@link #MARK}),
 * never as a parsed number.
 *
 * @param raw the whole field as written, escapes and delimiters included
 * @param reason why it cannot be read as one value
 */
public record AmbiguousValue(String raw, String reason) {
  /** The mark shown in front of an ambiguous raw value. */
  public static final String MARK = "⚠";

  public AmbiguousValue {
    checkNotNull(raw, "raw");
    checkNotNull(reason, "reason");
    checkArgument(!reason.isBlank(), "an ambiguous value needs a reason, got a blank one for '%s'", raw);
  }

  /** The raw text with the mark in front, e.g. {@code ⚠500×10^4}. */
  public String marked() {
    return MARK + raw;
  }
}

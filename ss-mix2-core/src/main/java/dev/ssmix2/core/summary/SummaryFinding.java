package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Something a summary could not use, so the chart can say so instead of silently showing less.
 *
 * @param code stable problem code
 * @param file the storage-relative path of the file concerned
 * @param detail what was wrong, in words (English, for logs; viewers word the code themselves)
 */
public record SummaryFinding(Code code, String file, String detail) {

  /** Stable problem codes. */
  public enum Code {
    /** A current file of the patient could not be read (empty, truncated, not HL7 …). */
    UNREADABLE_FILE,
    /** An AL1 or IAM segment names no allergen: an allergy was sent but cannot be shown. */
    ALLERGEN_MISSING,
    /** A lab value has neither an observation time nor a 診療日, so it has no column in the matrix. */
    LAB_VALUE_UNDATED
  }

  public SummaryFinding {
    checkNotNull(code, "code must not be null");
    checkNotNull(file, "file must not be null");
    checkNotNull(detail, "detail must not be null");
  }
}

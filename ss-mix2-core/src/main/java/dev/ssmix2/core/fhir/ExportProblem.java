package dev.ssmix2.core.fhir;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Something the export could not carry over, with the file and the reason; the rest of the patient is exported.
 *
 * @param file the storage file, relative to its root
 * @param code a stable identifier ({@code unreadable-file}, {@code no-facility} …)
 * @param reason what was wrong, in words
 */
public record ExportProblem(String file, String code, String reason) {
  public ExportProblem {
    checkArgument(file != null && code != null && reason != null, "problem fields must not be null");
  }

  @Override
  public String toString() {
    return file + ": " + code + ": " + reason;
  }
}

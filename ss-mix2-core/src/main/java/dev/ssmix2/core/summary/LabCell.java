package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.StorageFile;
import java.util.List;
import java.util.Optional;

/**
 * One result value in the lab matrix, as sent.
 *
 * @param column when the specimen was taken
 * @param value OBX-5 as sent; when {@code ambiguity} is present this is the raw text, never a parsed number
 * @param unit OBX-6 text as sent (units may change over the years, so each value keeps its own)
 * @param referenceRange OBX-7 as sent
 * @param abnormalFlag OBX-8 as sent ({@code H}, {@code L}, {@code HH} …); "" when none
 * @param ambiguity why the value cannot be read unambiguously, when it cannot; the chart must mark it
 * @param comments the NTE-3 comments sent after the value's OBX, in order (e.g. 溶血あり)
 * @param file the result file
 */
public record LabCell(LabColumn column, String value, String unit, String referenceRange, String abnormalFlag,
    Optional<String> ambiguity, List<String> comments, StorageFile file) {

  public LabCell {
    checkNotNull(column, "column must not be null");
    checkNotNull(value, "value must not be null; use \"\"");
    checkNotNull(unit, "unit must not be null; use \"\"");
    checkNotNull(referenceRange, "referenceRange must not be null; use \"\"");
    checkNotNull(abnormalFlag, "abnormalFlag must not be null; use \"\"");
    checkNotNull(ambiguity, "ambiguity must not be null; use Optional.empty()");
    comments = List.copyOf(comments);
    checkNotNull(file, "file must not be null");
  }

  /** Whether OBX-8 flags the value as outside its reference range ({@code N} and empty are normal). */
  public boolean isAbnormal() {
    String f = abnormalFlag.strip();
    return !f.isEmpty() && !f.equalsIgnoreCase("N");
  }
}

package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * One test (row) of the lab matrix with its values, newest first.
 *
 * @param code the JLAC10 code, else the local OBX-3 code
 * @param name the test name
 * @param cells the values, newest first; never empty
 */
public record LabRow(String code, String name, List<LabCell> cells) {

  public LabRow {
    checkNotNull(code, "code must not be null");
    checkNotNull(name, "name must not be null");
    cells = List.copyOf(cells);
    com.google.common.base.Preconditions.checkArgument(!cells.isEmpty(), "row %s has no values", code);
  }

  /** The newest value. */
  public LabCell latest() {
    return cells.get(0);
  }

  /** The unit of the newest value. */
  public String unit() {
    return latest().unit();
  }

  /** The reference range of the newest value. */
  public String referenceRange() {
    return latest().referenceRange();
  }
}

package dev.ssmix2.examples.web;

import java.util.List;

/**
 * The lab matrix as the chart shows it: columns (collection times, newest first) and groups of rows (specimen ×
 * JLAC10 category). {@code olderBefore} is the 診療日 to page back from
 * ({@code /api/patients/{id}/labs?before=…}), empty when no older results exist.
 *
 * @param columns collection times, newest first ({@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm})
 * @param groups the test groups
 * @param olderBefore the oldest 診療日 shown ({@code yyyy-MM-dd}) when older results exist; else empty
 */
public record LabTable(List<String> columns, List<Group> groups, String olderBefore) {

  public LabTable {
    columns = Texts.copy(columns);
    groups = Texts.copy(groups);
    olderBefore = Texts.orEmpty(olderBefore);
  }

  /**
   * @param specimen 検体
   * @param category JLAC10 broad category digit, empty for local codes
   * @param categoryName e.g. 生化学的検査
   * @param rows the tests
   */
  public record Group(String specimen, String category, String categoryName, List<Row> rows) {
    public Group {
      rows = Texts.copy(rows);
    }
  }

  /**
   * @param code JLAC10 or local code
   * @param name test name
   * @param unit unit of the newest value
   * @param referenceRange reference range of the newest value
   * @param cells the values, newest first
   */
  public record Row(String code, String name, String unit, String referenceRange, List<Cell> cells) {
    public Row {
      cells = Texts.copy(cells);
    }
  }

  /**
   * @param column the column ({@link LabTable#columns()} value)
   * @param value the value as sent (raw text when ambiguous)
   * @param unit its unit
   * @param abnormalFlag H, L … or empty
   * @param ambiguity why the value is ambiguous, empty when it is not
   * @param comments the comments sent with the value (NTE), in order
   * @param recordId the result record, for the raw view
   */
  public record Cell(String column, String value, String unit, String abnormalFlag, String ambiguity,
      List<String> comments, String recordId) {
    public Cell {
      comments = Texts.copy(comments);
    }
  }
}

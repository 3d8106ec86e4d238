package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;

/**
 * Tests of one specimen and one JLAC10 broad category (its analyte code's first digit), e.g. 血清 / 生化学的検査.
 *
 * @param specimen the specimen as sent (SPM-4 text), "" when not sent
 * @param category the JLAC10 broad category digit ({@code 2}, {@code 3} …), "" for tests without a JLAC10 code
 * @param categoryName the category's name ({@code 生化学的検査} …)
 * @param rows the tests, by code
 */
public record LabGroup(String specimen, String category, String categoryName, List<LabRow> rows) {
  public LabGroup {
    checkNotNull(specimen, "specimen must not be null; use \"\"");
    checkNotNull(category, "category must not be null; use \"\"");
    checkNotNull(categoryName, "categoryName must not be null");
    rows = List.copyOf(rows);
  }
}

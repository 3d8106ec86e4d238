package dev.ssmix2.core.export;

/** Which table shapes are written. */
public enum ExportProfile {
  /** This library's tables, hive-partitioned by facility and year; see {@code docs/research-export.md}. */
  TABLES,
  /**
   * The file names and columns of ssmixtools' cleaned tables ({@code demographics_*.csv},
   * {@code laboratory_test_results_*.csv} …), one flat folder, so notebooks written for it keep working.
   */
  SSMIXTOOLS
}

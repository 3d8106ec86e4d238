package dev.ssmix2.core.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What an export wrote, over the whole storage (units finished by an earlier, interrupted run included).
 *
 * @param out the output folder
 * @param manifest {@code manifest.json}: written last, so its presence means the export is complete
 * @param rowCounts rows per table, every table listed (0 when empty)
 * @param patients patient folders exported
 * @param unreadableFiles files and entries that could not be read or placed
 * @param units work units of the storage
 * @param unitsResumed units an earlier run had finished, skipped by this one
 * @param elapsed time this run took
 */
public record ExportReport(Path out, Path manifest, Map<String, Long> rowCounts, long patients,
    long unreadableFiles, long units, long unitsResumed, Duration elapsed) {
  public ExportReport {
    rowCounts = Map.copyOf(rowCounts);
  }
}

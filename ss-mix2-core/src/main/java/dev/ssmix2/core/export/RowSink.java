package dev.ssmix2.core.export;

/** Receives the rows of one work unit; the unit's files become visible only when the unit commits. */
interface RowSink {
  void accept(TableSpec.Row row);
}

package dev.ssmix2.core.export;

/** The SQL type of an exported column (DuckDB's names; CSV writes them as text). */
enum ColumnType {
  VARCHAR,
  INTEGER,
  BIGINT,
  DOUBLE,
  BOOLEAN,
  DATE,
  TIMESTAMP
}

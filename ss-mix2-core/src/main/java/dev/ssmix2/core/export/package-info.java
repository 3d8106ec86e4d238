/**
 * Research export: analysis tables (patients, encounters, diagnoses, prescriptions, injections, administrations,
 * lab results, allergies, vital signs and every file) from a storage, de-identified by default, written as
 * hive-partitioned Parquet (through DuckDB, an optional dependency) or CSV.
 *
 * <pre>{@code
 * ExportReport report = ResearchExport.run(Storage.open(Path.of("/backup/root")),
 *     ExportOptions.builder(Path.of("/research/out")).keyFile(Path.of("/secure/ssmix2.key")).build(),
 *     ExportProgress.NONE);
 * report.rowCounts().forEach((table, rows) -> System.out.println(table + " " + rows));
 * }</pre>
 *
 * <p>See {@code docs/research-export.md} for the tables, the de-identification rules and how resuming works.
 */
package dev.ssmix2.core.export;

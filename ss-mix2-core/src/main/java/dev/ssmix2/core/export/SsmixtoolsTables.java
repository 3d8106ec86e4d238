package dev.ssmix2.core.export;

import static dev.ssmix2.core.export.ColumnType.DATE;
import static dev.ssmix2.core.export.ColumnType.DOUBLE;
import static dev.ssmix2.core.export.ColumnType.INTEGER;
import static dev.ssmix2.core.export.ColumnType.TIMESTAMP;
import static dev.ssmix2.core.export.ColumnType.VARCHAR;

import java.util.List;

/**
 * The cleaned-table names and columns of ssmixtools (its {@code docs/source/table_definitions/tables.rst}), so that
 * notebooks written for it read this export. Always de-identified: {@code patient_id} is the pseudonymous key.
 */
final class SsmixtoolsTables {
  static final String DEMOGRAPHICS = "demographics";
  static final String OUTPATIENT = "outpatient_visits";
  static final String ADMISSIONS = "admission_records";
  static final String DISCHARGES = "discharge_records";
  static final String DIAGNOSES = "diagnosis_records";
  static final String PRESCRIPTIONS = "prescription_order_records";
  static final String INJECTIONS = "injection_order_records";
  static final String LABS = "laboratory_test_results";

  private SsmixtoolsTables() {}

  private static TableSpec table(String name, Column... columns) {
    return new TableSpec(name, List.of(columns), false, false);
  }

  static List<TableSpec> of() {
    return List.of(
        table(DEMOGRAPHICS, Column.of("patient_id", VARCHAR), Column.of("sex", VARCHAR),
            Column.of("number_of_date_folders", INTEGER), Column.of("first_visit_date", DATE),
            Column.of("last_visit_date", DATE), Column.of("number_of_recorded_admissions", INTEGER)),
        table(OUTPATIENT, Column.of("patient_id", VARCHAR), Column.of("department", VARCHAR),
            Column.of("visiting_date", TIMESTAMP), Column.of("unique_record_id", VARCHAR)),
        table(ADMISSIONS, Column.of("patient_id", VARCHAR), Column.of("department", VARCHAR),
            Column.of("admission_date", TIMESTAMP), Column.of("time_of_transaction", TIMESTAMP),
            Column.of("time_of_message", TIMESTAMP), Column.of("unique_record_id", VARCHAR)),
        table(DISCHARGES, Column.of("patient_id", VARCHAR), Column.of("discharge_date", TIMESTAMP),
            Column.of("time_of_transaction", TIMESTAMP), Column.of("time_of_message", TIMESTAMP),
            Column.of("discharge_disposition", VARCHAR), Column.of("unique_record_id", VARCHAR)),
        table(DIAGNOSES, Column.of("patient_id", VARCHAR), Column.of("item_code", VARCHAR),
            Column.of("item_name", VARCHAR), Column.of("provisional", INTEGER), Column.of("diagnosis_type", VARCHAR),
            Column.of("time_of_update", TIMESTAMP), Column.of("date_of_onset", DATE),
            Column.of("date_of_diagnosis", DATE), Column.of("unique_record_id", VARCHAR)),
        table(PRESCRIPTIONS, Column.of("patient_id", VARCHAR), Column.of("item_code", VARCHAR),
            Column.of("item_name", VARCHAR), Column.of("duration", VARCHAR), Column.of("time_of_order", TIMESTAMP),
            Column.of("start_of_order", TIMESTAMP), Column.of("end_of_order", TIMESTAMP),
            Column.of("unique_record_id", VARCHAR)),
        table(INJECTIONS, Column.of("patient_id", VARCHAR), Column.of("item_code", VARCHAR),
            Column.of("item_name", VARCHAR), Column.of("time_of_order", TIMESTAMP),
            Column.of("start_of_order", TIMESTAMP), Column.of("end_of_order", TIMESTAMP),
            Column.of("unique_record_id", VARCHAR)),
        table(LABS, Column.of("patient_id", VARCHAR), Column.of("item_code", VARCHAR),
            Column.of("item_name", VARCHAR), Column.of("numeric", DOUBLE), Column.of("nonnumeric", VARCHAR),
            Column.of("unit", VARCHAR), Column.of("sampled_time", TIMESTAMP), Column.of("tested_time", TIMESTAMP),
            Column.of("reported_time", TIMESTAMP), Column.of("unique_record_id", VARCHAR)));
  }
}

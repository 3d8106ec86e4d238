package dev.ssmix2.core.export;

import static dev.ssmix2.core.export.ColumnType.BIGINT;
import static dev.ssmix2.core.export.ColumnType.BOOLEAN;
import static dev.ssmix2.core.export.ColumnType.DATE;
import static dev.ssmix2.core.export.ColumnType.DOUBLE;
import static dev.ssmix2.core.export.ColumnType.INTEGER;
import static dev.ssmix2.core.export.ColumnType.TIMESTAMP;
import static dev.ssmix2.core.export.ColumnType.VARCHAR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tables of the default profile and their columns; {@code docs/research-export.md} describes each column.
 * Every clinical table starts with the same columns: facility, pseudonymous patient key, the source record's ID
 * (a pseudonym of its file name), the row's position in its record, the record's version status, data type,
 * 診療日, the file's 発生日時, whether the message cancels earlier data, and the partition year.
 */
final class Tables {
  static final String PATIENTS = "patients";
  static final String ENCOUNTERS = "encounters";
  static final String DIAGNOSES = "diagnoses";
  static final String PRESCRIPTIONS = "prescriptions";
  static final String INJECTIONS = "injections";
  static final String ADMINISTRATIONS = "administrations";
  static final String LAB_RESULTS = "lab_results";
  static final String ALLERGIES = "allergies";
  static final String VITAL_SIGNS = "vital_signs";
  static final String FILES = "files";

  /** Names in the order they are listed in reports. */
  static final List<String> NAMES = List.of(PATIENTS, ENCOUNTERS, DIAGNOSES, PRESCRIPTIONS, INJECTIONS,
      ADMINISTRATIONS, LAB_RESULTS, ALLERGIES, VITAL_SIGNS, FILES);

  private Tables() {}

  private static final List<Column> COMMON = List.of(
      Column.of("facility", VARCHAR),
      Column.of("patient_key", VARCHAR),
      Column.identifying("patient_id", VARCHAR),
      Column.of("record_id", VARCHAR),
      Column.identifying("file", VARCHAR),
      Column.of("row_no", INTEGER),
      Column.of("status", VARCHAR),
      Column.of("data_type", VARCHAR),
      Column.of("care_date", DATE),
      Column.of("file_time", TIMESTAMP),
      Column.identifying("order_no", VARCHAR),
      Column.of("cancel", BOOLEAN),
      Column.of("year", INTEGER));

  private static List<Column> clinical(Column... own) {
    List<Column> all = new ArrayList<>(COMMON);
    all.addAll(Arrays.asList(own));
    return all;
  }

  private static final List<Column> MEDICATION = clinical(
      Column.of("order_control", VARCHAR),
      Column.identifying("placer_order_no", VARCHAR),
      Column.of("group_no", VARCHAR),
      Column.of("ordered_at", TIMESTAMP),
      Column.of("give_code", VARCHAR),
      Column.of("give_text", VARCHAR),
      Column.of("give_system", VARCHAR),
      Column.of("drug_code", VARCHAR),
      Column.of("drug_text", VARCHAR),
      Column.of("drug_system", VARCHAR),
      Column.of("drug_alt_code", VARCHAR),
      Column.of("drug_alt_text", VARCHAR),
      Column.of("drug_alt_system", VARCHAR),
      Column.of("component_kind", VARCHAR),
      Column.of("component_amount", VARCHAR),
      Column.of("component_unit", VARCHAR),
      Column.of("dose", VARCHAR),
      Column.of("dose_unit", VARCHAR),
      Column.of("dosage_form", VARCHAR),
      Column.of("dispense_amount", VARCHAR),
      Column.of("dispense_unit", VARCHAR),
      Column.of("daily_total", VARCHAR),
      Column.of("daily_total_unit", VARCHAR),
      Column.of("usage_code", VARCHAR),
      Column.of("usage_text", VARCHAR),
      Column.of("days", INTEGER),
      Column.of("start_time", TIMESTAMP),
      Column.of("end_time", TIMESTAMP),
      Column.of("route_code", VARCHAR),
      Column.of("route_text", VARCHAR));

  /** The tables of one export mode. */
  static List<TableSpec> of(boolean identified) {
    return List.of(
        new TableSpec(PATIENTS, List.of(
            Column.of("facility", VARCHAR),
            Column.of("patient_key", VARCHAR),
            Column.identifying("patient_id", VARCHAR),
            Column.of("record_id", VARCHAR),
            Column.of("sex", VARCHAR),
            Column.of("birth_year_month", VARCHAR),
            Column.identifying("birth_date", DATE),
            Column.identifying("name_kanji", VARCHAR),
            Column.identifying("name_kana", VARCHAR),
            Column.identifying("name_romaji", VARCHAR),
            Column.identifying("zip", VARCHAR),
            Column.identifying("address", VARCHAR),
            Column.identifying("phones", VARCHAR),
            Column.of("demographics_from", VARCHAR),
            Column.of("files", INTEGER),
            Column.of("unreadable_files", INTEGER)), identified, false),
        new TableSpec(ENCOUNTERS, clinical(
            Column.of("kind", VARCHAR),
            Column.of("kind_ja", VARCHAR),
            Column.of("event", VARCHAR),
            Column.of("patient_class", VARCHAR),
            Column.of("department", VARCHAR),
            Column.of("ward", VARCHAR),
            Column.identifying("room", VARCHAR),
            Column.identifying("bed", VARCHAR),
            Column.of("prior_ward", VARCHAR),
            Column.identifying("prior_room", VARCHAR),
            Column.identifying("attending_doctor", VARCHAR),
            Column.of("admitted_at", TIMESTAMP),
            Column.of("discharged_at", TIMESTAMP),
            Column.of("event_time", TIMESTAMP)), identified, true),
        new TableSpec(DIAGNOSES, clinical(
            Column.of("action", VARCHAR),
            Column.of("disease_code", VARCHAR),
            Column.of("disease_text", VARCHAR),
            Column.of("disease_system", VARCHAR),
            Column.of("disease_alt_code", VARCHAR),
            Column.of("disease_alt_text", VARCHAR),
            Column.of("disease_alt_system", VARCHAR),
            Column.of("name", VARCHAR),
            Column.of("icd10", VARCHAR),
            Column.of("onset", DATE),
            Column.of("life_cycle_code", VARCHAR),
            Column.of("life_cycle_text", VARCHAR),
            Column.of("suspected", BOOLEAN)), identified, true),
        new TableSpec(PRESCRIPTIONS, MEDICATION, identified, true),
        new TableSpec(INJECTIONS, MEDICATION, identified, true),
        new TableSpec(ADMINISTRATIONS, clinical(
            Column.of("kind", VARCHAR),
            Column.identifying("placer_order_no", VARCHAR),
            Column.of("start_time", TIMESTAMP),
            Column.of("end_time", TIMESTAMP),
            Column.of("drug_code", VARCHAR),
            Column.of("drug_text", VARCHAR),
            Column.of("drug_system", VARCHAR),
            Column.of("amount", VARCHAR),
            Column.of("unit_code", VARCHAR),
            Column.of("unit_text", VARCHAR),
            Column.of("completion_status", VARCHAR),
            Column.of("route_code", VARCHAR),
            Column.of("route_text", VARCHAR)), identified, true),
        new TableSpec(LAB_RESULTS, clinical(
            Column.of("is_result", BOOLEAN),
            Column.of("specimen_code", VARCHAR),
            Column.of("specimen_text", VARCHAR),
            Column.of("battery_code", VARCHAR),
            Column.of("battery_text", VARCHAR),
            Column.of("test_code", VARCHAR),
            Column.of("test_text", VARCHAR),
            Column.of("test_system", VARCHAR),
            Column.of("jlac10", VARCHAR),
            Column.of("value_type", VARCHAR),
            Column.of("value", VARCHAR),
            Column.of("value_numeric", DOUBLE),
            Column.of("value_text", VARCHAR),
            Column.of("value_ambiguity", VARCHAR),
            Column.of("unit_code", VARCHAR),
            Column.of("unit_text", VARCHAR),
            Column.of("reference_range", VARCHAR),
            Column.of("abnormal_flag", VARCHAR),
            Column.of("result_status", VARCHAR),
            Column.of("sampled_at", TIMESTAMP),
            Column.of("tested_at", TIMESTAMP),
            Column.of("reported_at", TIMESTAMP),
            Column.of("observed_at", TIMESTAMP)), identified, true),
        new TableSpec(ALLERGIES, clinical(
            Column.of("allergen_type_code", VARCHAR),
            Column.of("allergen_type_text", VARCHAR),
            Column.of("allergen_code", VARCHAR),
            Column.of("allergen_text", VARCHAR),
            Column.of("allergen_system", VARCHAR),
            Column.of("severity_code", VARCHAR),
            Column.of("severity_text", VARCHAR),
            Column.identifying("reaction", VARCHAR),
            Column.of("action_code", VARCHAR),
            Column.of("identified_on", DATE)), identified, true),
        new TableSpec(VITAL_SIGNS, clinical(
            Column.of("observed_at", TIMESTAMP),
            Column.of("code", VARCHAR),
            Column.of("text", VARCHAR),
            Column.of("system", VARCHAR),
            Column.of("value_type", VARCHAR),
            Column.of("value", VARCHAR),
            Column.of("value_numeric", DOUBLE),
            Column.of("value_ambiguity", VARCHAR),
            Column.of("unit", VARCHAR)), identified, true),
        new TableSpec(FILES, List.of(
            Column.of("facility", VARCHAR),
            Column.of("patient_key", VARCHAR),
            Column.identifying("patient_id", VARCHAR),
            Column.of("record_id", VARCHAR),
            Column.identifying("root", VARCHAR),
            Column.identifying("path", VARCHAR),
            Column.of("data_type", VARCHAR),
            Column.of("care_date", DATE),
            Column.of("file_time", TIMESTAMP),
            Column.of("department", VARCHAR),
            Column.of("condition_flag", VARCHAR),
            Column.of("status", VARCHAR),
            Column.of("size", BIGINT),
            Column.of("was_read", BOOLEAN),
            Column.of("read_problem", VARCHAR),
            Column.identifying("problem_reason", VARCHAR),
            Column.of("year", INTEGER)), identified, true));
  }
}

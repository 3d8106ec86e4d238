package dev.ssmix2.core.export;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Maps the default tables' rows onto ssmixtools' cleaned tables: visits, admissions and discharges from encounters,
 * diagnoses, prescription and injection orders (cancels and {@code CA} orders left out, as there), lab results
 * (orders left out), and one demographics row per patient counting 診療日 folders and admissions. Values are taken
 * as sent; columns the storage does not say (diagnosis type, date of diagnosis, discharge disposition) stay empty.
 */
final class SsmixtoolsSink implements ProfileSink {
  private final Map<String, TableSpec> tables;
  private final RowSink out;
  private final TreeSet<LocalDate> careDates = new TreeSet<>();
  private int admissions;

  SsmixtoolsSink(Map<String, TableSpec> tables, RowSink out, UnitStats stats) {
    this.tables = tables;
    this.out = out;
  }

  private TableSpec.Row row(String table, TableSpec.Row from) {
    return tables.get(table).row()
        .put("patient_id", from.get("patient_key"))
        .put("unique_record_id", from.get("record_id"));
  }

  @Override
  public void accept(TableSpec.Row r) {
    String t = r.table().name();
    if (t.equals(Tables.FILES)) {
      if (r.get("care_date") instanceof LocalDate d && "current".equals(r.get("status"))) {
        careDates.add(d);
      }
      return;
    }
    if (t.equals(Tables.PATIENTS)) {
      out.accept(tables.get(SsmixtoolsTables.DEMOGRAPHICS).row()
          .put("patient_id", r.get("patient_key"))
          .put("sex", r.get("sex"))
          .put("number_of_date_folders", careDates.size())
          .put("first_visit_date", careDates.isEmpty() ? null : careDates.first())
          .put("last_visit_date", careDates.isEmpty() ? null : careDates.last())
          .put("number_of_recorded_admissions", admissions));
      return;
    }
    if (Boolean.TRUE.equals(r.get("cancel"))) {
      return;
    }
    switch (t) {
      case Tables.ENCOUNTERS -> encounter(r);
      case Tables.DIAGNOSES -> out.accept(row(SsmixtoolsTables.DIAGNOSES, r)
          .put("item_code", r.get("disease_code"))
          .put("item_name", r.get("name"))
          .put("provisional", Boolean.TRUE.equals(r.get("suspected")) ? 1 : 0)
          .put("time_of_update", r.get("file_time"))
          .put("date_of_onset", r.get("onset")));
      case Tables.PRESCRIPTIONS -> {
        if (!"CA".equals(r.get("order_control"))) {
          out.accept(row(SsmixtoolsTables.PRESCRIPTIONS, r)
              .put("item_code", r.get("drug_code"))
              .put("item_name", r.get("drug_text"))
              .put("duration", r.get("days") == null ? null : r.get("days").toString())
              .put("time_of_order", r.get("ordered_at"))
              .put("start_of_order", r.get("start_time"))
              .put("end_of_order", r.get("end_time")));
        }
      }
      case Tables.INJECTIONS -> {
        if (!"CA".equals(r.get("order_control"))) {
          out.accept(row(SsmixtoolsTables.INJECTIONS, r)
              .put("item_code", r.get("drug_code"))
              .put("item_name", r.get("drug_text"))
              .put("time_of_order", r.get("ordered_at"))
              .put("start_of_order", r.get("start_time"))
              .put("end_of_order", r.get("end_time")));
        }
      }
      case Tables.LAB_RESULTS -> {
        if (Boolean.TRUE.equals(r.get("is_result"))) {
          out.accept(row(SsmixtoolsTables.LABS, r)
              .put("item_code", r.get("jlac10") != null ? r.get("jlac10") : r.get("test_code"))
              .put("item_name", r.get("test_text"))
              .put("numeric", r.get("value_numeric"))
              .put("nonnumeric", r.get("value_text"))
              .put("unit", r.get("unit_text") != null ? r.get("unit_text") : r.get("unit_code"))
              .put("sampled_time", r.get("sampled_at"))
              .put("tested_time", r.get("tested_at"))
              .put("reported_time", r.get("reported_at")));
        }
      }
      default -> { }
    }
  }

  private void encounter(TableSpec.Row r) {
    Object event = r.get("event_time");
    switch (Objects.toString(r.get("kind"), "")) {
      case "outpatient_visit" -> out.accept(row(SsmixtoolsTables.OUTPATIENT, r)
          .put("department", r.get("department"))
          .put("visiting_date", r.get("admitted_at") != null ? r.get("admitted_at") : event));
      case "admission" -> {
        admissions++;
        out.accept(row(SsmixtoolsTables.ADMISSIONS, r)
            .put("department", r.get("department"))
            .put("admission_date", r.get("admitted_at"))
            .put("time_of_transaction", event)
            .put("time_of_message", r.get("file_time")));
      }
      case "discharge" -> out.accept(row(SsmixtoolsTables.DISCHARGES, r)
          .put("discharge_date", r.get("discharged_at"))
          .put("time_of_transaction", event)
          .put("time_of_message", r.get("file_time")));
      default -> { }
    }
  }

  @Override
  public void endPatient() {
    careDates.clear();
    admissions = 0;
  }
}

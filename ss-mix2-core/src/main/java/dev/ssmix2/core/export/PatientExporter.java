package dev.ssmix2.core.export;

import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.PatientReader;
import dev.ssmix2.core.read.ReadProblem;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.record.AdministrationRecord;
import dev.ssmix2.core.record.AllergyRecord;
import dev.ssmix2.core.record.AmbiguousValue;
import dev.ssmix2.core.record.ClinicalRecord;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.DemographicsRecord;
import dev.ssmix2.core.record.EncounterRecord;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.LabRecord;
import dev.ssmix2.core.record.MedicationOrderRecord;
import dev.ssmix2.core.record.Patient;
import dev.ssmix2.core.record.PersonName;
import dev.ssmix2.core.record.ProblemListRecord;
import dev.ssmix2.core.record.VitalSignsRecord;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.UnplacedEntry;
import dev.ssmix2.core.version.History;
import dev.ssmix2.core.version.Version;
import dev.ssmix2.core.version.VersionResolver;
import dev.ssmix2.core.version.VersionStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns one patient folder into rows of every table: resolves versions, reads the chosen versions, and writes one
 * row per clinical fact with codes and texts side by side. In a de-identified export every date of the patient is
 * shifted by the patient's days, the birth date is cut to year and month, and identifying columns are left out
 * (see {@link TableSpec.Row#put}). Thread-confined: one instance per worker.
 */
final class PatientExporter {
  /** A plain decimal number as HL7 NM writes it; anything else (comparators, ranges, text) is not numeric. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)");

  private final Map<String, TableSpec> tables;
  private final ExportOptions options;
  private final Optional<Pseudonyms> pseudonyms;
  private final UnitStats stats;
  /** The file whose record ID was computed last, and that ID. */
  private @Nullable StorageFile lastFile;
  private String lastRecordId = "";
  /** The file whose shifted file-name dates were computed last, and those dates. */
  private @Nullable StorageFile datesFile;
  private @Nullable LocalDate datesCare;
  private @Nullable LocalDateTime datesTime;
  private int datesYear;

  PatientExporter(Map<String, TableSpec> tables, ExportOptions options, Optional<Pseudonyms> pseudonyms,
      UnitStats stats) {
    this.tables = tables;
    this.options = options;
    this.pseudonyms = pseudonyms;
    this.stats = stats;
  }

  /** Per-patient context: the key, the shift and the facility. */
  private record Who(PatientId id, String key, int shift, String facility) {}

  void export(PatientFolder folder, RowSink sink) {
    PatientId id = folder.patientId();
    Who who = new Who(id, pseudonyms.map(p -> p.patientKey(id)).orElse(id.value()),
        pseudonyms.map(p -> p.shiftDays(id)).orElse(0), options.facility());
    Optional<Patient> demographics = Optional.empty();
    String demographicsRecord = null;
    int unreadable = 0;
    for (History h : VersionResolver.resolve(folder.files())) {
      for (Version v : h.versions()) {
        boolean wanted = v.status() == VersionStatus.CURRENT || options.allVersions();
        if (!wanted) {
          sink.accept(fileRow(who, v.file(), v.status(), false, null, null));
          continue;
        }
        ReadResult result = RecordReader.read(v.file(), v.status());
        if (result instanceof ReadProblem problem) {
          unreadable++;
          stats.unreadable(problem.file().root().path().toString(), problem.file().relativePath(),
              recordId(problem.file()), problem.code().id(), problem.reason());
          sink.accept(fileRow(who, v.file(), v.status(), true, problem.code().id(), problem.reason()));
          continue;
        }
        MessageRead read = (MessageRead) result;
        sink.accept(fileRow(who, v.file(), v.status(), true, null, null));
        ClinicalRecord record = read.record();
        if (record instanceof DemographicsRecord d && v.status() == VersionStatus.CURRENT
            && demographics.isEmpty()) {
          demographics = Optional.of(d.patient());
          demographicsRecord = recordId(v.file());
        }
        rows(who, record, read.message(), sink);
      }
    }
    for (UnplacedEntry u : folder.unplaced()) {
      sink.accept(unplacedRow(who, u));
    }
    if (demographics.isEmpty()) {
      demographics = PatientReader.current(folder);
      demographicsRecord = demographics.map(p -> recordId(p.source())).orElse(null);
    }
    sink.accept(patientRow(who, demographics, demographicsRecord, folder.files().size(), unreadable));
  }

  private String recordId(StorageFile file) {
    // every row of a file carries its record ID: one HMAC per file, not one per row (a lab result has dozens)
    if (file != lastFile) {
      String name = file.name().format();
      lastRecordId = pseudonyms.map(p -> p.recordId(name)).orElse(name);
      lastFile = file;
    }
    return lastRecordId;
  }

  /**
   * Computes the shifted care date and file time of {@code f}'s name once per file: every row of a file carries them
   * (a lab result has dozens), and parsing the name's timestamp is not free.
   */
  private void dates(Who who, StorageFile f) {
    if (f != datesFile) {
      Optional<LocalDate> care = f.name().date().date().map(d -> d.plusDays(who.shift()));
      Optional<LocalDateTime> time = f.name().timestamp().toLocalDateTime().map(t -> t.plusDays(who.shift()));
      datesCare = care.orElse(null);
      datesTime = time.orElse(null);
      datesYear = year(care, time);
      datesFile = f;
    }
  }

  private TableSpec.Row patientRow(Who who, Optional<Patient> demographics, String recordId, int files,
      int unreadable) {
    TableSpec.Row r = tables.get(Tables.PATIENTS).row()
        .put("facility", who.facility())
        .put("patient_key", who.key())
        .put("patient_id", who.id().value())
        .put("record_id", recordId)
        .put("files", files)
        .put("unreadable_files", unreadable);
    demographics.ifPresent(p -> {
      r.put("sex", p.sex().code());
      p.birthDate().ifPresent(b -> {
        LocalDate shifted = b.plusDays(who.shift());
        r.put("birth_year_month", yearMonth(shifted));
        r.put("birth_date", b);
      });
      r.put("name_kanji", p.kanji().map(PersonName::display).orElse(null));
      r.put("name_kana", p.kana().map(PersonName::display).orElse(null));
      r.put("name_romaji", p.romaji().map(PersonName::display).orElse(null));
      r.put("zip", p.zip().orElse(null));
      r.put("address", p.address().orElse(null));
      r.put("phones", p.phones().isEmpty() ? null : String.join(";", p.phones()));
      r.put("demographics_from", p.fromAdt00() ? "ADT-00" : p.source().dataType().code());
    });
    return r;
  }

  private TableSpec.Row fileRow(Who who, StorageFile f, VersionStatus status, boolean read, String problem,
      String reason) {
    dates(who, f);
    return tables.get(Tables.FILES).row()
        .put("facility", who.facility())
        .put("patient_key", who.key())
        .put("patient_id", who.id().value())
        .put("record_id", recordId(f))
        .put("root", f.root().path().toString())
        .put("path", f.relativePath())
        .put("data_type", f.dataType().code())
        .put("care_date", datesCare)
        .put("file_time", datesTime)
        .put("department", f.name().department().orElse(null))
        .put("condition_flag", String.valueOf(f.flag().code()))
        .put("status", status.label())
        .put("size", f.size() >= 0 ? f.size() : null)
        .put("was_read", read)
        .put("read_problem", problem)
        .put("problem_reason", reason)
        .put("year", datesYear);
  }

  private TableSpec.Row unplacedRow(Who who, UnplacedEntry u) {
    String id = pseudonyms.map(p -> p.recordId(u.relativePath())).orElse(u.relativePath());
    stats.unreadable(u.root().path().toString(), u.relativePath(), id, u.problem().code(), u.reason());
    return tables.get(Tables.FILES).row()
        .put("facility", who.facility())
        .put("patient_key", who.key())
        .put("patient_id", who.id().value())
        .put("record_id", id)
        .put("root", u.root().path().toString())
        .put("path", u.relativePath())
        .put("status", "unplaced")
        .put("was_read", false)
        .put("read_problem", u.problem().code())
        .put("problem_reason", u.reason())
        .put("year", 0);
  }

  /** A files row for an entry outside any patient folder. */
  TableSpec.Row strayRow(WorkUnits.Stray s) {
    String id = pseudonyms.map(p -> p.recordId(s.relativePath())).orElse(s.relativePath());
    stats.unreadable(s.root().path().toString(), s.relativePath(), id, s.code(), s.reason());
    return tables.get(Tables.FILES).row()
        .put("facility", options.facility())
        .put("record_id", id)
        .put("root", s.root().path().toString())
        .put("path", s.relativePath())
        .put("status", "unplaced")
        .put("was_read", false)
        .put("read_problem", s.code())
        .put("problem_reason", s.reason())
        .put("year", 0);
  }

  /** {@code yyyy-MM} as {@code String.format("%04d-%02d")} writes it, without the formatter's cost per patient. */
  static String yearMonth(LocalDate d) {
    int y = d.getYear();
    if (y < 0 || y > 9999) {
      return String.format(Locale.ROOT, "%04d-%02d", y, d.getMonthValue());
    }
    char[] c = new char[7];
    c[0] = (char) ('0' + y / 1000);
    c[1] = (char) ('0' + y / 100 % 10);
    c[2] = (char) ('0' + y / 10 % 10);
    c[3] = (char) ('0' + y % 10);
    c[4] = '-';
    c[5] = (char) ('0' + d.getMonthValue() / 10);
    c[6] = (char) ('0' + d.getMonthValue() % 10);
    return new String(c);
  }

  private static int year(Optional<LocalDate> care, Optional<LocalDateTime> time) {
    return care.map(LocalDate::getYear).or(() -> time.map(LocalDateTime::getYear)).orElse(0);
  }

  /** A row of a clinical table with the common columns filled. */
  private TableSpec.Row common(String table, Who who, ClinicalRecord record, int rowNo) {
    StorageFile f = record.file();
    dates(who, f);
    return tables.get(table).row()
        .put("facility", who.facility())
        .put("patient_key", who.key())
        .put("patient_id", who.id().value())
        .put("record_id", recordId(f))
        .put("file", f.relativePath())
        .put("row_no", rowNo)
        .put("status", record.status().label())
        .put("data_type", f.dataType().code())
        .put("care_date", datesCare)
        .put("file_time", datesTime)
        .put("order_no", f.name().orderNo())
        .put("cancel", record.isCancel())
        .put("year", datesYear);
  }

  private LocalDateTime time(Optional<Hl7Timestamp> t, Who who) {
    return t.flatMap(Hl7Timestamp::toLocalDateTime).map(x -> x.plusDays(who.shift())).orElse(null);
  }

  private LocalDate date(Optional<Hl7Timestamp> t, Who who) {
    return t.flatMap(Hl7Timestamp::toLocalDate).map(x -> x.plusDays(who.shift())).orElse(null);
  }

  private void rows(Who who, ClinicalRecord record, Hl7Message message, RowSink sink) {
    if (record instanceof EncounterRecord e) {
      sink.accept(encounter(who, e));
    } else if (record instanceof ProblemListRecord p) {
      int n = 0;
      for (ProblemListRecord.Problem pr : p.problems()) {
        sink.accept(common(Tables.DIAGNOSES, who, p, ++n)
            .put("action", pr.action())
            .put("disease_code", pr.disease().code())
            .put("disease_text", pr.disease().text())
            .put("disease_system", pr.disease().system())
            .put("disease_alt_code", pr.disease().altCode())
            .put("disease_alt_text", pr.disease().altText())
            .put("disease_alt_system", pr.disease().altSystem())
            .put("name", pr.name())
            .put("icd10", pr.icd10().orElse(null))
            .put("onset", date(pr.onset(), who))
            .put("life_cycle_code", pr.lifeCycleStatus().code())
            .put("life_cycle_text", pr.lifeCycleStatus().text())
            .put("suspected", pr.suspected()));
      }
    } else if (record instanceof MedicationOrderRecord m) {
      medication(who, m, message, sink);
    } else if (record instanceof AdministrationRecord a) {
      int n = 0;
      for (AdministrationRecord.Administration x : a.administrations()) {
        sink.accept(common(Tables.ADMINISTRATIONS, who, a, ++n)
            .put("kind", a.kind().name().toLowerCase(Locale.ROOT))
            .put("placer_order_no", x.placerOrderNo())
            .put("start_time", time(x.start(), who))
            .put("end_time", time(x.end(), who))
            .put("drug_code", x.drug().code())
            .put("drug_text", x.drug().text())
            .put("drug_system", x.drug().system())
            .put("amount", x.amount())
            .put("unit_code", x.unit().code())
            .put("unit_text", x.unit().text())
            .put("completion_status", x.completionStatus())
            .put("route_code", x.route().code())
            .put("route_text", x.route().text()));
      }
    } else if (record instanceof LabRecord l) {
      lab(who, l, message, sink);
    } else if (record instanceof VitalSignsRecord v) {
      int n = 0;
      for (VitalSignsRecord.Measurement m : v.measurements()) {
        Double numeric = numeric(m.value(), m.ambiguity());
        sink.accept(common(Tables.VITAL_SIGNS, who, v, ++n)
            .put("observed_at", time(m.time(), who))
            .put("code", m.item().code())
            .put("text", m.item().text())
            .put("system", m.item().system())
            .put("value_type", m.valueType())
            .put("value", m.value())
            .put("value_numeric", numeric)
            .put("value_ambiguity", m.ambiguity().map(AmbiguousValue::reason).orElse(null))
            .put("unit", m.unitDisplay()));
      }
    } else if (record instanceof AllergyRecord a) {
      int n = 0;
      for (AllergyRecord.Allergy x : a.allergies()) {
        sink.accept(common(Tables.ALLERGIES, who, a, ++n)
            .put("allergen_type_code", x.type().code())
            .put("allergen_type_text", x.type().text())
            .put("allergen_code", x.allergen().code())
            .put("allergen_text", x.allergen().text())
            .put("allergen_system", x.allergen().system())
            .put("severity_code", x.severity().code())
            .put("severity_text", x.severity().text())
            .put("reaction", x.reaction())
            .put("action_code", x.action().code())
            .put("identified_on", date(x.identified(), who)));
      }
      if (!options.identified() && a.allergies().stream().anyMatch(x -> !x.reaction().isBlank())) {
        stats.removed("allergies.reaction");
      }
    }
  }

  private TableSpec.Row encounter(Who who, EncounterRecord e) {
    return common(Tables.ENCOUNTERS, who, e, 1)
        .put("kind", e.kind().name().toLowerCase(Locale.ROOT))
        .put("kind_ja", e.kind().japanese())
        .put("event", e.source().messageType().code() + "^" + e.source().messageType().trigger())
        .put("patient_class", e.patientClass())
        .put("department", e.department())
        .put("ward", e.ward())
        .put("room", e.room())
        .put("bed", e.bed())
        .put("prior_ward", e.priorWard())
        .put("prior_room", e.priorRoom())
        .put("attending_doctor", e.attendingDoctor())
        .put("admitted_at", time(e.admitted(), who))
        .put("discharged_at", time(e.discharged(), who))
        .put("event_time", time(e.eventTime(), who));
  }

  private void medication(Who who, MedicationOrderRecord m, Hl7Message message, RowSink sink) {
    String table = m.kind() == MedicationOrderRecord.Kind.PRESCRIPTION ? Tables.PRESCRIPTIONS : Tables.INJECTIONS;
    // ORC-9 (time of the transaction) is not part of the record; each Order is one ORC group, in message order.
    List<Segment> orcs = message.segments("ORC");
    boolean aligned = orcs.size() == m.orders().size();
    int n = 0;
    for (int o = 0; o < m.orders().size(); o++) {
      MedicationOrderRecord.Order order = m.orders().get(o);
      LocalDateTime ordered = aligned ? time(Hl7Timestamp.parse(orcs.get(o).value(9)), who) : null;
      List<Component> drugs = new ArrayList<>();
      if (order.components().isEmpty()) {
        drugs.add(new Component(order.give(), null, null, null));
      } else {
        order.components().forEach(c -> drugs.add(new Component(c.drug(), c.kind(), c.amount(), c.unit())));
      }
      for (Component c : drugs) {
        sink.accept(common(table, who, m, ++n)
            .put("order_control", order.orderControl())
            .put("placer_order_no", order.placerOrderNo())
            .put("group_no", order.groupNo())
            .put("ordered_at", ordered)
            .put("give_code", order.give().code())
            .put("give_text", order.give().text())
            .put("give_system", order.give().system())
            .put("drug_code", c.drug().code())
            .put("drug_text", c.drug().text())
            .put("drug_system", c.drug().system())
            .put("drug_alt_code", c.drug().altCode())
            .put("drug_alt_text", c.drug().altText())
            .put("drug_alt_system", c.drug().altSystem())
            .put("component_kind", c.kind())
            .put("component_amount", c.amount())
            .put("component_unit", c.unit() == null ? null : display(c.unit()))
            .put("dose", order.dose())
            .put("dose_unit", display(order.unit()))
            .put("dosage_form", display(order.dosageForm()))
            .put("dispense_amount", order.dispenseAmount())
            .put("dispense_unit", display(order.dispenseUnit()))
            .put("daily_total", order.dailyTotal())
            .put("daily_total_unit", display(order.dailyTotalUnit()))
            .put("usage_code", order.usage().code())
            .put("usage_text", order.usage().text())
            .put("days", order.days().orElse(null))
            .put("start_time", time(order.start(), who))
            .put("end_time", time(order.end(), who))
            .put("route_code", order.route().code())
            .put("route_text", order.route().text()));
      }
    }
  }

  private record Component(Coded drug, String kind, String amount, Coded unit) {}

  /** A unit or form: its code when it has one, else its text (both are as sent). */
  private static String display(Coded c) {
    return c.code().isEmpty() ? c.text() : c.code();
  }

  /**
   * The value as a number when it is one plain decimal number; never for a value the reader marked ambiguous (its
   * text is the raw field, e.g. {@code 500×10^4}, and no single number is what the sender said).
   */
  private static @Nullable Double numeric(String value, Optional<AmbiguousValue> ambiguity) {
    String stripped = value.strip();
    if (ambiguity.isPresent() || !NUMBER.matcher(stripped).matches()) {
      return null;
    }
    return new BigDecimal(stripped).doubleValue();
  }

  private void lab(Who who, LabRecord l, Hl7Message message, RowSink sink) {
    List<LabTimes> times = LabTimes.of(message);
    boolean aligned = times.size() == l.tests().size();
    int n = 0;
    for (int i = 0; i < l.tests().size(); i++) {
      LabRecord.Test t = l.tests().get(i);
      LabTimes lt = aligned ? times.get(i) : LabTimes.NONE;
      String value = t.value();
      boolean freeText = t.valueType().equals("TX") || t.valueType().equals("FT");
      if (freeText && !options.identified()) {
        if (!value.isBlank()) {
          stats.removed("lab_results.value (TX/FT free text)");
        }
        value = "";
      }
      Double numeric = numeric(value, t.ambiguity());
      sink.accept(common(Tables.LAB_RESULTS, who, l, ++n)
          .put("is_result", l.isResult())
          .put("specimen_code", t.specimen().code())
          .put("specimen_text", t.specimen().text())
          .put("battery_code", t.battery().code())
          .put("battery_text", t.battery().text())
          .put("test_code", t.test().code())
          .put("test_text", t.test().text())
          .put("test_system", t.test().system())
          .put("jlac10", t.jlac10().orElse(null))
          .put("value_type", t.valueType())
          .put("value", value)
          .put("value_numeric", numeric)
          .put("value_text", numeric == null ? value : null)
          .put("value_ambiguity", t.ambiguity().map(AmbiguousValue::reason).orElse(null))
          .put("unit_code", t.unit().code())
          .put("unit_text", t.unit().text())
          .put("reference_range", t.referenceRange())
          .put("abnormal_flag", t.abnormalFlag())
          .put("result_status", t.status())
          .put("sampled_at", time(lt.sampled(), who))
          .put("tested_at", time(lt.tested(), who))
          .put("reported_at", time(lt.reported(), who))
          .put("observed_at", time(t.observed(), who)));
    }
  }
}

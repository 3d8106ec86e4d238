package dev.ssmix2.examples.web;

import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.MedicationOrderRecord;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.summary.AllergyEntry;
import dev.ssmix2.core.summary.Allergies;
import dev.ssmix2.core.summary.ClinicalSummary;
import dev.ssmix2.core.summary.Diagnosis;
import dev.ssmix2.core.summary.LabCell;
import dev.ssmix2.core.summary.LabColumn;
import dev.ssmix2.core.summary.LabGroup;
import dev.ssmix2.core.summary.LabMatrix;
import dev.ssmix2.core.summary.LabRow;
import dev.ssmix2.core.summary.Medication;
import dev.ssmix2.core.summary.SummaryFinding;
import dev.ssmix2.core.summary.Vital;
import dev.ssmix2.core.summary.Visit;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps a {@link ClinicalSummary} to the chart's view models: wording and layout only, every clinical rule is in the
 * summary. {@code recordId} resolves a file to the token of the raw view.
 */
final class ChartSections {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ClinicalSummary summary;
  private final Function<StorageFile, String> recordId;

  ChartSections(ClinicalSummary summary, Function<StorageFile, String> recordId) {
    this.summary = summary;
    this.recordId = recordId;
  }

  String allergyState() {
    return switch (summary.allergies().state()) {
      case RECORDED -> PatientChart.ALLERGIES_RECORDED;
      case NONE_KNOWN -> PatientChart.ALLERGIES_NONE;
      case NOT_RECORDED -> PatientChart.ALLERGIES_NOT_RECORDED;
    };
  }

  boolean allergiesRecorded() {
    return summary.allergies().state() != Allergies.State.NOT_RECORDED;
  }

  List<Allergy> allergies() {
    return summary.allergies().entries().stream().map(ChartSections::allergy).toList();
  }

  List<Allergy> contraindications() {
    return summary.contraindications().stream().map(ChartSections::allergy).toList();
  }

  private static Allergy allergy(AllergyEntry a) {
    return new Allergy(a.allergen().display(), a.type().display(), a.severity().display(), a.reaction(),
        a.isDrugAllergy());
  }

  List<Prescription> prescriptions(List<Medication> medications) {
    return medications.stream().map(this::prescription).toList();
  }

  private Prescription prescription(Medication m) {
    String kind = m.kind() == MedicationOrderRecord.Kind.INJECTION ? Prescription.INJECTION
        : Prescription.PRESCRIPTION;
    return new Prescription(recordId.apply(m.file()), m.careDate().map(LocalDate::toString).orElse(""),
        m.start().map(Hl7Timestamp::display).orElse(""), kind, m.drugNames(), m.dose(), m.unit().display(),
        m.usage().display(), m.days().map(String::valueOf).orElse(""), m.route().display(),
        m.lastDay().map(LocalDate::toString).orElse(""), m.runs(summary.asOf()));
  }

  List<Problem> problems() {
    List<Problem> out = new ArrayList<>();
    for (Diagnosis d : summary.problems()) {
      String status = (d.status().display() + (d.suspected() ? " 疑い" : "")).strip();
      out.add(new Problem(d.name(), d.icd10().orElse(""),
          d.onset().flatMap(Hl7Timestamp::toLocalDate).map(LocalDate::toString).orElse(""), status));
    }
    return out;
  }

  List<Encounter> encounters(List<Visit> visits) {
    return visits.stream().map(v -> new Encounter(recordId.apply(v.file()), v.day().map(LocalDate::toString)
        .orElse(""), v.kind().japanese(), v.departmentName().isEmpty() ? v.departmentCode() : v.departmentName(),
        v.ward(), v.departmentCode())).toList();
  }

  /** Vital signs, newest first; an ambiguous value keeps its raw text and its reason for the ⚠ mark. */
  List<VitalSign> vitals() {
    return summary.vitals().stream().map(this::vital).toList();
  }

  private VitalSign vital(Vital v) {
    String when = v.time().map(Hl7Timestamp::display).orElse(v.day().map(LocalDate::toString).orElse(""));
    return new VitalSign(recordId.apply(v.file()), when, v.item().display(), v.value(), v.unit(),
        v.ambiguity().orElse(""));
  }

  /**
   * The flat list the first chart UI builds its matrix from: every cell of {@code matrix}, dated by day as that UI
   * expects ({@link #labTable} has the times).
   */
  List<LabResult> labs(LabMatrix matrix) {
    List<LabResult> out = new ArrayList<>();
    for (LabGroup g : matrix.groups()) {
      for (LabRow r : g.rows()) {
        for (LabCell c : r.cells()) {
          out.add(new LabResult(recordId.apply(c.file()), c.column().date().toString(), r.code(), r.name(), c.value(),
              c.unit(), c.referenceRange(), c.abnormalFlag(), g.specimen(), c.ambiguity().orElse("")));
        }
      }
    }
    return out;
  }

  /**
   * The newest {@code limit} order lines, extended to whole 診療日 so a page can start before the last day shown.
   *
   * @param olderUnread the day before which orders exist that were not read, if any
   */
  MedicationPage medicationPage(List<Medication> all, int limit, Optional<LocalDate> olderUnread) {
    List<Medication> byDay = new ArrayList<>(all);
    byDay.sort(java.util.Comparator.comparing((Medication m) -> m.careDate().orElse(LocalDate.MAX)).reversed());
    if (byDay.size() <= limit) {
      return new MedicationPage(prescriptions(all), olderUnread.map(LocalDate::toString).orElse(""));
    }
    LocalDate cut = byDay.get(limit - 1).careDate().orElse(LocalDate.MAX);
    List<Medication> shown = all.stream().filter(m -> !m.careDate().orElse(LocalDate.MAX).isBefore(cut)).toList();
    return new MedicationPage(prescriptions(shown), shown.size() < all.size() || olderUnread.isPresent()
        ? cut.toString() : "");
  }

  /**
   * The lab table of {@code shown}.
   *
   * @param olderBefore the 診療日 before which older results exist, if any
   */
  LabTable labTable(LabMatrix shown, Optional<LocalDate> olderBefore) {
    List<LabTable.Group> groups = new ArrayList<>();
    for (LabGroup g : shown.groups()) {
      groups.add(new LabTable.Group(g.specimen(), g.category(), g.categoryName(), g.rows().stream()
          .map(this::row).toList()));
    }
    return new LabTable(shown.columns().stream().map(LabColumn::display).toList(), groups,
        olderBefore.map(LocalDate::toString).orElse(""));
  }

  List<LabTable.Row> infections() {
    return summary.infections().stream().map(this::row).toList();
  }

  private LabTable.Row row(LabRow r) {
    return new LabTable.Row(r.code(), r.name(), r.unit(), r.referenceRange(), r.cells().stream()
        .map(c -> new LabTable.Cell(c.column().display(), c.value(), c.unit(), c.abnormalFlag(),
            c.ambiguity().orElse(""), c.comments(), recordId.apply(c.file()))).toList());
  }

  PatientChart.AsOf dataAsOf() {
    return new PatientChart.AsOf(summary.dataAsOf().patient().map(ChartSections::minutes).orElse(""),
        summary.dataAsOf().storage().map(ChartSections::minutes).orElse(""));
  }

  private static String minutes(LocalDateTime t) {
    return t.format(MINUTES);
  }

  /** The findings in the chart's words. */
  List<String> notes() {
    List<String> out = new ArrayList<>();
    for (SummaryFinding f : summary.findings()) {
      out.add(switch (f.code()) {
        case UNREADABLE_FILE -> "読めないファイル: " + f.file() + " — " + f.detail();
        case ALLERGEN_MISSING -> "アレルゲンの書かれていないアレルギー記録があります: " + f.file();
        case LAB_VALUE_UNDATED -> "日付のない検査値を表に載せられません: " + f.file();
      });
    }
    return out;
  }
}

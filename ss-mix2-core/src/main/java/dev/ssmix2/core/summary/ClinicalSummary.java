package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.ReadProblem;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.record.AllergyRecord;
import dev.ssmix2.core.record.ClinicalRecord;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.DemographicsRecord;
import dev.ssmix2.core.record.EncounterRecord;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.LabRecord;
import dev.ssmix2.core.record.MedicationOrderRecord;
import dev.ssmix2.core.record.ProblemListRecord;
import dev.ssmix2.core.record.VitalSignsRecord;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.version.History;
import dev.ssmix2.core.version.VersionResolver;
import dev.ssmix2.core.version.VersionStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A patient's clinical picture as of a date, from their current records: allergies (three states), active and all
 * medications, problem list, lab matrix, vital signs, encounters with department names, infection serology,
 * contraindications, and how recent the data is. Immutable.
 *
 * <pre>{@code
 * ClinicalSummary s = ClinicalSummary.read(storage, PatientId.of("0000000111"), LocalDate.now());
 * s.activeMedications().forEach(m -> show(m.drugNames()));
 * s.labs().newest(8).groups().forEach(g -> show(g.categoryName()));
 * }</pre>
 *
 * <p>Only current versions count (a superseded or deleted version passed in is ignored), cancel messages are not
 * data, withdrawn allergies (IAM-6 {@code D}) and deleted diagnoses (PRB-1 {@code DE}) are not shown, cancelled
 * order groups (ORC-1 {@code CA}) are not medications. A value that cannot be read unambiguously (a lab or vital value)
 * is kept as its raw text with the reason, for the chart to mark. The rules are described in docs/clinical-summary.md.
 */
public final class ClinicalSummary {

  private final PatientId patientId;
  private final LocalDate asOf;
  private final Allergies allergies;
  private final List<AllergyEntry> contraindications;
  private final List<Medication> medications;
  private final List<Diagnosis> problems;
  private final LabMatrix labs;
  private final List<Vital> vitals;
  private final List<Visit> encounters;
  private final DataAsOf dataAsOf;
  private final List<SummaryFinding> findings;

  private ClinicalSummary(Builder b) {
    this.patientId = b.patientId;
    this.asOf = b.asOf;
    this.allergies = b.allergies.allergies();
    this.contraindications = b.allergies.contraindications();
    this.medications = b.medications();
    this.problems = b.problems();
    this.labs = b.labs.matrix();
    this.vitals = b.vitals();
    this.encounters = b.encounters();
    this.dataAsOf = new DataAsOf(b.patientNewest.flatMap(n -> n.name().timestamp().toLocalDateTime()), b.storageNewest);
    this.findings = List.copyOf(b.findings);
  }

  /** A builder for a patient's summary as of {@code asOf}; add the patient's current files' read results to it. */
  public static Builder builder(PatientId patientId, LocalDate asOf) {
    return new Builder(patientId, asOf);
  }

  /** The summary of the given read results (normally every current file of the patient). */
  public static ClinicalSummary of(PatientId patientId, LocalDate asOf, Collection<? extends ReadResult> reads) {
    checkNotNull(reads, "reads must not be null");
    Builder b = builder(patientId, asOf);
    reads.forEach(b::add);
    return b.build();
  }

  /**
   * Reads every current file of one patient from a storage (one listing of the patient's folders, one read per
   * current version) and summarises them. A patient without files gives an empty summary.
   */
  public static ClinicalSummary read(Storage storage, PatientId patientId, LocalDate asOf) {
    checkNotNull(storage, "storage must not be null");
    Builder b = builder(patientId, asOf);
    List<StorageFile> files;
    try (Stream<StorageFile> s = storage.files(patientId)) {
      files = s.toList();
    }
    files.forEach(b::seen);
    for (History h : VersionResolver.resolve(files)) {
      h.current().ifPresent(f -> b.add(RecordReader.read(f, VersionStatus.CURRENT)));
    }
    return b.build();
  }

  public PatientId patientId() {
    return patientId;
  }

  /** The date the summary is as of: which medications are active. */
  public LocalDate asOf() {
    return asOf;
  }

  /** Allergies: recorded, recorded as none, or not recorded; drug allergies first. */
  public Allergies allergies() {
    return allergies;
  }

  /** Contraindications (allergy type {@code MC}) as sent in IAM or AL1 segments. */
  public List<AllergyEntry> contraindications() {
    return contraindications;
  }

  /** The medications running on {@link #asOf()} (see {@link Medication#runs(LocalDate)}), newest first. */
  public List<Medication> activeMedications() {
    return medications.stream().filter(m -> m.runs(asOf)).toList();
  }

  /** Every medication order group of the current records, newest first. */
  public List<Medication> medications() {
    return medications;
  }

  /**
   * The problem list without deleted entries: the patient's current problem lists united, the newest statement of
   * each problem winning (see {@link ProblemListRecord#union}).
   */
  public List<Diagnosis> problems() {
    return problems;
  }

  /** Specimen lab results as a matrix, newest column first. */
  public LabMatrix labs() {
    return labs;
  }

  /**
   * Infection serology (JLAC10 medium categories 5E and 5F: syphilis, hepatitis B and C, HIV …) with every value,
   * newest first: what the data says about infections. The values are as sent; the summary does not interpret them.
   */
  public List<LabRow> infections() {
    return labs.rows(Jlac10::isInfectionSerology);
  }

  /**
   * Vital signs (ORU^R30 of the extended storage), newest first; an ambiguous value keeps its raw text and reason.
   */
  public List<Vital> vitals() {
    return vitals;
  }

  /** Visits, admissions, transfers and discharges, newest first. */
  public List<Visit> encounters() {
    return encounters;
  }

  public DataAsOf dataAsOf() {
    return dataAsOf;
  }

  /** What could not be used, e.g. unreadable files. */
  public List<SummaryFinding> findings() {
    return findings;
  }

  @Override
  public String toString() {
    return "ClinicalSummary[" + patientId + " as of " + asOf + ": " + allergies.state() + ", "
        + medications.size() + " medications, " + problems.size() + " problems, " + labs.columns().size()
        + " lab columns, " + vitals.size() + " vital signs, " + encounters.size() + " encounters]";
  }

  /** Collects read results of one patient; not thread-safe, build once. */
  public static final class Builder {
    private final PatientId patientId;
    private final LocalDate asOf;
    private final List<SummaryFinding> findings = new ArrayList<>();
    private final AllergyCollector allergies = new AllergyCollector(findings);
    private final LabCollector labs = new LabCollector(findings);
    private final List<Medication> medications = new ArrayList<>();
    private final List<ProblemListRecord> problemLists = new ArrayList<>();
    private final List<Vital> vitals = new ArrayList<>();
    private final List<EncounterRecord> encounterRecords = new ArrayList<>();
    /** Department names from ORC-17 ({@code 01^内科^99XY1}), by code, newest message winning. */
    private final Map<String, String> departments = new HashMap<>();
    private final Map<String, StorageFile> departmentSource = new HashMap<>();
    private Optional<StorageFile> patientNewest = Optional.empty();
    private Optional<LocalDateTime> storageNewest = Optional.empty();
    private boolean built;

    private Builder(PatientId patientId, LocalDate asOf) {
      checkNotNull(patientId, "patient ID must not be null");
      checkNotNull(asOf, "as-of date must not be null");
      this.patientId = patientId;
      this.asOf = asOf;
    }

    /**
     * A file of the patient that counts for "data as of" even if it is not read (a superseded version, an order the
     * caller chose not to read). Added read results count by themselves.
     */
    public Builder seen(StorageFile file) {
      checkNotNull(file, "file must not be null");
      if (patientNewest.isEmpty() || file.name().timestamp().compareTo(patientNewest.get().name().timestamp()) > 0) {
        patientNewest = Optional.of(file);
      }
      return this;
    }

    /** The newest 発生日時 of the whole storage, when the caller knows it (an index does). */
    public Builder storageNewest(LocalDateTime time) {
      checkNotNull(time, "time must not be null");
      this.storageNewest = Optional.of(time);
      return this;
    }

    /**
     * Adds one read result of the patient: a current record is summarised, a superseded or deleted one ignored, a
     * problem reported as a {@link SummaryFinding}.
     */
    public Builder add(ReadResult result) {
      checkNotNull(result, "read result must not be null");
      checkArgument(!built, "the summary was already built; use a new builder");
      checkArgument(result.file().patientId().equals(patientId), "file %s belongs to patient %s, not %s",
          result.file().relativePath(), result.file().patientId(), patientId);
      seen(result.file());
      if (result instanceof ReadProblem p) {
        findings.add(new SummaryFinding(SummaryFinding.Code.UNREADABLE_FILE, p.file().relativePath(), p.reason()));
        return this;
      }
      MessageRead m = (MessageRead) result;
      ClinicalRecord record = m.record();
      if (record.status() != VersionStatus.CURRENT || record.isCancel()) {
        return this; // an older version is not the patient's picture; a cancel message is the deletion itself
      }
      departments(m);
      if (record instanceof AllergyRecord a) {
        allergies.addIam(a);
      } else if (record instanceof DemographicsRecord) {
        allergies.addAl1(m.message(), record.file());
      } else if (record instanceof MedicationOrderRecord rx) {
        addMedications(rx);
      } else if (record instanceof ProblemListRecord pl) {
        problemLists.add(pl);
      } else if (record instanceof LabRecord lab && lab.isResult()) {
        labs.add(lab);
      } else if (record instanceof EncounterRecord enc) {
        encounterRecords.add(enc);
      } else if (record instanceof VitalSignsRecord v) {
        for (VitalSignsRecord.Measurement x : v.measurements()) {
          vitals.add(new Vital(x.item(), x.value(), x.unitDisplay(), x.time(), v.careDate().date(),
              x.ambiguity().map(a -> a.reason()), v.file()));
        }
      }
      return this;
    }

    public ClinicalSummary build() {
      checkArgument(!built, "the summary was already built; use a new builder");
      built = true;
      return new ClinicalSummary(this);
    }

    private void departments(MessageRead m) {
      for (Segment orc : m.message().segments("ORC")) {
        Coded dept = Coded.of(orc.field(17));
        String code = dept.code().strip();
        String name = dept.text().strip();
        if (code.isEmpty() || name.isEmpty()) {
          continue;
        }
        StorageFile known = departmentSource.get(code);
        if (known == null || m.file().name().timestamp().compareTo(known.name().timestamp()) > 0) {
          departments.put(code, name);
          departmentSource.put(code, m.file());
        }
      }
    }

    private void addMedications(MedicationOrderRecord rx) {
      Optional<LocalDate> careDate = rx.careDate().date();
      for (MedicationOrderRecord.Order o : rx.orders()) {
        if (o.orderControl().strip().equalsIgnoreCase("CA")) {
          continue; // this group was cancelled within a message that keeps others
        }
        boolean daily = o.dose().isBlank() && !o.dailyTotal().isBlank();
        Optional<LocalDate> first = o.start().flatMap(Hl7Timestamp::toLocalDate).or(() -> careDate);
        Optional<LocalDate> last = o.end().flatMap(Hl7Timestamp::toLocalDate)
            .or(() -> first.map(f -> o.days().filter(d -> d > 0).map(d -> f.plusDays(d - 1L)).orElse(f)));
        medications.add(new Medication(rx.kind(), careDate, o.drugs(), daily ? o.dailyTotal() : o.dose(),
            daily ? o.dailyTotalUnit() : o.unit(), o.usage(), o.route(), o.days(), o.start(), last, rx.file()));
      }
    }

    /** Some writers keep one PPR-01 per diagnosis event: the current lists are one problem list. */
    private List<Diagnosis> problems() {
      Map<ProblemListRecord.Problem, StorageFile> source = new IdentityHashMap<>();
      for (ProblemListRecord pl : problemLists) {
        pl.problems().forEach(p -> source.put(p, pl.file()));
      }
      List<Diagnosis> out = new ArrayList<>();
      for (ProblemListRecord.Problem p : ProblemListRecord.union(problemLists)) {
        out.add(new Diagnosis(p.disease(), p.name(), p.icd10(), p.onset(), p.lifeCycleStatus(), p.suspected(),
            source.get(p)));
      }
      return List.copyOf(out);
    }

    private List<Vital> vitals() {
      List<Vital> sorted = new ArrayList<>(vitals);
      sorted.sort(Comparator.comparing((Vital v) -> v.date().orElse(LocalDate.MIN))
          .thenComparing(v -> v.time().flatMap(Hl7Timestamp::toLocalDateTime).orElse(LocalDateTime.MIN))
          .thenComparing(v -> v.file().name().timestamp()).reversed());
      return List.copyOf(sorted);
    }

    private List<Medication> medications() {
      List<Medication> sorted = new ArrayList<>(medications);
      sorted.sort(Comparator.comparing((Medication m) -> m.firstDay().orElse(LocalDate.MIN))
          .thenComparing(m -> m.start().map(Hl7Timestamp::raw).orElse(""))
          .thenComparing(m -> m.file().name().timestamp()).reversed());
      return List.copyOf(sorted);
    }

    private List<Visit> encounters() {
      List<Visit> out = new ArrayList<>();
      for (EncounterRecord e : encounterRecords) {
        String code = e.department().strip();
        String name = departments.getOrDefault(code, "");
        out.add(new Visit(e.kind(), e.time(), e.careDate().date(), code, name, e.ward(), e.room(), e.file()));
      }
      out.sort(Comparator.comparing((Visit v) -> v.day().orElse(LocalDate.MIN))
          .thenComparing(v -> v.time().map(Hl7Timestamp::raw).orElse(""))
          .thenComparing(v -> v.file().name().timestamp()).reversed());
      return List.copyOf(out);
    }
  }
}

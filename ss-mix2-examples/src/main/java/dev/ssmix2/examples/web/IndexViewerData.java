package dev.ssmix2.examples.web;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.hash.Hashing;
import dev.ssmix2.core.fhir.FhirExportOptions;
import dev.ssmix2.core.fhir.FhirExporter;
import dev.ssmix2.core.fhir.FhirJson;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.PatientReader;
import dev.ssmix2.core.read.ReadProblem;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.record.AllergyRecord;
import dev.ssmix2.core.record.ClinicalRecord;
import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.EncounterRecord;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.LabRecord;
import dev.ssmix2.core.record.VitalSignsRecord;
import dev.ssmix2.core.record.MedicationOrderRecord;
import dev.ssmix2.core.record.Patient;
import dev.ssmix2.core.record.PersonName;
import dev.ssmix2.core.record.ProblemListRecord;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.version.VersionStatus;
import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.search.SearchResult;
import dev.ssmix2.index.store.PatientStore;
import dev.ssmix2.index.store.PatientRecords;
import dev.ssmix2.index.store.RecordEntry;
import dev.ssmix2.index.store.RecordProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The viewer's data from a {@link PatientStore} (embedded or SolrCloud): search and record lists come from the index, chart details from
 * reading the patient's current files (a handful of reads, no storage walk).
 *
 * <p>Record IDs are opaque URL-safe tokens: the patient ID and a hash of (root, path relative to the root). A token is
 * only honoured when the index lists a file of that patient with that hash, so no URL can name a file the index does
 * not know.
 */
public final class IndexViewerData implements ViewerData {

  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  private static final char TOKEN_SEPARATOR = '~';

  private static final FhirExporter FHIR = FhirExporter.create(FhirExportOptions.defaults());

  private final PatientStore index;
  private final Clock clock;

  public IndexViewerData(PatientStore index) {
    this(index, Clock.systemDefaultZone());
  }

  IndexViewerData(PatientStore index, Clock clock) {
    checkNotNull(index, "index must not be null");
    checkNotNull(clock, "clock must not be null");
    this.index = index;
    this.clock = clock;
    Thread warm = new Thread(FhirJson::warmUp, "ssmix2-fhir-warm-up"); // the first /fhir answer need not wait
    warm.setDaemon(true);
    warm.start();
  }

  @Override
  public SearchResponse search(String query, int limit) {
    List<SearchHit> hits = new ArrayList<>();
    SearchResult result = index.searchResult(query, limit);
    for (PatientHit h : result.hits()) {
      hits.add(new SearchHit(h.patientId().value(), h.name(), h.kana(), h.birthDate(), age(h.birthDate()),
          h.sex().code(), h.score(), h.matchedLabels()));
    }
    return new SearchResponse(query, hits, result.hint().orElse(""));
  }

  @Override
  public Optional<PatientChart> patient(String patientId) {
    Optional<PatientId> id = parseId(patientId);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return index.patient(id.get()).map(p -> {
      PatientRecords recs = index.records(id.get(), false);
      List<String> notes = new ArrayList<>();
      Optional<Patient> demo = demographics(id.get(), notes);
      ChartBuilder chart = new ChartBuilder();
      demo.filter(Patient::fromAdt00).ifPresent(d -> chart.addAdt00Allergies(d.source(), notes));
      for (RecordEntry e : recs.records()) {
        ReadResult r = RecordReader.read(fileOf(e), e.status());
        if (r instanceof MessageRead m) {
          chart.add(m.record(), tokenOf(e));
        } else if (r instanceof ReadProblem problem) {
          notes.add("読めないファイル: " + e.file() + " — " + problem.reason());
        }
      }
      for (RecordProblem prob : recs.problems()) {
        notes.add("読めないファイル: " + prob.file() + " — " + prob.reason());
      }
      if (!p.fromAdt00()) {
        notes.add("患者基本情報 (ADT-00) がないため、他のメッセージの PID から表示しています");
      }
      if (p.kana().isBlank()) {
        notes.add("カナ氏名が登録されていません");
      }
      return new PatientChart(p.id().value(), p.name(), p.kana(),
          demo.flatMap(Patient::romaji).map(PersonName::display).orElse(""), p.birthDate(), age(p.birthDate()),
          p.sex().code(), demo.flatMap(Patient::address).orElse(""), demo.map(Patient::phones).orElse(List.of()),
          chart.allergiesRecorded, chart.allergies, chart.sortedPrescriptions(), chart.labs, chart.problems(),
          chart.sortedEncounters(), chart.sortedVitals(), notes);
    });
  }

  @Override
  public Optional<List<RecordRow>> records(String patientId, boolean history) {
    Optional<PatientId> id = parseId(patientId);
    if (id.isEmpty() || index.patient(id.get()).isEmpty()) {
      return Optional.empty();
    }
    List<RecordRow> rows = new ArrayList<>();
    for (RecordEntry e : index.records(id.get(), history).records()) {
      rows.add(new RecordRow(tokenOf(e), e.dataType(), dataTypeName(e.dataType()), isoDate(e.date()),
          e.orderNo(), e.timestamp(), status(e.status()), e.file(), e.summary()));
    }
    return Optional.of(rows);
  }

  @Override
  public Optional<RawRecord> raw(String recordId) {
    return entryOf(recordId).map(e -> {
      ReadResult r = RecordReader.read(fileOf(e), e.status());
      if (r instanceof MessageRead m) {
        String text = m.message().segments().stream().map(s -> s.raw()).collect(Collectors.joining("\n"));
        return new RawRecord(recordId, e.file(), m.decoded().charset().name(), status(e.status()), text);
      }
      String reason = r instanceof ReadProblem problem ? problem.reason() : r.toString();
      return new RawRecord(recordId, e.file(), "", status(e.status()), "(読めません: " + reason + ")");
    });
  }

  @Override
  public Optional<String> fhir(String patientId) {
    Optional<PatientId> id = parseId(patientId);
    if (id.isEmpty() || index.patient(id.get()).isEmpty()) {
      return Optional.empty();
    }
    Storage storage = Storage.open(index.roots().stream().filter(Files::isDirectory).toList());
    List<StorageFile> files;
    try (var s = storage.files(id.get())) {
      files = s.toList();
    }
    return Optional.of(FhirJson.toCollectionBundleJson(FHIR.export(id.get(), files)));
  }

  private Optional<Patient> demographics(PatientId id, List<String> notes) {
    try {
      Storage storage = Storage.open(index.roots().stream().filter(Files::isDirectory).toList());
      return storage.patient(id).flatMap(PatientReader::current);
    } catch (RuntimeException e) {
      notes.add("住所・電話番号を読めませんでした: " + e.getMessage());
      return Optional.empty();
    }
  }

  private OptionalInt age(Optional<LocalDate> birth) {
    LocalDate today = LocalDate.now(clock);
    return birth.filter(b -> !b.isAfter(today)).map(b -> OptionalInt.of(Period.between(b, today).getYears()))
        .orElse(OptionalInt.empty());
  }

  private static Optional<PatientId> parseId(String text) {
    try {
      return Optional.of(PatientId.of(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The record index's 診療日 {@code yyyyMMdd} as {@code yyyy-MM-dd}; empty for undated data ({@code -}). */
  static String isoDate(String storageDate) {
    if (storageDate.length() != 8 || !storageDate.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return storageDate.equals("-") ? "" : storageDate;
    }
    return storageDate.substring(0, 4) + "-" + storageDate.substring(4, 6) + "-" + storageDate.substring(6);
  }

  /**
   * {@code base64url(患者ID) ~ base64url(first 128 bits of SHA-256(root, path))}: short enough for a URL segment
   * (a base64 path would exceed {@link PathSegment#MAX_CODE_POINTS}), free of {@code / : %}, and only resolvable by
   * looking the patient's records up in the index.
   */
  private static String tokenOf(RecordEntry e) {
    return BASE64.encodeToString(e.patientId().value().getBytes(StandardCharsets.US_ASCII)) + TOKEN_SEPARATOR
        + fileKey(e.root(), e.file());
  }

  private static String fileKey(Path root, String file) {
    byte[] hash = Hashing.sha256().hashString(root + "\0" + file, StandardCharsets.UTF_8).asBytes();
    return BASE64.encodeToString(Arrays.copyOf(hash, 16));
  }

  /** The index's own entry for a token: never a path built from the URL. */
  private Optional<RecordEntry> entryOf(String token) {
    int sep = token.indexOf(TOKEN_SEPARATOR);
    if (sep <= 0) {
      return Optional.empty();
    }
    String key = token.substring(sep + 1);
    Optional<PatientId> id;
    try {
      id = parseId(new String(Base64.getUrlDecoder().decode(token.substring(0, sep)), StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return id.flatMap(p -> index.records(p, true).records().stream()
        .filter(e -> fileKey(e.root(), e.file()).equals(key)).findFirst());
  }

  private static StorageFile fileOf(RecordEntry e) {
    String name = e.file().substring(e.file().lastIndexOf('/') + 1);
    StorageRoot root = new StorageRoot(e.root());
    // An extended-storage entry is a content folder holding its payload files.
    boolean contentFolder = java.nio.file.Files.isDirectory(root.resolve(e.file()),
        java.nio.file.LinkOption.NOFOLLOW_LINKS);
    return new StorageFile(root, e.file(), FileName.parse(name), contentFolder);
  }

  private static String dataTypeName(String code) {
    return StandardDataType.ofCode(code).map(StandardDataType::japaneseName).orElse(code);
  }

  private static RecordStatus status(VersionStatus s) {
    return switch (s) {
      case CURRENT -> RecordStatus.CURRENT;
      case SUPERSEDED -> RecordStatus.SUPERSEDED;
      case DELETED -> RecordStatus.DELETED;
    };
  }

  /** Collects chart sections from the current records of one patient. */
  private static final class ChartBuilder {
    boolean allergiesRecorded;
    final List<Allergy> allergies = new ArrayList<>();
    final List<Prescription> prescriptions = new ArrayList<>();
    final List<LabResult> labs = new ArrayList<>();
    final List<ProblemListRecord> problemLists = new ArrayList<>();
    final List<VitalSign> vitals = new ArrayList<>();
    final List<Encounter> encounters = new ArrayList<>();

    /**
     * ADT-00 may carry allergies as AL1 segments (the NHO sample lists ペニシリン there, not in ADT-61); a drug allergy
     * must never be hidden because it was sent with the demographics.
     */
    void addAdt00Allergies(StorageFile adt00, List<String> notes) {
      ReadResult r = RecordReader.read(adt00);
      if (!(r instanceof MessageRead m)) {
        return; // the demographics came from this very file, so it was readable a moment ago
      }
      for (Segment al1 : m.message().segments("AL1")) {
        Coded allergen = Coded.of(al1.field(3));
        if (allergen.isEmpty()) {
          notes.add("ADT-00 の AL1 にアレルゲンがありません: " + adt00.relativePath());
          continue;
        }
        allergiesRecorded = true;
        addAllergy(new Allergy(allergen.display(), Coded.of(al1.field(2)).display(),
            Coded.of(al1.field(4)).display(), al1.value(5).strip()));
      }
    }

    /** The same allergen may be sent both in ADT-00 (AL1) and ADT-61 (IAM); show it once. */
    private void addAllergy(Allergy allergy) {
      if (allergies.stream().noneMatch(a -> a.allergen().equals(allergy.allergen()))) {
        allergies.add(allergy);
      }
    }

    void add(ClinicalRecord record, String token) {
      if (record.isCancel()) {
        return; // a cancel message is the deletion itself, not data to show
      }
      String date = record.careDate().date().map(LocalDate::toString).orElse("");
      if (record instanceof AllergyRecord a) {
        allergiesRecorded = true;
        for (AllergyRecord.Allergy x : a.allergies()) {
          if (x.action().code().equalsIgnoreCase("D")) {
            continue; // IAM-6 D^削除: the allergy was withdrawn
          }
          addAllergy(new Allergy(x.allergen().display(), x.type().display(), x.severity().display(),
              x.reaction()));
        }
      } else if (record instanceof MedicationOrderRecord rx) {
        String kind = rx.kind() == MedicationOrderRecord.Kind.INJECTION ? Prescription.INJECTION
            : Prescription.PRESCRIPTION;
        for (MedicationOrderRecord.Order o : rx.orders()) {
          String drug = o.drugs().stream().map(Coded::display).filter(s -> !s.isBlank())
              .collect(Collectors.joining(" + "));
          String start = o.start().map(Hl7Timestamp::display).orElse("");
          prescriptions.add(new Prescription(token, date, start, kind, drug, o.dose(), o.unit().display(),
              o.usage().display(), o.days().map(String::valueOf).orElse(""), o.route().display()));
        }
      } else if (record instanceof LabRecord lab && lab.isResult()) {
        for (LabRecord.Test t : lab.tests()) {
          String when = t.observed().flatMap(Hl7Timestamp::toLocalDate).map(LocalDate::toString).orElse(date);
          labs.add(new LabResult(token, when, t.jlac10().orElse(t.test().code()), t.test().display(), t.value(),
              t.unit().display(), t.referenceRange(), t.abnormalFlag(), t.specimen().display(),
              t.ambiguity().map(a -> a.reason()).orElse("")));
        }
      } else if (record instanceof ProblemListRecord pl) {
        problemLists.add(pl); // several current lists of one patient are shown as one (see problems())
      } else if (record instanceof VitalSignsRecord v) {
        for (VitalSignsRecord.Measurement m : v.measurements()) {
          vitals.add(new VitalSign(token, m.time().map(Hl7Timestamp::display).orElse(date), m.item().display(),
              m.value(), m.unitDisplay(), m.ambiguity().map(a -> a.reason()).orElse("")));
        }
      } else if (record instanceof EncounterRecord enc) {
        String when = enc.time().flatMap(Hl7Timestamp::toLocalDate).map(LocalDate::toString).orElse(date);
        encounters.add(new Encounter(token, when, enc.kind().japanese(), enc.department(), enc.ward()));
      }
    }

    /** The union of the patient's current problem lists, the newest statement of each problem winning. */
    List<Problem> problems() {
      List<Problem> problems = new ArrayList<>();
      for (ProblemListRecord.Problem p : ProblemListRecord.union(problemLists)) {
        String status = p.lifeCycleStatus().display() + (p.suspected() ? " 疑い" : "");
        problems.add(new Problem(p.name(), p.icd10().orElse(""),
            p.onset().flatMap(Hl7Timestamp::toLocalDate).map(LocalDate::toString).orElse(""), status.strip()));
      }
      return problems;
    }

    List<VitalSign> sortedVitals() {
      vitals.sort(Comparator.comparing(VitalSign::time).reversed());
      return vitals;
    }

    List<Prescription> sortedPrescriptions() {
      prescriptions.sort(Comparator.comparing(Prescription::date).thenComparing(Prescription::start).reversed());
      return prescriptions;
    }

    List<Encounter> sortedEncounters() {
      encounters.sort(Comparator.comparing(Encounter::date).reversed());
      return encounters;
    }
  }
}

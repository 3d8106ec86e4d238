package dev.ssmix2.examples.web;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.hash.Hashing;
import dev.ssmix2.core.fhir.FhirExportOptions;
import dev.ssmix2.core.fhir.FhirExporter;
import dev.ssmix2.core.fhir.FhirJson;
import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.PatientReader;
import dev.ssmix2.core.read.ReadProblem;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.record.Patient;
import dev.ssmix2.core.record.PersonName;
import dev.ssmix2.core.storage.CareDate;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.summary.ChartWindow;
import dev.ssmix2.core.summary.ClinicalSummary;
import dev.ssmix2.core.version.VersionStatus;
import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.search.SearchResult;
import dev.ssmix2.index.store.ChartRecords;
import dev.ssmix2.index.store.Facility;
import dev.ssmix2.index.store.IndexedPatient;
import dev.ssmix2.index.store.PatientStore;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The viewer's data from a {@link PatientStore} (embedded or SolrCloud): search and record lists come from the index,
 * chart details from the library's {@code ClinicalSummary} of the files a {@link ChartWindow} chooses (no storage
 * walk).
 *
 * <p>Record IDs are opaque URL-safe tokens: the facility and patient ID and a hash of (root, path relative to the
 * root). A token is only honoured when the index lists a file of that patient with that hash, so no URL can name a file
 * the index does not know.
 *
 * <p>A patient is known by facility and 患者ID. Its key in URLs is the 患者ID when the backup holds one facility only,
 * else {@code CODE~患者ID}; a plain 患者ID is still understood when one facility alone has it, and refused
 * ({@link AmbiguousPatientException}) when several do.
 */
public final class IndexViewerData implements ViewerData {

  /** Prescriptions and injections sent with the chart (all running ones are always sent besides). */
  static final int MEDICATIONS_SHOWN = 60;

  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  private static final char TOKEN_SEPARATOR = '~';

  private static final FhirExporter FHIR = FhirExporter.create(FhirExportOptions.defaults());

  private final PatientStore index;
  private final Clock clock;
  /** What a chart reads of a patient's files; older results and orders come a page at a time. */
  private final ChartWindow window;
  /**
   * Charts already built, by patient, valid for one index version and one day: a clinician switches between a few
   * charts during an outage, and a heavy patient's chart costs tens of milliseconds of CPU to build (see the chart
   * figures in benchmarks/README.md) but well under one to send again.
   */
  private final Cache<String, CachedChart> charts = CacheBuilder.newBuilder().maximumSize(64).build();

  private record CachedChart(long indexVersion, LocalDate day, PatientChart chart) {}

  public IndexViewerData(PatientStore index) {
    this(index, Clock.systemDefaultZone());
  }

  IndexViewerData(PatientStore index, Clock clock) {
    this(index, clock, ChartWindow.defaults());
  }

  IndexViewerData(PatientStore index, Clock clock, ChartWindow window) {
    checkNotNull(index, "index must not be null");
    checkNotNull(clock, "clock must not be null");
    checkNotNull(window, "window must not be null");
    this.index = index;
    this.clock = clock;
    this.window = window;
  }

  /**
   * Starts, on a background thread, what makes the first clinician's chart and {@code /fhir} answer fast: one
   * patient's chart is built (the reader, the summary and the index's record lists get loaded and compiled) and then
   * the FHIR context. Returns at once; the returned thread ends when both are done. A command that serves clinicians
   * calls this once after opening the index; nothing depends on it having finished.
   *
   * <p>Why: in a fresh JVM the first chart of a 5,000-file patient cost seconds of CPU, most of it class loading and
   * compilation rather than the patient (the chart figures in benchmarks/README.md), and the FHIR context's own warm-up
   * competed with that first chart for the two cores when both ran at once; so the chart comes first.
   */
  public Thread warmUpInBackground() {
    Thread warm = new Thread(() -> {
      try {
        // by facility and ID: patients of several facilities may share the first ID
        firstIndexedPatient().flatMap(id -> index.patients(id).stream().findFirst())
            .ifPresent(p -> patient(p.facility().code() + KEY_SEPARATOR + p.id().value()));
      } catch (RuntimeException e) {
        // only a warm-up: the same failure, if it is one, answers the first real request with its message
      }
      FhirJson.warmUp();
    }, "ssmix2-viewer-warm-up");
    warm.setDaemon(true);
    warm.setPriority(Thread.MIN_PRIORITY);
    warm.start();
    return warm;
  }

  /** Whether a chart of a patient with this ID (of any facility) is cached (for tests). */
  boolean hasCachedChart(PatientId id) {
    return charts.asMap().keySet().stream().anyMatch(k -> k.endsWith(KEY_SEPARATOR + id.value()));
  }

  /** The first patient of the storage walk that the index knows, if any (the walk stops there). */
  Optional<PatientId> firstIndexedPatient() {
    List<Path> roots = index.roots().stream().filter(Files::isDirectory).toList();
    if (roots.isEmpty()) {
      return Optional.empty();
    }
    try (Stream<dev.ssmix2.core.storage.PatientFolder> patients = Storage.open(roots).patients(unreadable -> { })) {
      return patients.map(dev.ssmix2.core.storage.PatientFolder::patientId)
          .filter(id -> !index.patients(id).isEmpty()).findFirst();
    }
  }

  @Override
  public SearchResponse search(String query, int limit) {
    return search(query, limit, "");
  }

  @Override
  public SearchResponse search(String query, int limit, String facility) {
    List<SearchHit> hits = new ArrayList<>();
    SearchResult result = facility.isEmpty() ? index.searchResult(query, limit)
        : index.searchResult(query, facility, limit);
    boolean several = index.facilities().size() > 1;
    for (PatientHit h : result.hits()) {
      List<String> former = index.patient(h.facility().code(), h.patientId()).map(IndexedPatient::formerNames)
          .orElse(List.of());
      hits.add(new SearchHit(h.patientId().value(), h.name(), h.kana(), h.birthDate(), age(h.birthDate()),
          h.sex().code(), h.score(), h.matchedLabels(),
          FormerNames.matchedThrough(query, h.name(), h.kana(), former), key(h.facility(), h.patientId(), several),
          info(h.facility())));
    }
    return new SearchResponse(query, hits, result.hint().orElse(""));
  }

  @Override
  public List<FacilityInfo> facilities() {
    return index.facilities().stream().map(IndexViewerData::info).toList();
  }

  private static FacilityInfo info(Facility f) {
    return new FacilityInfo(f.code(), f.name());
  }

  /** The 患者ID alone when the backup holds one facility, else {@code CODE~患者ID}. */
  private static String key(Facility f, PatientId id, boolean several) {
    return several ? f.code() + KEY_SEPARATOR + id.value() : id.value();
  }

  private static final char KEY_SEPARATOR = '~';

  @Override
  public Optional<PatientRef> resolve(String patientKey) {
    return lookup(patientKey).map(p -> new PatientRef(key(p.facility(), p.id(), index.facilities().size() > 1),
        info(p.facility()), p.id().value()));
  }

  /**
   * The patient a key names: {@code CODE~患者ID}, or a 患者ID that one facility alone has (several: refused, never
   * one picked).
   */
  private Optional<IndexedPatient> lookup(String patientKey) {
    int sep = patientKey.indexOf(KEY_SEPARATOR);
    if (sep >= 0 && isFacilityCode(patientKey.substring(0, sep))) { // a 患者ID may hold '~', a facility code not
      Optional<PatientId> id = parseId(patientKey.substring(sep + 1));
      return id.isEmpty() ? Optional.empty() : index.patient(patientKey.substring(0, sep), id.get());
    }
    Optional<PatientId> id = parseId(patientKey);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    List<IndexedPatient> all = index.patients(id.get());
    if (all.size() > 1) {
      throw new AmbiguousPatientException(id.get().value(), all.stream()
          .map(p -> new AmbiguousPatientException.Candidate(key(p.facility(), p.id(), true), info(p.facility()),
              p.name())).toList());
    }
    return all.stream().findFirst();
  }

  private static boolean isFacilityCode(String code) {
    try {
      Facility.checkCode(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public Optional<PatientChart> patient(String patientId) {
    Optional<IndexedPatient> p = lookup(patientId);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    String cacheKey = p.get().facility().code() + KEY_SEPARATOR + p.get().id().value();
    OptionalLong version = index.version(); // empty: the store cannot tell when it changed, so nothing is cached
    LocalDate day = LocalDate.now(clock);
    CachedChart cached = version.isPresent() ? charts.getIfPresent(cacheKey) : null;
    if (cached != null && cached.indexVersion() == version.getAsLong() && cached.day().equals(day)) {
      return Optional.of(cached.chart());
    }
    Optional<PatientChart> chart = Optional.of(build(p.get()));
    if (version.isPresent()) {
      chart.ifPresent(c -> charts.put(cacheKey, new CachedChart(version.getAsLong(), day, c)));
    }
    return chart;
  }

  private PatientChart build(IndexedPatient patient) {
    Optional<PatientId> id = Optional.of(patient.id());
    String code = patient.facility().code();
    return Optional.of(patient).map(p -> {
      List<String> notes = new ArrayList<>();
      Optional<Patient> demo = demographics(code, id.get(), p.fromAdt00(), notes);
      LocalDate today = LocalDate.now(clock);
      // the index chooses the window's records (from doc values in the embedded index): no list of every record
      ChartRecords recs = index.chartRecords(code, id.get(), window, today);
      Map<Path, StorageRoot> roots = new HashMap<>();
      Map<StorageFile, RecordEntry> chosen = new HashMap<>();
      List<StorageFile> read = new ArrayList<>(recs.read().size());
      for (RecordEntry e : recs.read()) {
        StorageFile f = fileOf(e, roots.computeIfAbsent(e.root(), StorageRoot::new));
        chosen.put(f, e);
        read.add(f);
      }
      ListedFiles files = new ListedFiles(chosen);
      ClinicalSummary.Builder builder = ClinicalSummary.builder(id.get(), today);
      index.newestFileTime().ifPresent(builder::storageNewest);
      // ADT-00 may carry allergies (AL1): the summary needs the demographics file too
      demo.filter(Patient::fromAdt00).filter(d -> !read.contains(d.source()))
          .ifPresent(d -> builder.add(RecordReader.read(d.source(), VersionStatus.CURRENT)));
      read.forEach(f -> builder.add(RecordReader.read(f, VersionStatus.CURRENT)));
      // the files not read still count for "data as of": the newest of them is what counts
      recs.newest().ifPresent(e -> builder.seen(fileOf(e, roots.computeIfAbsent(e.root(), StorageRoot::new))));
      ClinicalSummary summary = builder.build();
      ChartSections chart = new ChartSections(summary, files::token);
      notes.addAll(chart.notes());
      for (RecordProblem prob : recs.problems()) {
        notes.add("読めないファイル: " + prob.file() + " — " + prob.reason());
      }
      if (!p.fromAdt00()) {
        notes.add("患者基本情報 (ADT-00) がないため、他のメッセージの PID から表示しています");
      }
      if (p.kana().isBlank()) {
        notes.add("カナ氏名が登録されていません");
      }
      MedicationPage recent = chart.medicationPage(summary.medications(), MEDICATIONS_SHOWN,
          recs.olderMedicationsBefore());
      return new PatientChart(p.id().value(), p.name(), p.kana(),
          demo.flatMap(Patient::romaji).map(PersonName::display).orElse(""), p.birthDate(), age(p.birthDate()),
          p.sex().code(), demo.flatMap(Patient::address).orElse(""), demo.map(Patient::phones).orElse(List.of()),
          chart.allergiesRecorded(), chart.allergies(), recent.prescriptions(), chart.labs(summary.labs()),
          chart.problems(), chart.encounters(summary.encounters()), chart.vitals(), notes, chart.allergyState(),
          summary.allergies().withdrawn(), chart.contraindications(),
          chart.prescriptions(summary.activeMedications()), chart.labTable(summary.labs(),
              recs.olderLabsBefore()), chart.infections(), chart.dataAsOf(), recent.olderBefore(),
          key(p.facility(), p.id(), index.facilities().size() > 1), info(p.facility()));
    }).orElseThrow();
  }

  @Override
  public Optional<LabTable> labs(String patientId, LocalDate before) {
    return page(patientId, (p, builder) -> {
      String code = p.facility().code();
      // the index chooses the page (from doc values in the embedded index), as it chooses the chart's window
      ListedFiles files = chosen(index.labRecordsBefore(code, p.id(), window, before));
      files.read().forEach(f -> builder.add(RecordReader.read(f, VersionStatus.CURRENT)));
      Optional<LocalDate> oldest = files.read().stream().map(f -> f.name().date().date()).flatMap(Optional::stream)
          .min(LocalDate::compareTo);
      Optional<LocalDate> older = oldest.filter(o -> !index.labRecordsBefore(code, p.id(), window, o).isEmpty());
      ClinicalSummary summary = builder.build();
      return new ChartSections(summary, files::token).labTable(summary.labs(), older);
    });
  }

  @Override
  public Optional<MedicationPage> medications(String patientId, LocalDate before) {
    return page(patientId, (p, builder) -> {
      String code = p.facility().code();
      ListedFiles files = chosen(index.medicationRecordsBefore(code, p.id(), window, before, MEDICATIONS_SHOWN));
      files.read().forEach(f -> builder.add(RecordReader.read(f, VersionStatus.CURRENT)));
      Optional<LocalDate> oldest = files.read().stream().map(f -> f.name().date().date()).flatMap(Optional::stream)
          .min(LocalDate::compareTo);
      Optional<LocalDate> older = oldest.filter(o -> !index.medicationRecordsBefore(code, p.id(), window, o, 1)
          .isEmpty());
      ClinicalSummary summary = builder.build();
      ChartSections chart = new ChartSections(summary, files::token);
      return new MedicationPage(chart.prescriptions(summary.medications()),
          older.map(LocalDate::toString).orElse(""));
    });
  }

  private interface PageWork<T> {
    T apply(IndexedPatient patient, ClinicalSummary.Builder builder);
  }

  private <T> Optional<T> page(String patientId, PageWork<T> work) {
    Optional<IndexedPatient> p = lookup(patientId);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(work.apply(p.get(), ClinicalSummary.builder(p.get().id(), LocalDate.now(clock))));
  }

  /** The files of records the index chose, in its order, each with its entry (for the raw view's token). */
  private static ListedFiles chosen(List<RecordEntry> records) {
    Map<Path, StorageRoot> roots = new HashMap<>();
    Map<StorageFile, RecordEntry> entries = new LinkedHashMap<>();
    for (RecordEntry e : records) {
      entries.put(fileOf(e, roots.computeIfAbsent(e.root(), StorageRoot::new)), e);
    }
    return new ListedFiles(entries);
  }

  /**
   * The current files the index lists for a patient, each with its entry, and the token of a file for the raw view,
   * made when the chart shows the file: a chart shows a few hundred of a long-stay patient's thousands of files.
   */
  private static final class ListedFiles {
    private final Map<StorageFile, RecordEntry> entries;
    private final Map<StorageFile, String> tokens = new HashMap<>();

    ListedFiles(Map<StorageFile, RecordEntry> entries) {
      this.entries = entries;
    }

    Map<StorageFile, RecordEntry> entries() {
      return entries;
    }

    /** The files in the order the index gave them. */
    List<StorageFile> read() {
      return List.copyOf(entries.keySet());
    }

    /** The token of a listed file; empty for a file the index does not list (the chart then links nothing). */
    String token(StorageFile f) {
      return tokens.computeIfAbsent(f, k -> {
        RecordEntry e = entries.get(k);
        return e == null ? "" : tokenOf(e);
      });
    }
  }

  @Override
  public Optional<List<RecordRow>> records(String patientId, boolean history) {
    Optional<IndexedPatient> p = lookup(patientId);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    List<RecordRow> rows = new ArrayList<>();
    for (RecordEntry e : index.records(p.get().facility().code(), p.get().id(), history).records()) {
      rows.add(new RecordRow(tokenOf(e), e.dataType(), dataTypeName(e.dataType()), isoDate(e.date()),
          e.orderNo(), e.timestamp(), status(e.status()), e.file(), e.summary()));
    }
    return Optional.of(rows);
  }

  @Override
  public Optional<RawRecord> raw(String recordId) {
    return entryOf(recordId).map(e -> {
      ReadResult r = RecordReader.read(fileOf(e, new StorageRoot(e.root())), e.status());
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
    Optional<IndexedPatient> p = lookup(patientId);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    Optional<PatientId> id = Optional.of(p.get().id());
    Storage storage = Storage.open(index.roots(p.get().facility().code()).stream().filter(Files::isDirectory)
        .toList());
    List<StorageFile> files;
    try (var s = storage.files(id.get())) {
      files = s.toList();
    }
    return Optional.of(FhirJson.toCollectionBundleJson(FHIR.export(id.get(), files)));
  }

  /**
   * Address and phones from the current ADT-00: only the patient's {@code -/ADT-00} folder is listed in each root (a
   * long-stay patient has thousands of date folders, which a filtered walk would still list and look at one by one),
   * unless the patient has no ADT-00 and another message's PID must do.
   */
  private Optional<Patient> demographics(String facility, PatientId id, boolean fromAdt00, List<String> notes) {
    try {
      // the facility's own roots: another facility's patient may have the same ID
      Storage storage = Storage.open(index.roots(facility).stream().filter(Files::isDirectory).toList());
      if (!fromAdt00) {
        return storage.patient(id).flatMap(PatientReader::current);
      }
      List<StorageFile> adt00 = storage.dataTypeFolder(id, CareDate.UNDATED, StandardDataType.ADT_00).stream()
          .filter(StorageFile.class::isInstance).map(StorageFile.class::cast).toList();
      return PatientReader.current(adt00);
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
   * {@code base64url(施設コード~患者ID) ~ base64url(first 128 bits of SHA-256(root, path))}: short enough for a URL
   * segment (a base64 path would exceed {@link PathSegment#MAX_CODE_POINTS}), free of {@code / : %}, and only
   * resolvable by looking the patient's records up in the index.
   */
  private static String tokenOf(RecordEntry e) {
    return BASE64.encodeToString((e.facility().code() + KEY_SEPARATOR + e.patientId().value())
        .getBytes(StandardCharsets.UTF_8)) + TOKEN_SEPARATOR + fileKey(e.root(), e.file());
  }

  @Override
  public Optional<FacilityInfo> recordFacility(String recordId) {
    return entryOf(recordId).map(e -> info(e.facility()));
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
    String who;
    try {
      who = new String(Base64.getUrlDecoder().decode(token.substring(0, sep)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int at = who.indexOf(KEY_SEPARATOR);
    if (at < 0 || !isFacilityCode(who.substring(0, at))) {
      return Optional.empty();
    }
    String facility = who.substring(0, at);
    return parseId(who.substring(at + 1)).flatMap(p -> index.records(facility, p, true).records().stream()
        .filter(e -> fileKey(e.root(), e.file()).equals(key)).findFirst());
  }

  private static StorageFile fileOf(RecordEntry e, StorageRoot root) {
    String name = e.file().substring(e.file().lastIndexOf('/') + 1);
    // An extended-storage entry is a content folder holding its payload files; a standard data type never is, so a
    // patient's thousands of standard files cost no file-system look.
    boolean contentFolder = StandardDataType.ofCode(e.dataType()).isEmpty()
        && Files.isDirectory(root.resolve(e.file()), java.nio.file.LinkOption.NOFOLLOW_LINKS);
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
}

package dev.ssmix2.index.solr;

import static dev.ssmix2.index.internal.patient.PatientFields.KIND;
import static dev.ssmix2.index.internal.patient.PatientFields.KIND_FILE;
import static dev.ssmix2.index.internal.patient.PatientFields.KIND_PATIENT;
import static dev.ssmix2.index.internal.patient.PatientFields.FACILITY;
import static dev.ssmix2.index.internal.patient.PatientFields.PATIENT_REF;
import static dev.ssmix2.index.internal.patient.PatientFields.PID;
import static dev.ssmix2.index.internal.patient.PatientFields.patientRef;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.record.DemographicsRecord;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageFilter;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.storage.UnplacedEntry;
import dev.ssmix2.core.version.History;
import dev.ssmix2.core.version.Version;
import dev.ssmix2.core.version.VersionResolver;
import dev.ssmix2.index.internal.patient.DerivedPatient;
import dev.ssmix2.index.internal.patient.FallbackPid;
import dev.ssmix2.index.internal.patient.FileDocument;
import dev.ssmix2.index.internal.patient.FileFacts;
import dev.ssmix2.index.internal.patient.FileStamp;
import dev.ssmix2.index.internal.patient.FileVersion;
import dev.ssmix2.index.internal.patient.PatientDocument;
import dev.ssmix2.index.internal.patient.RegisteredName;
import dev.ssmix2.index.name.NameKeys;
import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.store.Facility;
import dev.ssmix2.index.store.IndexProgress;
import dev.ssmix2.index.store.IndexReport;
import dev.ssmix2.index.store.RecordProblem;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * One update run of a SolrCloud collection: walks the storage, keeps patients whose file stamps match the stored
 * fingerprint, re-derives the others from their files (reusing the stored reading of unchanged files) and removes the
 * patients and records that are gone; then one commit.
 *
 * <p>A run covers the roots of one facility and touches only that facility's documents. Every document has a fixed
 * ID (facility and patient ID; facility, patient ID, root and path for a record), so writing it again replaces it. A
 * patient's records are written, and its vanished records deleted, in one request before the request that writes its
 * patient document, which carries the fingerprint: a run killed in between leaves the old fingerprint, so the next run
 * re-derives that patient. Rerunning a killed update therefore converges to the documents a clean run
 * writes. Until the commit at the end searches see the previous commit (autoCommit in the configset does not open a
 * searcher), though a Solr node restarted meanwhile may show a run's written part early.
 */
final class SolrUpdate {
  private static final int THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  /** Patients derived and sent together: two requests per batch. */
  private static final int BATCH = 256;
  /** The stored hash of a patient's file stamps ({@link FileStamp#fingerprint}): equal means nothing to re-derive. */
  static final String FINGERPRINT = "fingerprint";

  private final SolrPatientIndex index;
  private final ReadingGuesser guesser;
  private final Facility facility;
  private final String code;
  private final List<StorageRoot> roots;

  private final AtomicLong filesSeen = new AtomicLong();
  private final AtomicLong filesIndexed = new AtomicLong();
  private final AtomicLong filesUnchanged = new AtomicLong();
  private final AtomicLong filesRemoved = new AtomicLong();
  private final AtomicLong patientsUpdated = new AtomicLong();
  private final AtomicLong patientsWalked = new AtomicLong();
  private final AtomicLong skippedCount = new AtomicLong();
  private final List<RecordProblem> skipped = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> unchanged = ConcurrentHashMap.newKeySet();

  SolrUpdate(SolrPatientIndex index, ReadingGuesser guesser, Facility facility, List<StorageRoot> roots) {
    this.index = index;
    this.guesser = guesser;
    this.facility = facility;
    this.code = facility.code();
    this.roots = List.copyOf(roots);
  }

  /** A patient's documents ready to send. */
  private record Derived(String pid, List<SolrInputDocument> files, List<String> gone, SolrInputDocument patient) {}

  IndexReport run(Storage storage, ProgressListener<IndexProgress> listener) throws IOException {
    long started = System.nanoTime();
    Optional<SolrDocument> meta = index.meta();
    boolean wipe = meta.map(m -> !SolrPatientIndex.isCompatible(m)).orElse(true);
    List<String> notes = new ArrayList<>();
    if (wipe && meta.isPresent()) {
      notes.add("the collection was built by another version of ss-mix2 (schema "
          + meta.get().getFirstValue(SolrPatientIndex.META_SCHEMA) + "): it is built anew");
      List<String> dropped = index.facilitiesOfAnyVersion().stream().filter(f -> !f.code().equals(code))
          .map(Facility::toString).toList();
      if (!dropped.isEmpty()) {
        notes.add("facilities dropped with the old collection, to be indexed again: " + String.join(", ", dropped));
      }
      send(new UpdateRequest().deleteByQuery("*:*"));
    }
    Optional<SolrDocument> mine = wipe ? Optional.empty() : index.facilityMeta(code);
    Optional<String> oldName = mine.map(m -> (String) m.getFirstValue(SolrPatientIndex.META_FACILITY_NAME));
    boolean renamed = oldName.isPresent() && !oldName.get().equals(facility.name());
    if (renamed) {
      notes.add("facility " + code + " was named '" + oldName.get() + "': its documents are written anew under '"
          + facility.name() + "'");
      send(new UpdateRequest().deleteByQuery("{!term f=" + FACILITY + "}" + code));
    }
    boolean rebuild = wipe || mine.isEmpty() || renamed;
    Map<String, String> known = rebuild ? Map.of() : fingerprints();
    long expected = mine.map(m -> ((Number) m.getFirstValue(SolrPatientIndex.META_FILES)).longValue()).orElse(0L);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ForkJoinPool pool = new ForkJoinPool(THREADS);
    try (Stream<PatientFolder> patients = storage.patients(StorageFilter.all(), this::unplaced)) {
      Iterator<PatientFolder> it = patients.iterator();
      while (it.hasNext()) {
        List<PatientFolder> batch = new ArrayList<>(BATCH);
        while (it.hasNext() && batch.size() < BATCH) {
          batch.add(it.next());
        }
        List<Derived> derived = pool.submit(() -> batch.parallelStream()
            .map(f -> walked(f, known, seen))
            .flatMap(Optional::stream)
            .toList()).get();
        write(derived);
        listener.progress(new IndexProgress(filesSeen.get(), filesIndexed.get(), seen.size(), expected));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("update interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause);
    } finally {
      pool.shutdownNow();
    }
    long removed = removeVanished(known.keySet(), seen);
    listUnreadable();
    SolrInputDocument m = new SolrInputDocument();
    m.setField(SolrDocuments.ID, SolrPatientIndex.META_ID);
    m.setField(KIND, SolrPatientIndex.KIND_META);
    m.setField(SolrPatientIndex.META_SCHEMA, SolrPatientIndex.SCHEMA);
    m.setField(SolrPatientIndex.META_TABLES, NameKeys.TABLE_VERSION);
    SolrInputDocument f = new SolrInputDocument();
    f.setField(SolrDocuments.ID, SolrPatientIndex.facilityMetaId(code));
    f.setField(KIND, SolrPatientIndex.KIND_META_FACILITY);
    f.setField(SolrPatientIndex.META_FACILITY, code);
    f.setField(SolrPatientIndex.META_FACILITY_NAME, facility.name());
    roots.forEach(r -> f.addField(SolrPatientIndex.META_ROOTS, r.path().toString()));
    f.setField(SolrPatientIndex.META_FILES, filesSeen.get());
    f.setField(SolrPatientIndex.META_PATIENTS, (long) seen.size());
    send(new UpdateRequest().add(List.of(m, f)));
    try {
      index.client().commit(index.collection(), true, true);
    } catch (SolrServerException | SolrException e) {
      throw new IOException("commit failed: " + SolrPatientIndex.message(e), e);
    }
    listener.progress(new IndexProgress(filesSeen.get(), filesIndexed.get(), seen.size(), expected));
    List<RecordProblem> listed = new ArrayList<>(skipped);
    listed.sort(Comparator.comparing((RecordProblem p) -> p.root().toString()).thenComparing(RecordProblem::file));
    return new IndexReport(filesSeen.get(), filesIndexed.get(), filesUnchanged.get(), filesRemoved.get(), listed,
        skippedCount.get(), seen.size(), patientsUpdated.get(), removed, patientsWalked.get(), rebuild,
        Duration.ofNanos(System.nanoTime() - started),
        rebuild ? IndexReport.Basis.REBUILD : IndexReport.Basis.FULL_WALK, patientsUpdated.get(), notes);
  }

  /** The stored fingerprint of every patient of this run's facility in the collection. */
  private Map<String, String> fingerprints() throws IOException {
    Map<String, String> out = new HashMap<>();
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "{!term f=" + KIND + "}" + KIND_PATIENT);
    p.set("fq", "{!term f=" + FACILITY + " v=$facility}");
    p.set("facility", code);
    index.forEach(p, PID + "," + FINGERPRINT, d -> out.put((String) d.getFirstValue(PID),
        Optional.ofNullable((String) d.getFirstValue(FINGERPRINT)).orElse("")));
    return out;
  }

  /** Records and then patient documents of one batch; see the class comment for why in this order. */
  private void write(List<Derived> batch) throws IOException {
    if (batch.isEmpty()) {
      return;
    }
    UpdateRequest records = new UpdateRequest();
    List<SolrInputDocument> files = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    for (Derived d : batch) {
      files.addAll(d.files());
      gone.addAll(d.gone());
    }
    if (!files.isEmpty()) {
      records.add(files);
    }
    if (!gone.isEmpty()) {
      records.deleteById(gone);
    }
    if (!files.isEmpty() || !gone.isEmpty()) {
      send(records);
    }
    send(new UpdateRequest().add(batch.stream().map(Derived::patient).toList()));
  }

  private void send(UpdateRequest request) throws IOException {
    try {
      request.process(index.client(), index.collection());
    } catch (SolrServerException | SolrException e) {
      String m = SolrPatientIndex.message(e);
      // a collection created by an older ss-mix2 lacks the fields added since (facility, patient_ref ...)
      throw new IOException("Solr refused an update: " + m + (m.contains("unknown field") ? " (the collection's "
          + "configset is older than this ss-mix2: run 'ssmix2 solr init --zk ZK --collection " + index.collection()
          + "' again, which uploads this version's configset and reloads the collection)" : ""), e);
    }
  }

  private Optional<Derived> walked(PatientFolder folder, Map<String, String> known, Set<String> seen) {
    patientsWalked.incrementAndGet();
    folder.unplaced().forEach(this::unplaced);
    if (folder.files().isEmpty()) {
      return Optional.empty();
    }
    String pid = folder.patientId().value();
    seen.add(pid);
    filesSeen.addAndGet(folder.files().size());
    try {
      return derive(folder, known.get(pid));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A record's document ID: facility, patient ID, root and path. */
  static String fileId(String facility, String pid, FileStamp stamp) {
    return patientRef(facility, pid) + "/" + stamp.root() + "/" + stamp.path();
  }

  private Optional<Derived> derive(PatientFolder folder, String knownFingerprint) throws IOException {
    String pid = folder.patientId().value();
    List<StorageFile> files = folder.files();
    List<FileStamp> stamps = files.stream().map(FileStamp::of).toList();
    String fingerprint = FileStamp.fingerprint(stamps);
    if (fingerprint.equals(knownFingerprint)) {
      filesUnchanged.addAndGet(files.size());
      unchanged.add(pid);
      return Optional.empty();
    }
    Map<String, Document> old = knownFingerprint == null ? Map.of() : fileDocuments(pid);
    Map<StorageFile, FileStamp> stampOf = new IdentityHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      stampOf.put(files.get(i), stamps.get(i));
    }
    List<FileVersion> versions = new ArrayList<>(files.size());
    List<FileStamp> versionStamps = new ArrayList<>(files.size());
    for (History h : VersionResolver.resolve(files)) {
      for (Version v : h.versions()) {
        FileStamp stamp = stampOf.get(v.file());
        versions.add(new FileVersion(v.file(), v.status(), facts(v, stamp, old.get(stamp.key()))));
        versionStamps.add(stamp);
      }
    }
    FallbackPid.fill(versions);
    DerivedPatient derived = DerivedPatient.of(facility, folder.patientId(), versions);
    List<SolrInputDocument> fileDocs = new ArrayList<>(versions.size());
    Set<String> current = new HashSet<>();
    for (int i = 0; i < versions.size(); i++) {
      String id = fileId(code, pid, versionStamps.get(i));
      current.add(id);
      fileDocs.add(SolrDocuments.toSolr(id, FileDocument.build(facility, versions.get(i), versionStamps.get(i))));
    }
    List<String> gone = new ArrayList<>();
    for (Document d : old.values()) {
      String id = fileId(code, pid, FileDocument.stamp(d));
      if (!current.contains(id)) {
        gone.add(id);
      }
    }
    filesRemoved.addAndGet(gone.size());
    patientsUpdated.incrementAndGet();
    SolrInputDocument patient = SolrDocuments.toSolr(patientRef(code, pid), PatientDocument.build(derived, guesser));
    patient.setField(FINGERPRINT, fingerprint);
    return Optional.of(new Derived(pid, fileDocs, gone, patient));
  }

  /** The earlier reading when the file is unchanged, else a fresh one through the core reader. */
  private FileFacts facts(Version v, FileStamp stamp, Document previous) {
    FileFacts facts;
    if (previous != null && FileDocument.stamp(previous).equals(stamp)) {
      filesUnchanged.incrementAndGet();
      facts = FileDocument.facts(previous);
    } else {
      ReadResult read = RecordReader.read(v.file(), v.status());
      facts = FileFacts.of(read);
      filesIndexed.incrementAndGet();
      if (read instanceof MessageRead ok && ok.record() instanceof DemographicsRecord d) {
        RegisteredName.overLongPart(d.patient()).ifPresent(n -> skip(new RecordProblem(v.file().root().path(),
            v.file().relativePath(), "name-too-long: a PID-5 name part has " + n + " characters; indexed cut to the "
                + "first " + RegisteredName.MAX_PART_CODE_POINTS)));
      }
    }
    facts.problem().ifPresent(reason -> skip(new RecordProblem(v.file().root().path(), v.file().relativePath(),
        reason)));
    return facts;
  }

  private Map<String, Document> fileDocuments(String pid) throws IOException {
    Map<String, Document> out = new HashMap<>();
    index.forEach(byPatient(pid, KIND_FILE), "*", d -> {
      Document doc = SolrDocuments.stored(d);
      out.put(FileDocument.stamp(doc).key(), doc);
    });
    return out;
  }

  private ModifiableSolrParams byPatient(String pid, String kind) {
    return SolrPatientIndex.byPatient(code, pid, kind);
  }

  /** Deletes every document of the patients that were in the collection but are no longer in the storage. */
  private long removeVanished(Set<String> known, Set<String> seen) throws IOException {
    long removed = 0;
    for (String pid : known) {
      if (seen.contains(pid)) {
        continue;
      }
      ModifiableSolrParams p = byPatient(pid, KIND_FILE);
      p.set("rows", 0);
      filesRemoved.addAndGet(index.query(p).getResults().getNumFound());
      send(new UpdateRequest().deleteByQuery("{!term f=" + PATIENT_REF + "}" + patientRef(code, pid)));
      removed++;
    }
    return removed;
  }

  /** The unreadable files of unchanged patients, from the collection, so every run lists every unreadable file. */
  private void listUnreadable() throws IOException {
    if (unchanged.isEmpty()) {
      return;
    }
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "{!term f=" + FileDocument.UNREADABLE + "}1");
    p.add("fq", "{!term f=" + KIND + "}" + KIND_FILE);
    p.add("fq", "{!term f=" + FACILITY + " v=$facility}");
    p.set("facility", code);
    index.forEach(p, "*", d -> {
      Document doc = SolrDocuments.stored(d);
      if (unchanged.contains(doc.get(PID))) {
        FileDocument.problem(doc).ifPresent(this::skip);
      }
    });
  }

  private void unplaced(UnplacedEntry e) {
    skip(new RecordProblem(e.root().path(), e.relativePath(), e.problem().code() + ": " + e.reason()));
  }

  private void skip(RecordProblem p) {
    if (skippedCount.incrementAndGet() <= IndexReport.MAX_LISTED) {
      skipped.add(p);
    }
  }
}

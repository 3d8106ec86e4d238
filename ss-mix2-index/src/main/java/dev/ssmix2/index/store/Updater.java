package dev.ssmix2.index.store;

import static dev.ssmix2.index.internal.patient.PatientFields.FINGERPRINT;
import static dev.ssmix2.index.internal.patient.PatientFields.KIND;
import static dev.ssmix2.index.internal.patient.PatientFields.KIND_FILE;
import static dev.ssmix2.index.internal.patient.PatientFields.KIND_PATIENT;
import static dev.ssmix2.index.internal.patient.PatientFields.PID;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.record.DemographicsRecord;
import dev.ssmix2.index.internal.patient.RegisteredName;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageFilter;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.storage.UnplacedEntry.Problem;
import dev.ssmix2.core.storage.UnplacedEntry;
import dev.ssmix2.core.version.History;
import dev.ssmix2.core.version.Version;
import dev.ssmix2.core.version.VersionResolver;
import dev.ssmix2.core.version.VersionStatus;
import dev.ssmix2.index.internal.patient.DerivedPatient;
import dev.ssmix2.index.internal.patient.FallbackPid;
import dev.ssmix2.index.internal.patient.FileFacts;
import dev.ssmix2.index.internal.patient.FileVersion;
import dev.ssmix2.index.internal.patient.PatientDocument;
import dev.ssmix2.index.internal.patient.PatientFields;
import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.store.TopLevel.Place;
import dev.ssmix2.index.store.TopLevelEntries.Entry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

/**
 * One incremental update run. When the index holds a {@link FolderManifest} for each patient, the run first lists
 * only the top of the storage (the patient-ID prefix folders) and checks each known patient's folder times — and, with
 * {@link ChangeDetection#EVERY_FILE}, file stamps — with one {@code stat} each; only patients that look changed, and
 * new patient folders, are walked. Otherwise (first run, other roots, something unknown at the top) the whole storage
 * is walked. A walked patient whose file stamps match the stored fingerprint keeps its documents; else it is
 * re-derived, reading only new or changed files (a コンディションフラグ change is a rename, hence a new file).
 * Everything is committed once at the end, so searchers see the old or the new state, never half; an aborted run
 * leaves the last commit untouched and the next run redoes the remaining work.
 */
final class Updater {
  private static final int THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
  /**
   * Folder times this close to the run's start are not trusted: covers the file system's timestamp tick (up to two
   * seconds on FAT) and a second of clock skew between this machine and a file server.
   */
  static final long TRUST_MARGIN_MILLIS = 3_000;
  /** More patients to walk again than this (or than half the index), and one full walk is cheaper than a filter. */
  private static final int MAX_FILTERED = 50_000;

  private final Directory directory;
  private final ReadingGuesser guesser;

  private final AtomicLong filesSeen = new AtomicLong();
  private final AtomicLong filesIndexed = new AtomicLong();
  private final AtomicLong filesUnchanged = new AtomicLong();
  private final AtomicLong filesRemoved = new AtomicLong();
  private final AtomicLong patientsSeen = new AtomicLong();
  private final AtomicLong patientsUpdated = new AtomicLong();
  private final AtomicLong patientsRemoved = new AtomicLong();
  private final AtomicLong patientsWalked = new AtomicLong();
  private final AtomicLong skippedCount = new AtomicLong();
  private final List<RecordProblem> skipped = Collections.synchronizedList(new ArrayList<>());
  /** Patients whose files did not change: their unreadable files are listed from the index, not read again. */
  private final Set<String> unchanged = ConcurrentHashMap.newKeySet();
  /** Patients the folder probe found unchanged, with what to count and report for them; the walk skips them. */
  private final Map<String, Settled> probed = new ConcurrentHashMap<>();
  /** The stored manifests of patients the probe sends to the walk, so an unchanged one is not rewritten. */
  private final Map<String, FolderManifest> walkAgain = new ConcurrentHashMap<>();
  /** Unplaced entries outside patient folders reported in this run, by place, kept for the next run. */
  private final Map<Place, Entry> topLevel = new ConcurrentHashMap<>();

  private final List<StorageRoot> roots;
  private final long trustedBeforeNanos;

  Updater(Directory directory, ReadingGuesser guesser, List<StorageRoot> roots) {
    this.directory = directory;
    this.guesser = guesser;
    this.roots = List.copyOf(roots);
    this.trustedBeforeNanos = (System.currentTimeMillis() - TRUST_MARGIN_MILLIS) * 1_000_000L;
  }

  IndexReport run(Storage storage, Optional<CommitMetadata> previous, ChangeDetection detection,
      ProgressListener<IndexProgress> listener) throws IOException {
    long started = System.nanoTime();
    boolean rebuild = previous.map(m -> !m.isCompatible()).orElse(true);
    IndexWriterConfig config = new IndexWriterConfig(PatientFields.analyzer())
        .setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setCommitOnClose(false)
        .setRAMBufferSizeMB(64);
    long expected = previous.map(CommitMetadata::files).orElse(0L);
    try (IndexWriter writer = new IndexWriter(directory, config);
        DirectoryReader before = rebuild ? null : DirectoryReader.open(directory)) {
      IndexSearcher beforeSearcher = before == null ? null : new IndexSearcher(before);
      Set<String> seen = ConcurrentHashMap.newKeySet();
      // Walking millions of small files is bound by directory listings and stat calls, not CPU, so more threads
      // than cores keep the disk busy; parallel streams run in this pool and hand each thread its own shards.
      ForkJoinPool pool = new ForkJoinPool(THREADS);
      try {
        pool.submit(() -> {
          Optional<Set<String>> only = before == null ? Optional.empty()
              : probe(before, previous.orElseThrow(), detection, seen, listener, expected);
          if (only.map(Set::isEmpty).orElse(false)) {
            return;
          }
          StorageFilter filter = only.map(ids -> StorageFilter.all().withPatients(ids.stream().map(PatientId::of)
              .toList())).orElse(StorageFilter.all());
          try (Stream<PatientFolder> patients = storage.patients(filter, this::unplacedOutside)) {
            if (only.isPresent()) {
              // A filtered walk is split by prefix folder, often just two: gathering the few changed patients first
              // lets every thread of the pool read files and index, instead of one thread per prefix folder.
              List<PatientFolder> changed = patients.parallel().toList();
              changed.parallelStream().forEach(f -> walked(f, beforeSearcher, writer, seen, listener, expected));
            } else {
              patients.parallel().forEach(f -> walked(f, beforeSearcher, writer, seen, listener, expected));
            }
          }
        }).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("update interrupted");
      } catch (ExecutionException e) {
        rethrow(e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause());
      } finally {
        pool.shutdownNow();
      }
      if (before != null) {
        deleteVanished(before, seen, writer);
        listUnreadable(beforeSearcher);
      }
      if (rebuild) {
        // A full build leaves one segment per flush and thread; searching one segment looks every term up once
        // instead of once per segment, which halves p50 at a million patients for a few seconds of merging.
        // Incremental runs leave merging to the merge policy so that their cost stays proportional to the change.
        writer.forceMerge(1);
      }
      long patients = seen.size();
      List<Path> rootPaths = roots.stream().map(StorageRoot::path).toList();
      Map<String, String> userData = new HashMap<>(
          CommitMetadata.current(rootPaths, filesSeen.get(), patients).toUserData());
      userData.put(TopLevelEntries.KEY, TopLevelEntries.encode(topLevel.values()));
      writer.setLiveCommitData(userData.entrySet());
      writer.commit();
      listener.progress(new IndexProgress(filesSeen.get(), filesIndexed.get(), patientsSeen.get(), expected));
      List<RecordProblem> listed = new ArrayList<>(skipped);
      listed.sort(Comparator.comparing((RecordProblem p) -> p.root().toString()).thenComparing(RecordProblem::file));
      return new IndexReport(filesSeen.get(), filesIndexed.get(), filesUnchanged.get(), filesRemoved.get(),
          listed, skippedCount.get(), patients, patientsUpdated.get(), patientsRemoved.get(), patientsWalked.get(),
          rebuild, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /**
   * Checks every known patient's folders against its manifest and returns the patients to walk again (changed ones
   * and new folders), or empty when only a walk of the whole storage can tell: other roots than last time, an index
   * without manifests, an unreadable prefix folder, or an entry at the top that the last run did not report.
   */
  private Optional<Set<String>> probe(DirectoryReader before, CommitMetadata previous, ChangeDetection detection,
      Set<String> seen, ProgressListener<IndexProgress> listener, long expected) {
    if (!previous.roots().equals(roots.stream().map(StorageRoot::path).toList())) {
      return Optional.empty();
    }
    Optional<List<Entry>> knownTop;
    try {
      knownTop = TopLevelEntries.decode(before.getIndexCommit().getUserData());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Optional<TopLevel> top = knownTop.isPresent() ? TopLevel.list(roots) : Optional.empty();
    if (top.isEmpty()) {
      return Optional.empty();
    }
    Set<Place> claimed = ConcurrentHashMap.newKeySet();
    Set<String> again = ConcurrentHashMap.newKeySet();
    ManifestDocument.forEach(before, m -> check(m, detection, claimed, again));
    if (claimed.isEmpty()) {
      return Optional.empty(); // an index from before manifests: one full walk writes them
    }
    Set<Place> odd = new HashSet<>(top.get().odd());
    boolean elsewhere = false;
    for (Place p : top.get().names()) {
      if (!claimed.contains(p)) {
        String name = p.path().substring(p.path().lastIndexOf('/') + 1);
        if (isHome(p.path())) {
          again.add(name);
        } else {
          odd.add(p);
          // a folder of a settled patient outside its home prefix folders: only a full walk merges the two
          elsewhere |= probed.remove(name) != null;
        }
      }
    }
    // a patient with a new folder in another root is walked whole, not settled from its old part
    for (String pid : again) {
      Settled s = probed.remove(pid);
      elsewhere |= s != null && !s.home();
    }
    settle(seen, listener, expected);
    if (elsewhere || !walkAgain.values().stream().allMatch(Updater::isHome)) {
      return Optional.empty(); // a walk filtered by patient ID only visits the folders that ID belongs in
    }
    Map<Place, Entry> known = new HashMap<>();
    knownTop.get().forEach(e -> known.put(new Place(e.root(), e.path()), e));
    if (!known.keySet().containsAll(odd) || again.size() > MAX_FILTERED || again.size() > probed.size()) {
      return Optional.empty();
    }
    odd.forEach(p -> reportOutside(known.get(p)));
    return Optional.of(again);
  }

  /** What an unchanged patient adds to the report without being walked. */
  private record Settled(long files, List<RecordProblem> problems, boolean home) {}

  /** Probes one known patient: unchanged ones are settled, the others queued for the walk. */
  private void check(FolderManifest m, ChangeDetection detection, Set<Place> claimed, Set<String> again) {
    m.parts().forEach(p -> claimed.add(new Place(p.root(), p.folder())));
    if (!FolderProbe.unchanged(m, roots, detection)) {
      walkAgain.put(m.patient(), m);
      again.add(m.patient());
      return;
    }
    List<RecordProblem> problems = new ArrayList<>(0);
    for (FolderManifest.Part p : m.parts()) {
      for (FolderManifest.Unplaced u : p.unplaced()) {
        problems.add(problem(roots.get(p.root()), p.folder() + (u.path().isEmpty() ? "" : "/" + u.path()),
            u.problem(), u.reason()));
      }
    }
    probed.put(m.patient(), new Settled(m.fileCount(), problems, isHome(m)));
  }

  /** Counts and reports the patients the probe settled, once it is sure none of them has a new folder somewhere. */
  private void settle(Set<String> seen, ProgressListener<IndexProgress> listener, long expected) {
    probed.forEach((pid, s) -> {
      unchanged.add(pid);
      seen.add(pid);
      filesSeen.addAndGet(s.files());
      filesUnchanged.addAndGet(s.files());
      s.problems().forEach(this::skip);
      progress(listener, patientsSeen.incrementAndGet(), expected);
    });
  }

  /**
   * Whether {@code L1/L2/name} is a patient folder where its ID belongs: the only kind a walk filtered by patient ID
   * reaches (a patient folder elsewhere, or a stray, is only seen by a full walk).
   */
  static boolean isHome(String folder) {
    String[] p = folder.split("/", -1);
    if (p.length != 3) {
      return false;
    }
    try {
      PatientId id = PatientId.of(p[2]);
      return id.value().equals(p[2]) && id.firstFolder().equals(p[0]) && id.secondFolder().equals(p[1]);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isHome(FolderManifest m) {
    return m.parts().stream().allMatch(p -> isHome(p.folder()));
  }

  private void walked(PatientFolder folder, IndexSearcher before, IndexWriter writer, Set<String> seen,
      ProgressListener<IndexProgress> listener, long expected) {
    String pid = folder.patientId().value();
    patientsWalked.incrementAndGet();
    if (probed.containsKey(pid)) {
      return; // a full walk after the probe: this one's documents and problems are already settled
    }
    folder.unplaced().forEach(this::unplaced);
    if (folder.files().isEmpty()) {
      return;
    }
    seen.add(pid);
    filesSeen.addAndGet(folder.files().size());
    long n = patientsSeen.incrementAndGet();
    try {
      process(folder, before, writer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    progress(listener, n, expected);
  }

  private void progress(ProgressListener<IndexProgress> listener, long patients, long expected) {
    synchronized (listener) {
      listener.progress(new IndexProgress(filesSeen.get(), filesIndexed.get(), patients, expected));
    }
  }

  private void process(PatientFolder folder, IndexSearcher before, IndexWriter writer) throws IOException {
    String pid = folder.patientId().value();
    List<StorageFile> files = folder.files();
    List<FileStamp> stamps = files.stream().map(FileStamp::of).toList();
    String fingerprint = fingerprint(stamps);
    FolderManifest manifest = FolderRecorder.record(folder, roots, trustedBeforeNanos);
    Map<String, Document> old = Map.of();
    if (before != null) {
      if (fingerprint.equals(storedFingerprint(before, pid))) {
        filesUnchanged.addAndGet(files.size());
        unchanged.add(pid);
        if (!manifest.equals(walkAgain.get(pid))) {
          // only folder times moved (or were too recent to trust last time): the patient's documents stay
          writer.updateDocument(ManifestDocument.key(pid), ManifestDocument.build(manifest));
        }
        return;
      }
      old = fileDocuments(before, pid);
    }
    Map<StorageFile, FileStamp> stampOf = new IdentityHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      stampOf.put(files.get(i), stamps.get(i));
    }
    Set<String> current = new HashSet<>();
    List<FileVersion> versions = new ArrayList<>(files.size());
    List<FileStamp> versionStamps = new ArrayList<>(files.size());
    for (History h : VersionResolver.resolve(files)) {
      for (Version v : h.versions()) {
        FileStamp stamp = stampOf.get(v.file());
        current.add(stamp.key());
        versions.add(new FileVersion(v.file(), v.status(), facts(v, stamp, old.get(stamp.key()))));
        versionStamps.add(stamp);
      }
    }
    filesRemoved.addAndGet(old.keySet().stream().filter(k -> !current.contains(k)).count());
    FallbackPid.fill(versions);

    DerivedPatient derived = DerivedPatient.of(folder.patientId(), versions);
    List<Document> docs = new ArrayList<>(versions.size() + 1);
    docs.add(PatientDocument.build(derived, guesser, fingerprint));
    for (int i = 0; i < versions.size(); i++) {
      docs.add(FileDocument.build(versions.get(i), versionStamps.get(i)));
    }
    docs.add(ManifestDocument.build(manifest));
    writer.updateDocuments(new Term(PID, pid), docs);
    patientsUpdated.incrementAndGet();
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

  private void deleteVanished(DirectoryReader before, Set<String> seen, IndexWriter writer) throws IOException {
    Terms terms = MultiTerms.getTerms(before, PID);
    if (terms == null) {
      return;
    }
    IndexSearcher searcher = new IndexSearcher(before);
    TermsEnum te = terms.iterator();
    for (BytesRef term = te.next(); term != null; term = te.next()) {
      String pid = term.utf8ToString();
      if (!seen.contains(pid)) {
        Term t = new Term(PID, pid);
        filesRemoved.addAndGet(searcher.count(of(PID, pid, KIND_FILE)));
        writer.deleteDocuments(t);
        patientsRemoved.incrementAndGet();
      }
    }
  }

  /**
   * Lists the unreadable files of unchanged patients from the last commit, so the skipped list names every unreadable
   * file of the storage on every run, not only those read in this one. One query over the few marked files.
   */
  private void listUnreadable(IndexSearcher before) throws IOException {
    Query q = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(FileDocument.UNREADABLE, "1")), Occur.FILTER)
        .add(new TermQuery(new Term(KIND, KIND_FILE)), Occur.FILTER)
        .build();
    var stored = before.storedFields();
    for (ScoreDoc sd : before.search(q, Math.max(1, before.count(q))).scoreDocs) {
      Document d = stored.document(sd.doc);
      if (unchanged.contains(d.get(PID))) {
        FileDocument.problem(d).ifPresent(this::skip);
      }
    }
  }

  private static String storedFingerprint(IndexSearcher searcher, String pid) throws IOException {
    TopDocs top = searcher.search(of(PID, pid, KIND_PATIENT), 1);
    if (top.scoreDocs.length == 0) {
      return "";
    }
    return searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(FINGERPRINT)).get(FINGERPRINT);
  }

  private static Map<String, Document> fileDocuments(IndexSearcher searcher, String pid) throws IOException {
    Query q = of(PID, pid, KIND_FILE);
    TopDocs top = searcher.search(q, Math.max(1, searcher.count(q)));
    Map<String, Document> out = new HashMap<>();
    var stored = searcher.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = stored.document(sd.doc);
      out.put(FileDocument.stamp(d).key(), d);
    }
    return out;
  }

  static Query of(String field, String value, String kind) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(field, value)), Occur.FILTER)
        .add(new TermQuery(new Term(KIND, kind)), Occur.FILTER)
        .build();
  }

  static String fingerprint(List<FileStamp> stamps) {
    List<String> lines = new ArrayList<>(stamps.stream().map(FileStamp::toString).toList());
    Collections.sort(lines);
    Hasher h = Hashing.sha256().newHasher();
    lines.forEach(l -> h.putString(l, StandardCharsets.UTF_8).putByte((byte) '\n'));
    return h.hash().toString();
  }

  private void unplaced(UnplacedEntry e) {
    skip(problem(e.root(), e.relativePath(), e.problem(), e.reason()));
  }

  /** An unplaced entry outside any patient folder, from the walk: reported once and kept for the next run. */
  private void unplacedOutside(UnplacedEntry e) {
    reportOutside(new Entry(roots.indexOf(e.root()), e.relativePath(), e.problem(), e.reason()));
  }

  private void reportOutside(Entry e) {
    // a filtered walk reports the strays of the prefix folders it lists, which the probe may have reported already
    if (topLevel.putIfAbsent(new Place(e.root(), e.path()), e) == null) {
      skip(problem(roots.get(e.root()), e.path(), e.problem(), e.reason()));
    }
  }

  private static RecordProblem problem(StorageRoot root, String path, Problem problem, String reason) {
    return new RecordProblem(root.path(), path, problem.code() + ": " + reason);
  }

  private void skip(RecordProblem p) {
    if (skippedCount.incrementAndGet() <= IndexReport.MAX_LISTED) {
      skipped.add(p);
    }
  }

  private static void rethrow(Throwable t) throws IOException {
    if (t == null) {
      return;
    }
    if (t instanceof IOException io) {
      throw io;
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new UncheckedIOException(new IOException(t));
  }
}

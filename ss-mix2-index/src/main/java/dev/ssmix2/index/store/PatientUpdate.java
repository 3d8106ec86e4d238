package dev.ssmix2.index.store;

import static dev.ssmix2.index.internal.patient.PatientFields.FROM_ADT00;
import static dev.ssmix2.index.internal.patient.PatientFields.KIND_FILE;
import static dev.ssmix2.index.internal.patient.PatientFields.LAST_SEEN;
import static dev.ssmix2.index.internal.patient.PatientFields.PATIENT_KEY;
import static dev.ssmix2.index.internal.patient.PatientFields.PATIENT_REF;
import static dev.ssmix2.index.internal.patient.PatientFields.patientRef;

import dev.ssmix2.core.read.MessageRead;
import dev.ssmix2.core.read.ReadResult;
import dev.ssmix2.core.record.DemographicsRecord;
import dev.ssmix2.core.storage.ConditionFlag;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageEntry;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.storage.UnplacedEntry.Problem;
import dev.ssmix2.core.storage.UnplacedEntry;
import dev.ssmix2.core.version.History;
import dev.ssmix2.core.version.Version;
import dev.ssmix2.core.version.VersionResolver;
import dev.ssmix2.core.version.VersionStatus;
import dev.ssmix2.index.internal.patient.DerivedPatient;
import dev.ssmix2.index.internal.patient.FallbackPid;
import dev.ssmix2.index.internal.patient.FileDocument;
import dev.ssmix2.index.internal.patient.FileFacts;
import dev.ssmix2.index.internal.patient.FileStamp;
import dev.ssmix2.index.internal.patient.FileVersion;
import dev.ssmix2.index.internal.patient.PatientDocument;
import dev.ssmix2.index.internal.patient.RegisteredName;
import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.store.TransactionFeed.TypeFolder;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.jspecify.annotations.Nullable;

/**
 * Brings one patient's documents up to date; what the execution step runs for each walked or refreshed patient, on
 * any thread (patients never share documents). A patient the index does not know yet is written at once, from that
 * thread; the writes for a known patient come back in its {@link Outcome} ({@link Writes}), for the run's calling
 * thread to make.
 *
 * <p>The patient's files are compared, stamp by stamp, with the {@link FolderManifest} of the last commit. Only the
 * record documents of new, changed and removed files are written, plus those of unchanged files whose version status
 * moved (a key's {@code _1} file superseded by a new one). Only new and changed files are read. The patient document
 * (demographics and name keys) is derived anew only when a file that defines the patient changed — an ADT-00, or any
 * file while the patient has no ADT-00 and takes its demographics from another message's PID — or when the patient is
 * new; otherwise only its newest 診療日 doc value moves, in place.
 */
final class PatientUpdate {

  /** Reads one storage file for the index; a seam so tests can count and name the files an update reads. */
  interface FileReading {
    ReadResult read(StorageFile file, VersionStatus status);
  }

  /**
   * What updating one patient did.
   *
   * @param present the patient still has files (else the run removes its documents)
   * @param filesSeen its placed files
   * @param filesIndexed files read
   * @param filesUnchanged files whose earlier reading was reused
   * @param filesRemoved files gone since the last commit
   * @param updated a record or patient document was written
   * @param rederived the patient document was derived anew
   * @param problems everything of the patient's that could not be used, except the unreadable files it keeps
   *     unchanged: those are listed from the last commit ({@link #keeps})
   * @param replaced keys ({@link FileStamp#key()}) of the files read again or removed
   * @param rewritten every document of the patient was written anew (or the patient is gone)
   * @param writes the index writes still to be made, in order, by the run's calling thread ({@link Writes})
   */
  record Outcome(String patient, boolean present, long filesSeen, long filesIndexed, long filesUnchanged,
      long filesRemoved, boolean updated, boolean rederived, List<RecordProblem> problems, Set<String> replaced,
      boolean rewritten, Writes writes) {
    Outcome {
      problems = List.copyOf(problems);
      replaced = Set.copyOf(replaced);
    }

    static Outcome absent(String patient, List<RecordProblem> problems) {
      return new Outcome(patient, false, 0, 0, 0, 0, false, false, problems, Set.of(), true, new Writes());
    }

    /**
     * Whether the stored record of file {@code key} of this patient still stands after the update, so its problem
     * (if unreadable) is still to be reported: the patient is there, and the file was neither read again nor removed.
     */
    boolean keeps(String key) {
      return present && !rewritten && !replaced.contains(key);
    }
  }

  private final IndexWriter writer;
  private final @Nullable IndexSearcher before;
  /** The facility of the run: every document written and every key looked up is this facility's. */
  private final Facility facility;
  private final String code;
  private final List<StorageRoot> roots;
  /** The roots of the last commit, which the stored manifests' root numbers refer to. */
  private final List<StorageRoot> previousRoots;
  private final long trustedBeforeNanos;
  private final ReadingGuesser guesser;
  private final FileReading reading;

  PatientUpdate(IndexWriter writer, @Nullable IndexSearcher before, Facility facility, List<StorageRoot> roots,
      List<StorageRoot> previousRoots, long trustedBeforeNanos, ReadingGuesser guesser, FileReading reading) {
    this.writer = writer;
    this.before = before;
    this.facility = facility;
    this.code = facility.code();
    this.roots = List.copyOf(roots);
    this.previousRoots = List.copyOf(previousRoots);
    this.trustedBeforeNanos = trustedBeforeNanos;
    this.guesser = guesser;
    this.reading = reading;
  }

  /** A patient the walk listed whole. */
  Outcome walked(PatientFolder folder) throws IOException {
    String pid = folder.patientId().value();
    List<RecordProblem> problems = new ArrayList<>();
    folder.unplaced().forEach(u -> problems.add(problem(u)));
    if (folder.files().isEmpty()) {
      return Outcome.absent(pid, problems);
    }
    FolderManifest now = FolderRecorder.record(folder, roots, trustedBeforeNanos);
    Optional<FolderManifest> old = before == null ? Optional.empty() : ManifestDocument.of(before, code, pid);
    return apply(folder.patientId(), old, now, folder.files(), problems);
  }

  /** A known patient of whom the transaction log names data-type folders: only those are listed again. */
  Outcome refreshed(String pid, Set<TypeFolder> folders, Storage storage) throws IOException {
    PatientId id = PatientId.of(pid);
    Optional<FolderManifest> old = before == null ? Optional.empty() : ManifestDocument.of(before, code, pid);
    if (old.isEmpty()) {
      Optional<PatientFolder> folder = storage.patient(id);
      return folder.isPresent() ? walked(folder.get()) : Outcome.absent(pid, List.of());
    }
    Map<String, List<StorageEntry>> listed = new TreeMap<>();
    for (TypeFolder f : folders) {
      listed.put(f.date().token() + "/" + f.type().code(), storage.dataTypeFolder(id, f.date(), f.type()));
    }
    FolderManifest now = FolderRecorder.refresh(old.get(), id, listed, roots, trustedBeforeNanos);
    Optional<List<StorageFile>> files = files(now, roots);
    if (files.isEmpty()) {
      return Outcome.absent(pid, List.of());
    }
    List<RecordProblem> problems = new ArrayList<>();
    for (FolderManifest.Part p : now.parts()) {
      for (FolderManifest.Unplaced u : p.unplaced()) {
        problems.add(problem(roots.get(p.root()), p.folder() + (u.path().isEmpty() ? "" : "/" + u.path()),
            u.problem(), u.reason()));
      }
    }
    if (files.get().isEmpty()) {
      return Outcome.absent(pid, problems);
    }
    return apply(id, old, now, files.get(), problems);
  }

  private Outcome apply(PatientId id, Optional<FolderManifest> old, FolderManifest now, List<StorageFile> files,
      List<RecordProblem> problems) throws IOException {
    String pid = id.value();
    Optional<List<StorageFile>> oldFiles = old.flatMap(m -> files(m, previousRoots));
    if (before == null || oldFiles.isEmpty()) {
      return whole(id, now, files, problems);
    }
    Writes writes = new Writes();
    Map<String, StorageFile> current = new LinkedHashMap<>();
    files.forEach(f -> current.put(FileStamp.of(f).key(), f));
    Map<String, StorageFile> previous = new HashMap<>();
    oldFiles.get().forEach(f -> previous.put(FileStamp.of(f).key(), f));
    Set<String> changed = new HashSet<>();
    current.forEach((key, f) -> {
      StorageFile was = previous.get(key);
      if (was == null || !FileStamp.of(was).equals(FileStamp.of(f))) {
        changed.add(key);
      }
    });
    List<StorageFile> removed = previous.entrySet().stream().filter(e -> !current.containsKey(e.getKey()))
        .map(Map.Entry::getValue).toList();
    if (changed.isEmpty() && removed.isEmpty()) {
      if (!now.equals(old.get())) {
        // only folder times moved (or were too recent to trust last time): the patient's documents stay
        writes.update(ManifestDocument.key(code, pid), ManifestDocument.build(code, now));
      }
      return new Outcome(pid, true, files.size(), 0, files.size(), 0, false, false, problems, Set.of(), false,
          writes);
    }

    // the version groups (keys; whole-patient snapshots for ADT-00 and PPR-01) a new or gone file belongs to
    Set<Object> groups = new HashSet<>();
    current.forEach((key, f) -> {
      if (changed.contains(key)) {
        groups.add(group(f));
      }
    });
    removed.forEach(f -> groups.add(group(f)));
    List<StorageFile> affected = files.stream().filter(f -> groups.contains(group(f))).toList();
    Map<String, StorageFile> renamedFrom = renamedFrom(current, changed, removed);
    Map<String, FileVersion> versions = new HashMap<>();
    Set<String> read = new HashSet<>();
    for (History h : VersionResolver.resolve(affected)) {
      for (Version v : h.versions()) {
        FileStamp stamp = FileStamp.of(v.file());
        Optional<VersionStatus> was = changed.contains(stamp.key()) ? Optional.empty() : storedStatus(stamp);
        FileVersion fv;
        Optional<FileFacts> kept = was.isEmpty() ? keptFacts(renamedFrom.get(stamp.key())) : Optional.empty();
        if (kept.isPresent()) {
          fv = new FileVersion(v.file(), v.status(), kept.get());
        } else if (was.isEmpty()) {
          fv = new FileVersion(v.file(), v.status(), facts(v, problems));
          read.add(stamp.key());
        } else if (was.get() != v.status()) {
          fv = new FileVersion(v.file(), v.status(), FileDocument.facts(storedFile(stamp)));
        } else {
          continue; // as stored; a re-derivation below reads its facts with the patient's others
        }
        versions.put(stamp.key(), fv);
        if (previous.containsKey(stamp.key())) {
          writes.update(FileDocument.key(code, stamp), FileDocument.build(facility, fv, stamp));
        } else {
          // A key the last commit's manifest does not list has no document: the manifest and the file documents
          // are written in one commit. Adding instead of updating spares the writer a delete term, which every
          // in-memory segment of the run then sorts and every segment on disk looks up at the commit.
          writes.add(FileDocument.build(facility, fv, stamp));
        }
      }
    }
    for (StorageFile f : removed) {
      writes.delete(FileDocument.key(code, FileStamp.of(f)));
    }

    boolean definesPatient = affected.stream().anyMatch(f -> f.dataType() == StandardDataType.ADT_00)
        || removed.stream().anyMatch(f -> f.dataType() == StandardDataType.ADT_00);
    boolean rederive = definesPatient || !fromAdt00(pid);
    if (rederive) {
      Map<String, Document> stored = fileDocuments(pid);
      List<FileVersion> all = new ArrayList<>(files.size());
      for (StorageFile f : files) {
        String key = FileStamp.of(f).key();
        FileVersion v = versions.get(key);
        if (v == null) {
          Document d = stored.get(key);
          v = d != null ? new FileVersion(f, FileDocument.status(d), FileDocument.facts(d))
              : new FileVersion(f, VersionStatus.CURRENT, facts(new Version(f, VersionStatus.CURRENT), problems));
        }
        all.add(v);
      }
      List<FileVersion> unfilled = List.copyOf(all);
      FallbackPid.fill(all);
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i) != unfilled.get(i)) { // a PID read on demand is kept with the file, as a full build keeps it
          FileStamp stamp = FileStamp.of(all.get(i).file());
          writes.update(FileDocument.key(code, stamp), FileDocument.build(facility, all.get(i), stamp));
        }
      }
      writes.update(new Term(PATIENT_KEY, patientRef(code, pid)),
          PatientDocument.build(DerivedPatient.of(facility, id, all), guesser));
    } else {
      long lastSeen = lastSeen(files);
      if (lastSeen != lastSeen(oldFiles.get())) {
        writes.updateNumeric(new Term(PATIENT_KEY, patientRef(code, pid)), LAST_SEEN, lastSeen);
      }
    }
    writes.update(ManifestDocument.key(code, pid), ManifestDocument.build(code, now));
    Set<String> replaced = new HashSet<>(read);
    removed.forEach(f -> replaced.add(FileStamp.of(f).key()));
    return new Outcome(pid, true, files.size(), read.size(), files.size() - read.size(), removed.size(), true,
        rederive, problems, replaced, false, writes);
  }

  /**
   * The new files that are a removed file renamed, by their keys: a writer that supersedes a record renames its file
   * from {@code _1} to {@code _2} (or {@code _0}) and leaves the bytes alone. Same root and folder, a name that differs
   * only in the condition flag, and the same size and modification time as recorded — the stamp this update trusts
   * everywhere else to call a file unchanged. Content folders are left out: their stamp is the folder's.
   */
  private static Map<String, StorageFile> renamedFrom(Map<String, StorageFile> current, Set<String> changed,
      List<StorageFile> removed) {
    if (removed.isEmpty()) {
      return Map.of();
    }
    Map<String, StorageFile> byStem = new HashMap<>();
    for (StorageFile r : removed) {
      if (!r.isContentFolder()) {
        byStem.put(stem(r), r);
      }
    }
    Map<String, StorageFile> out = new HashMap<>();
    for (String key : changed) {
      StorageFile f = current.get(key);
      StorageFile r = f.isContentFolder() ? null : byStem.get(stem(f));
      if (r != null && r.name().flag() != f.name().flag() && r.size() == f.size()
          && r.lastModified() == f.lastModified()) {
        out.put(key, r);
      }
    }
    return out;
  }

  /** Root, folder and file name with the condition flag set to 1: equal for a file and the same file renamed. */
  private static String stem(StorageFile f) {
    String rel = f.relativePath();
    int slash = rel.lastIndexOf('/');
    return f.root() + "\0" + rel.substring(0, slash + 1) + f.name().withFlag(ConditionFlag.CURRENT).format();
  }

  /**
   * The stored reading of {@code origin}, the file a new one was renamed from, when it was readable: its summary and
   * demographics do not depend on the file's name, so the renamed file need not be read again. An unreadable one is
   * read again, so that its problem names the file as it is now.
   */
  private Optional<FileFacts> keptFacts(@Nullable StorageFile origin) throws IOException {
    if (origin == null) {
      return Optional.empty();
    }
    Document stored = storedFile(FileStamp.of(origin));
    if (stored == null) {
      return Optional.empty();
    }
    FileFacts facts = FileDocument.facts(stored);
    return facts.isReadable() ? Optional.of(facts) : Optional.empty();
  }

  /** A patient the index does not know (or knows without a readable manifest): every file read, every document new. */
  private Outcome whole(PatientId id, FolderManifest now, List<StorageFile> files, List<RecordProblem> problems)
      throws IOException {
    List<FileVersion> versions = new ArrayList<>(files.size());
    for (History h : VersionResolver.resolve(files)) {
      for (Version v : h.versions()) {
        versions.add(new FileVersion(v.file(), v.status(), facts(v, problems)));
      }
    }
    FallbackPid.fill(versions);
    List<Document> docs = new ArrayList<>(versions.size() + 2);
    docs.add(PatientDocument.build(DerivedPatient.of(facility, id, versions), guesser));
    for (FileVersion v : versions) {
      docs.add(FileDocument.build(facility, v, FileStamp.of(v.file())));
    }
    docs.add(ManifestDocument.build(code, now));
    if (before == null) {
      writer.addDocuments(docs);
    } else {
      writer.updateDocuments(new Term(PATIENT_REF, patientRef(code, id.value())), docs);
    }
    return new Outcome(id.value(), true, files.size(), files.size(), 0, 0, true, true, problems, Set.of(), true,
        new Writes());
  }

  /** A fresh reading through the core reader, with its problems noted. */
  private FileFacts facts(Version v, List<RecordProblem> problems) {
    ReadResult read = reading.read(v.file(), v.status());
    FileFacts facts = FileFacts.of(read);
    if (read instanceof MessageRead ok && ok.record() instanceof DemographicsRecord d) {
      RegisteredName.overLongPart(d.patient()).ifPresent(n -> problems.add(new RecordProblem(v.file().root().path(),
          v.file().relativePath(), "name-too-long: a PID-5 name part has " + n + " characters; indexed cut to the "
              + "first " + RegisteredName.MAX_PART_CODE_POINTS)));
    }
    facts.problem().ifPresent(reason -> problems.add(new RecordProblem(v.file().root().path(),
        v.file().relativePath(), reason)));
    return facts;
  }

  /** The files a manifest records, as storage files of {@code rootList}; empty when it names a root not there. */
  static Optional<List<StorageFile>> files(FolderManifest m, List<StorageRoot> rootList) {
    List<StorageFile> out = new ArrayList<>((int) m.fileCount());
    for (FolderManifest.Part p : m.parts()) {
      if (p.root() >= rootList.size()) {
        return Optional.empty();
      }
      StorageRoot root = rootList.get(p.root());
      for (FolderManifest.FileTime f : p.files()) {
        String rel = p.folder() + "/" + f.path();
        FileName name;
        try {
          name = FileName.parse(rel.substring(rel.lastIndexOf('/') + 1));
        } catch (RuntimeException e) {
          return Optional.empty(); // not written by this build: the patient is read whole
        }
        out.add(new StorageFile(root, rel, name, f.size() < 0, f.size(), f.modifiedMillis()));
      }
    }
    return Optional.of(out);
  }

  private static Object group(StorageFile f) {
    return VersionResolver.isSnapshot(f.dataType()) ? f.dataType() : f.key();
  }

  private static long lastSeen(List<StorageFile> files) {
    Optional<LocalDate> newest = files.stream().map(f -> f.name().date().date()).flatMap(Optional::stream)
        .max(LocalDate::compareTo);
    return PatientDocument.lastSeenValue(newest);
  }

  private @Nullable Document storedFile(FileStamp stamp) throws IOException {
    Optional<KeyLookup.Hit> hit = KeyLookup.find(before.getIndexReader(), FileDocument.key(code, stamp));
    return hit.isEmpty() ? null : before.storedFields().document(hit.get().global());
  }

  /** Whether the stored patient document took its demographics from an ADT-00; false when there is none. */
  private boolean fromAdt00(String pid) throws IOException {
    return docValue(new Term(PATIENT_KEY, patientRef(code, pid)), FROM_ADT00).orElse(0L) == 1;
  }

  /** The version status a file's stored record has, if there is one. */
  private Optional<VersionStatus> storedStatus(FileStamp stamp) throws IOException {
    return docValue(FileDocument.key(code, stamp), FileDocument.STATUS_ORD)
        .map(o -> VersionStatus.values()[o.intValue()]);
  }

  /** A numeric doc value of the one document {@code key} names: a term lookup, no stored fields. */
  private Optional<Long> docValue(Term key, String field) throws IOException {
    Optional<KeyLookup.Hit> hit = KeyLookup.find(before.getIndexReader(), key);
    if (hit.isEmpty()) {
      return Optional.empty();
    }
    NumericDocValues values = hit.get().leaf().reader().getNumericDocValues(field);
    return values != null && values.advanceExact(hit.get().doc()) ? Optional.of(values.longValue())
        : Optional.empty();
  }

  private Map<String, Document> fileDocuments(String pid) throws IOException {
    Query q = Updater.of(PATIENT_REF, patientRef(code, pid), KIND_FILE);
    TopDocs top = before.search(q, Math.max(1, before.count(q)));
    Map<String, Document> out = new HashMap<>();
    var stored = before.storedFields();
    for (ScoreDoc sd : top.scoreDocs) {
      Document d = stored.document(sd.doc);
      out.put(FileDocument.stamp(d).key(), d);
    }
    return out;
  }

  static RecordProblem problem(UnplacedEntry e) {
    return problem(e.root(), e.relativePath(), e.problem(), e.reason());
  }

  static RecordProblem problem(StorageRoot root, String path, Problem problem, String reason) {
    return new RecordProblem(root.path(), path, problem.code() + ": " + reason);
  }
}

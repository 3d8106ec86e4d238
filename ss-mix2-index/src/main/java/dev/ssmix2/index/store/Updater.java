package dev.ssmix2.index.store;

import static dev.ssmix2.index.patient.PatientFields.FINGERPRINT;
import static dev.ssmix2.index.patient.PatientFields.KIND;
import static dev.ssmix2.index.patient.PatientFields.KIND_FILE;
import static dev.ssmix2.index.patient.PatientFields.KIND_PATIENT;
import static dev.ssmix2.index.patient.PatientFields.PID;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.storage.UnplacedEntry;
import dev.ssmix2.core.version.History;
import dev.ssmix2.core.version.Version;
import dev.ssmix2.core.version.VersionResolver;
import dev.ssmix2.core.version.VersionStatus;
import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.patient.DerivedPatient;
import dev.ssmix2.index.patient.FileFacts;
import dev.ssmix2.index.patient.FallbackPid;
import dev.ssmix2.index.patient.FileVersion;
import dev.ssmix2.index.patient.PatientDocument;
import dev.ssmix2.index.patient.PatientFields;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * One incremental update run. Walks the storage (names and file stamps only), compares each patient's file list with
 * the fingerprint stored at the last commit, and re-derives only patients whose files were added, changed, renamed
 * (a コンディションフラグ change is a rename) or removed; inside such a patient only new or changed files are read.
 * Everything is committed once at the end, so searchers see the old or the new state, never half; an aborted run
 * leaves the last commit untouched and the next run redoes the remaining work.
 */
final class Updater {
  private static final int THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());

  private final Directory directory;
  private final ReadingGuesser guesser;

  private final AtomicLong filesSeen = new AtomicLong();
  private final AtomicLong filesIndexed = new AtomicLong();
  private final AtomicLong filesUnchanged = new AtomicLong();
  private final AtomicLong filesRemoved = new AtomicLong();
  private final AtomicLong patientsSeen = new AtomicLong();
  private final AtomicLong patientsUpdated = new AtomicLong();
  private final AtomicLong patientsRemoved = new AtomicLong();
  private final AtomicLong skippedCount = new AtomicLong();
  private final List<RecordProblem> skipped = Collections.synchronizedList(new ArrayList<>());
  /** Patients whose files did not change: their unreadable files are listed from the index, not read again. */
  private final Set<String> unchanged = ConcurrentHashMap.newKeySet();

  Updater(Directory directory, ReadingGuesser guesser) {
    this.directory = directory;
    this.guesser = guesser;
  }

  IndexReport run(Storage storage, Optional<CommitMetadata> previous, ProgressListener listener) throws IOException {
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
      // than cores keep the disk busy; the parallel stream hands each thread its own shards of the storage.
      ForkJoinPool pool = new ForkJoinPool(THREADS);
      try (Stream<PatientFolder> patients = storage.patients(this::unplaced)) {
        pool.submit(() -> patients.parallel().forEach(folder -> {
          folder.unplaced().forEach(this::unplaced);
          if (folder.files().isEmpty()) {
            return;
          }
          seen.add(folder.patientId().value());
          filesSeen.addAndGet(folder.files().size());
          patientsSeen.incrementAndGet();
          try {
            process(folder, beforeSearcher, writer);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          synchronized (listener) {
            listener.progress(new IndexProgress(filesSeen.get(), filesIndexed.get(), patientsSeen.get(), expected));
          }
        })).get();
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
      List<java.nio.file.Path> roots = storage.roots().stream().map(StorageRoot::path).toList();
      writer.setLiveCommitData(CommitMetadata.current(roots, filesSeen.get(), patients).toUserData().entrySet());
      writer.commit();
      listener.progress(new IndexProgress(filesSeen.get(), filesIndexed.get(), patientsSeen.get(), expected));
      List<RecordProblem> listed = new ArrayList<>(skipped);
      listed.sort(Comparator.comparing((RecordProblem p) -> p.root().toString()).thenComparing(RecordProblem::file));
      return new IndexReport(filesSeen.get(), filesIndexed.get(), filesUnchanged.get(), filesRemoved.get(),
          listed, skippedCount.get(), patients, patientsUpdated.get(), patientsRemoved.get(),
          rebuild, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private void process(PatientFolder folder, IndexSearcher before, IndexWriter writer) throws IOException {
    String pid = folder.patientId().value();
    List<StorageFile> files = folder.files();
    List<FileStamp> stamps = files.stream().map(FileStamp::of).toList();
    String fingerprint = fingerprint(stamps);
    Map<String, Document> old = Map.of();
    if (before != null) {
      if (fingerprint.equals(storedFingerprint(before, pid))) {
        filesUnchanged.addAndGet(files.size());
        unchanged.add(pid);
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
      facts = FileFacts.of(RecordReader.read(v.file(), v.status()));
      filesIndexed.incrementAndGet();
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
    skip(new RecordProblem(e.root().path(), e.relativePath(), e.problem().code() + ": " + e.reason()));
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

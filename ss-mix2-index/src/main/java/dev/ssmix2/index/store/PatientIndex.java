package dev.ssmix2.index.store;

import static dev.ssmix2.index.internal.patient.PatientFields.KIND_FILE;
import static dev.ssmix2.index.internal.patient.PatientFields.KIND_PATIENT;
import static dev.ssmix2.index.internal.patient.PatientFields.PATIENT_REF;
import static dev.ssmix2.index.internal.patient.PatientFields.PID;
import static dev.ssmix2.index.internal.patient.PatientFields.patientRef;

import com.google.common.base.Preconditions;
import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.read.RecordReader;
import dev.ssmix2.core.storage.FileTimestamp;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.summary.ChartWindow;
import dev.ssmix2.index.internal.patient.FileDocument;
import dev.ssmix2.index.internal.patient.StoredDocuments;
import dev.ssmix2.index.internal.patient.PatientDocument;
import dev.ssmix2.index.internal.search.PatientSearch;
import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BooleanSimilarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;

/**
 * A Lucene index of the patients and records of one logical SS-MIX2 storage (one or more roots): Japanese name search
 * for the reception desk, demographics and each patient's records without walking the storage again.
 *
 * <pre>{@code
 * try (PatientIndex index = PatientIndex.open(Path.of("/var/ssmix2-index"))) {
 *   IndexReport r = index.update(Storage.open(Path.of("/mnt/ssmix2")), ProgressListener.none());
 *   for (PatientHit hit : index.search("やまだ たろう S50.3.15", 10)) {
 *     System.out.println(hit.patientId() + " " + hit.name() + " " + hit.matchedLabels());
 *   }
 *   index.records(PatientId.of("0000123456"), false).records();   // current records, newest first
 * }
 * }</pre>
 *
 * <p>Searches are thread-safe and see the last committed state; {@link #update} commits once at the end, so a search
 * never sees half an update, and an update that dies leaves the previous commit usable. The storage is only read.
 */
public final class PatientIndex implements PatientStore {

  private final Path indexDir;
  private final Directory directory;
  private final SearcherManager searchers;
  private final ReadingGuesser guesser;
  private final PatientSearch search;
  private volatile long lastRefreshCheck;
  /** The version of the last reader whose commit was found to have facilities, so each reader is checked once. */
  private volatile long layoutChecked = -1;

  /** How often a search looks for a commit made by another process (an update in this one refreshes at once). */
  private static final long REFRESH_INTERVAL_NANOS = 1_000_000_000L;

  private PatientIndex(Path indexDir, Directory directory, ReadingGuesser guesser) throws IOException {
    this.indexDir = indexDir;
    this.directory = directory;
    this.searchers = new SearcherManager(directory, new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        IndexSearcher s = new IndexSearcher(reader);
        s.setSimilarity(new BooleanSimilarity()); // tiers are constant scores; no IDF or length norms
        return s;
      }
    });
    this.guesser = guesser;
    this.search = new PatientSearch(guesser);
  }

  private static void createOwnerOnly(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    var ownerOnly = java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");
    try {
      Files.createDirectory(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(ownerOnly));
      Files.setPosixFilePermissions(dir, ownerOnly);
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(dir);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // created meanwhile by another process
    }
  }

  /**
   * Opens the index in {@code indexDir}, creating an empty one (and the folder) when there is none yet (a new folder is
   * owner-only, 0700, whatever the umask: the index holds patient names). Throws
   * {@link PatientIndexException} naming the folder when it cannot be opened; nothing stays open then.
   */
  public static PatientIndex open(Path indexDir) {
    return open(indexDir, FSDirectory::open);
  }

  /** Opens a Lucene directory for a folder; a seam for tests that watch the directory's life. */
  interface DirectoryOpener {
    Directory open(Path folder) throws IOException;
  }

  static PatientIndex open(Path indexDir, DirectoryOpener opener) {
    Preconditions.checkNotNull(indexDir, "index folder must not be null");
    Directory dir = null;
    try {
      createOwnerOnly(indexDir);
      dir = opener.open(indexDir);
      if (!DirectoryReader.indexExists(dir)) {
        try (var w = new org.apache.lucene.index.IndexWriter(dir,
            new org.apache.lucene.index.IndexWriterConfig().setOpenMode(
                org.apache.lucene.index.IndexWriterConfig.OpenMode.CREATE))) {
          w.commit();
        }
      }
      PatientIndex index = new PatientIndex(indexDir, dir, ReadingGuesser.create());
      dir = null; // the index owns it now
      return index;
    } catch (LockObtainFailedException e) {
      throw new PatientIndexException(indexDir, "another indexer is creating it right now", e);
    } catch (IOException e) {
      throw new PatientIndexException(indexDir, "cannot be opened: " + e.getMessage(), e);
    } finally {
      if (dir != null) {
        IOUtils.closeWhileHandlingException(dir);
      }
    }
  }

  /**
   * Opens an index that must already exist (for searching); throws {@link PatientIndexException} naming the folder
   * when there is none.
   */
  public static PatientIndex openExisting(Path indexDir) {
    Preconditions.checkNotNull(indexDir, "index folder must not be null");
    if (!exists(indexDir)) {
      throw new PatientIndexException(indexDir,
          "no patient index here; build one with 'ssmix2 index --index " + indexDir + " ROOT...'");
    }
    PatientIndex index = open(indexDir);
    try {
      if (index.metadata().map(CommitMetadata::isOldLayout).orElse(false)) {
        throw index.oldLayout();
      }
      return index;
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /**
   * An index written before facilities existed knows patients by ID alone and cannot be read by facility and ID:
   * searches and lookups refuse it with this, and the next update rebuilds it.
   */
  private PatientIndexException oldLayout() {
    return new PatientIndexException(indexDir, "was built by an older version of ss-mix2, before facilities (a "
        + "patient is now known by facility and patient ID); rebuild it with 'ssmix2 index --index " + indexDir
        + " ROOT...' (or '--facility CODE:NAME ROOT...' for each facility), which builds it anew in place");
  }

  /** Whether {@code indexDir} holds a committed index. */
  public static boolean exists(Path indexDir) {
    if (!Files.isDirectory(indexDir)) {
      return false;
    }
    try (Directory dir = FSDirectory.open(indexDir)) {
      return DirectoryReader.indexExists(dir);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Brings the index up to date with {@code storage}: only new, changed, renamed and removed files are processed, and
   * only their patients re-derived. Rebuilds everything when the index was built by another schema or NameKeys
   * table version. One commit at the end. Same as {@code update(storage, ChangeDetection.EVERY_FILE, listener)}.
   */
  public IndexReport update(Storage storage, ProgressListener<IndexProgress> listener) {
    return update(storage, ChangeDetection.EVERY_FILE, listener);
  }

  /**
   * Brings the index up to date with {@code storage}, telling unchanged patients by {@code detection}: patients
   * whose folders (and files) look as at the last commit are neither walked nor re-derived.
   */
  @Override
  public IndexReport update(Storage storage, ChangeDetection detection,
      ProgressListener<IndexProgress> listener) {
    return update(Facility.DEFAULT, storage, detection, listener, RecordReader::read);
  }

  /**
   * Brings the documents of {@code facility} up to date with {@code storage} (that facility's roots), as
   * {@link #update(Storage, ChangeDetection, ProgressListener)} does for an index of one storage. The other facilities'
   * documents stay as they are. A facility the index does not hold yet is added; a facility indexed before under
   * another name has its documents written anew. An index built by another schema or NameKeys table version is
   * rebuilt, and then holds only {@code facility} (the report's notes name the facilities to index again).
   */
  @Override
  public IndexReport update(Facility facility, Storage storage, ChangeDetection detection,
      ProgressListener<IndexProgress> listener) {
    return update(facility, storage, detection, listener, RecordReader::read);
  }

  /** As {@link #update(Storage, ChangeDetection, ProgressListener)}, reading files through {@code reading}. */
  IndexReport update(Storage storage, ChangeDetection detection, ProgressListener<IndexProgress> listener,
      PatientUpdate.FileReading reading) {
    return update(Facility.DEFAULT, storage, detection, listener, reading);
  }

  synchronized IndexReport update(Facility facility, Storage storage, ChangeDetection detection,
      ProgressListener<IndexProgress> listener, PatientUpdate.FileReading reading) {
    Preconditions.checkNotNull(facility, "facility must not be null; use Facility.DEFAULT");
    Preconditions.checkNotNull(storage, "storage must not be null");
    Preconditions.checkNotNull(detection, "change detection must not be null; use ChangeDetection.EVERY_FILE");
    Preconditions.checkNotNull(listener, "listener must not be null; use ProgressListener.none()");
    try {
      IndexReport report = new Updater(directory, guesser, UpdateSource.of(facility, storage.roots()), reading)
          .run(storage, metadata(), detection, listener);
      searchers.maybeRefreshBlocking();
      return report;
    } catch (LockObtainFailedException e) {
      throw new PatientIndexException(indexDir, "another indexer is updating it right now", e);
    } catch (IOException e) {
      throw new PatientIndexException(indexDir, "update failed: " + e.getMessage(), e);
    }
  }

  /** Free-text search: IDs, birth dates (西暦/和暦), sex and names in any script and order; best first. */
  @Override
  public List<PatientHit> search(String freeText, int limit) {
    return withReadableSearcher(s -> search.search(s, freeText, limit));
  }

  /**
   * As {@link #search(String, int)}, with what the desk should know about the hits: how many exact homonyms (同姓同名)
   * tie at the top and the hint to add a birth date ({@link SearchResult#hint()}).
   */
  @Override
  public SearchResult searchResult(String freeText, int limit) {
    return withReadableSearcher(s -> search.searchResult(s, freeText, limit));
  }

  /** As {@link #searchResult(String, int)}, only among the patients of one facility (its code). */
  @Override
  public SearchResult searchResult(String freeText, String facility, int limit) {
    Facility.checkCode(facility);
    return withReadableSearcher(s -> search.searchResult(s, freeText, Optional.of(facility), limit));
  }

  /** The demographics of one patient of one facility (its code), if indexed. */
  @Override
  public Optional<IndexedPatient> patient(String facility, PatientId id) {
    Facility.checkCode(facility);
    Preconditions.checkNotNull(id, "patient ID must not be null");
    return withReadableSearcher(s -> {
      TopDocs top = s.search(Updater.of(PATIENT_REF, patientRef(facility, id.value()), KIND_PATIENT), 1);
      return top.scoreDocs.length == 0 ? Optional.<IndexedPatient>empty()
          : Optional.of(PatientDocument.read(s.getIndexReader(), top.scoreDocs[0].doc,
              s.storedFields().document(top.scoreDocs[0].doc)));
    });
  }

  /** Every indexed patient with this ID, one per facility that has one, by facility code. */
  @Override
  public List<IndexedPatient> patients(PatientId id) {
    Preconditions.checkNotNull(id, "patient ID must not be null");
    return withReadableSearcher(s -> {
      var q = Updater.of(PID, id.value(), KIND_PATIENT);
      List<IndexedPatient> out = new ArrayList<>();
      for (ScoreDoc sd : s.search(q, Math.max(1, s.count(q))).scoreDocs) {
        out.add(PatientDocument.read(s.getIndexReader(), sd.doc, s.storedFields().document(sd.doc)));
      }
      out.sort(java.util.Comparator.comparing(p -> p.facility().code()));
      return out;
    });
  }

  /**
   * A patient's records, newest 診療日 and 発生日時 first: only current versions, or every version when
   * {@code history}; unreadable files are listed as problems, never as records. ADT-00 files are not records: their
   * content is {@link #patient}.
   */
  @Override
  public PatientRecords records(String facility, PatientId id, boolean history) {
    Facility.checkCode(facility);
    Preconditions.checkNotNull(id, "patient ID must not be null");
    return withReadableSearcher(s -> {
      var q = Updater.of(PATIENT_REF, patientRef(facility, id.value()), KIND_FILE);
      int n = Math.max(1, s.count(q));
      ScoreDoc[] hits = s.search(q, n).scoreDocs;
      int[] ids = new int[hits.length];
      for (int i = 0; i < hits.length; i++) {
        ids[i] = hits[i].doc;
      }
      return FileDocument.records(StoredDocuments.read(s, ids), history);
    });
  }

  /**
   * The records a chart reads, chosen by {@code window} from doc values: only the chosen records' stored fields are
   * read (docs/index-design.md, "Chart window"). The same choice as {@link ChartWindow#select} over
   * {@link #records}. An index of an older schema lacks those doc values: it is answered from the whole record list
   * (slower, the same chart) until the next update rebuilds it, which {@link #isCurrentVersion()} tells.
   */
  @Override
  public ChartRecords chartRecords(String facility, PatientId id, ChartWindow window, LocalDate asOf) {
    Facility.checkCode(facility);
    Preconditions.checkNotNull(id, "patient ID must not be null");
    Preconditions.checkNotNull(window, "window must not be null");
    Preconditions.checkNotNull(asOf, "as-of date must not be null");
    return withReadableSearcher(s -> hasChartDocValues(s) ? ChartChooser.choose(s, facility, id, window, asOf)
        : ChartRecords.choose(records(facility, id, false), window, asOf));
  }

  /** The next page of older lab results, chosen from doc values as {@link #chartRecords} is. */
  @Override
  public List<RecordEntry> labRecordsBefore(String facility, PatientId id, ChartWindow window, LocalDate before) {
    Facility.checkCode(facility);
    Preconditions.checkNotNull(id, "patient ID must not be null");
    Preconditions.checkNotNull(window, "window must not be null");
    Preconditions.checkNotNull(before, "before must not be null");
    return withReadableSearcher(s -> hasChartDocValues(s) ? ChartChooser.labsBefore(s, facility, id, window, before)
        : ChartRecords.labsBefore(records(facility, id, false), window, before));
  }

  /** The next page of older prescriptions and injections, chosen from doc values as {@link #chartRecords} is. */
  @Override
  public List<RecordEntry> medicationRecordsBefore(String facility, PatientId id, ChartWindow window,
      LocalDate before, int limit) {
    Facility.checkCode(facility);
    Preconditions.checkNotNull(id, "patient ID must not be null");
    Preconditions.checkNotNull(window, "window must not be null");
    Preconditions.checkNotNull(before, "before must not be null");
    return withReadableSearcher(s -> hasChartDocValues(s)
        ? ChartChooser.medicationsBefore(s, facility, id, window, before, limit)
        : ChartRecords.medicationsBefore(records(facility, id, false), window, before, limit));
  }

  /** Whether the searched commit was written by this schema, whose record documents carry the chart's doc values. */
  private static boolean hasChartDocValues(IndexSearcher s) throws IOException {
    return CommitMetadata.SCHEMA.equals(CommitMetadata.fromUserData(
        ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData()).schema());
  }

  /** Whether {@link #chartRecords} chooses from doc values in the committed index (for tests). */
  boolean choosesChartsFromDocValues() {
    return withSearcher(PatientIndex::hasChartDocValues);
  }

  /**
   * A number that changes with every committed update the searches see (the reader's version): a cache of what was
   * read for a patient can keep its answer while this stays the same. Always present for the embedded index.
   */
  @Override
  public OptionalLong version() {
    return OptionalLong.of(withSearcher(s -> ((DirectoryReader) s.getIndexReader()).getVersion()));
  }

  /**
   * The newest 発生日時 among the indexed files: how recent the backup is. Empty for an empty index. A file removed
   * from the storage may still count until its segment is merged away.
   */
  @Override
  public Optional<LocalDateTime> newestFileTime() {
    return withSearcher(s -> {
      long newest = -1;
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        PointValues points = leaf.reader().getPointValues(FileDocument.TIME);
        if (points != null) {
          newest = Math.max(newest, LongPoint.decodeDimension(points.getMaxPackedValue(), 0));
        }
      }
      return newest < 0 ? Optional.<LocalDateTime>empty()
          : new FileTimestamp(String.format(Locale.ROOT, "%017d", newest)).toLocalDateTime();
    });
  }

  /** The storage roots of every facility's last update, facility by facility; empty before the first update. */
  @Override
  public List<Path> roots() {
    return metadata().map(CommitMetadata::roots).orElse(List.of());
  }

  /** The storage roots of one facility's last update, in the order given; empty when the index does not hold it. */
  @Override
  public List<Path> roots(String facility) {
    Facility.checkCode(facility);
    return metadata().filter(CommitMetadata::isCompatible).flatMap(m -> m.facility(facility))
        .map(CommitMetadata.FacilityCommit::roots).orElse(List.of());
  }

  /** The facilities the index holds, by code, with the names of their last update. */
  @Override
  public List<Facility> facilities() {
    // the searched commit's own user data: in memory, and the facilities the searches see
    CommitMetadata m = withSearcher(s -> CommitMetadata.fromUserData(
        ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData()));
    return m.isOldLayout() ? List.of()
        : m.facilities().stream().map(CommitMetadata.FacilityCommit::facility).toList();
  }

  /** Patients in the committed index. */
  @Override
  public long patientCount() {
    return withSearcher(s -> (long) s.count(new org.apache.lucene.search.TermQuery(
        new org.apache.lucene.index.Term(dev.ssmix2.index.internal.patient.PatientFields.KIND, KIND_PATIENT))));
  }

  /** Whether the index was built by this schema and NameKeys table version (else the next update rebuilds it). */
  @Override
  public boolean isCurrentVersion() {
    return metadata().map(CommitMetadata::isCompatible).orElse(false);
  }

  public Path indexDir() {
    return indexDir;
  }

  /** The index folder. */
  @Override
  public String location() {
    return indexDir.toString();
  }

  private Optional<CommitMetadata> metadata() {
    try {
      var user = SegmentInfos.readLatestCommit(directory).getUserData();
      return user.isEmpty() ? Optional.empty() : Optional.of(CommitMetadata.fromUserData(user));
    } catch (IndexNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new PatientIndexException(indexDir, "cannot read the last commit: " + e.getMessage(), e);
    }
  }

  private interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /**
   * As {@link #withSearcher}, refusing an index of the layout before facilities ({@link #oldLayout}); each reader's
   * commit is looked at once.
   */
  private <T> T withReadableSearcher(SearcherWork<T> work) {
    return withSearcher(s -> {
      DirectoryReader reader = (DirectoryReader) s.getIndexReader();
      if (reader.getVersion() != layoutChecked) {
        if (CommitMetadata.fromUserData(reader.getIndexCommit().getUserData()).isOldLayout()) {
          throw oldLayout();
        }
        layoutChecked = reader.getVersion();
      }
      return work.apply(s);
    });
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      long now = System.nanoTime();
      if (now - lastRefreshCheck > REFRESH_INTERVAL_NANOS) {
        lastRefreshCheck = now;
        searchers.maybeRefresh();
      }
      IndexSearcher s = searchers.acquire();
      try {
        return work.apply(s);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new PatientIndexException(indexDir, "cannot be read: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      IOUtils.close(searchers, directory); // closes both even when the first fails
    } catch (IOException e) {
      throw new PatientIndexException(indexDir, "cannot close: " + e.getMessage(), e);
    }
  }
}

package dev.ssmix2.index.store;

import static dev.ssmix2.index.internal.patient.PatientFields.KIND;
import static dev.ssmix2.index.internal.patient.PatientFields.FACILITY;
import static dev.ssmix2.index.internal.patient.PatientFields.KIND_FILE;
import static dev.ssmix2.index.internal.patient.PatientFields.PATIENT_KEY;
import static dev.ssmix2.index.internal.patient.PatientFields.PATIENT_REF;
import static dev.ssmix2.index.internal.patient.PatientFields.PID;
import static dev.ssmix2.index.internal.patient.PatientFields.patientRef;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFilter;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.storage.UnplacedEntry;
import dev.ssmix2.index.internal.patient.FileDocument;
import dev.ssmix2.index.internal.patient.PatientFields;
import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.store.Planner.ProbedPatient;
import dev.ssmix2.index.store.TopLevel.Place;
import dev.ssmix2.index.store.TopLevelEntries.Entry;
import dev.ssmix2.index.store.TransactionFeed.Reading;
import dev.ssmix2.index.store.TransactionFeed.TypeFolder;
import dev.ssmix2.index.store.UpdatePlan.Settled;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * One update run, in three steps (docs/index-design.md, "Updates"):
 *
 * <ol>
 *   <li><b>plan</b> — what the last commit recorded, plus what can be learnt without reading a file (folder times, the
 *       listing above the patient folders, or the transaction log), becomes an immutable {@link UpdatePlan}
 *       ({@link Planner});
 *   <li><b>execute</b> — the plan's patients are walked or refreshed on an explicit pool with bounded queues
 *       ({@link Workers}); each patient is brought up to date by {@link PatientUpdate}, which reads only new and
 *       changed files and writes only the documents that change; results come back to the calling thread, which alone
 *       makes a known patient's writes ({@link Writes}), counts the results and tells the listener;
 *   <li><b>report</b> — one commit, then one immutable {@link IndexReport}.
 * </ol>
 *
 * <p>Everything is committed once at the end, so searchers see the old or the new state, never half; an aborted run
 * leaves the last commit untouched and the next run redoes the remaining work.
 *
 * <p>A run covers the roots of one facility: it reads and writes only that facility's documents and commit entries,
 * so the other facilities of the index stay as they were (docs/index-design.md, "Facilities").
 */
final class Updater {
  private static final int THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
  /** Results waiting for the calling thread; a slow listener holds the pool back beyond this many. */
  private static final int BUFFERED = 1_024;
  /**
   * Folder times this close to the run's start are not trusted: covers the file system's timestamp tick (up to two
   * seconds on FAT) and a second of clock skew between this machine and a file server.
   */
  static final long TRUST_MARGIN_MILLIS = 3_000;

  private final Directory directory;
  private final ReadingGuesser guesser;
  private final List<UpdateSource> sources;
  private final Facility facility;
  private final String code;
  private final List<StorageRoot> roots;
  private final PatientUpdate.FileReading reading;
  private final long trustedBeforeNanos;

  Updater(Directory directory, ReadingGuesser guesser, List<UpdateSource> sources,
      PatientUpdate.FileReading reading) {
    this.directory = directory;
    this.guesser = guesser;
    this.sources = List.copyOf(sources);
    this.facility = sources.isEmpty() ? Facility.DEFAULT : sources.get(0).facility();
    com.google.common.base.Preconditions.checkArgument(
        sources.stream().allMatch(s -> s.facility().equals(facility)),
        "an update covers the roots of one facility, got %s", sources);
    this.code = facility.code();
    this.roots = UpdateSource.roots(sources);
    this.reading = reading;
    this.trustedBeforeNanos = (System.currentTimeMillis() - TRUST_MARGIN_MILLIS) * 1_000_000L;
  }

  IndexReport run(Storage storage, Optional<CommitMetadata> previous, ChangeDetection detection,
      ProgressListener<IndexProgress> listener) throws IOException {
    long started = System.nanoTime();
    // another schema or table version: the whole index is written anew (CREATE), every facility's documents go
    boolean wipe = previous.map(m -> !m.isCompatible()).orElse(true);
    Map<String, String> userData = previous.isPresent() && !wipe
        ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
    Optional<CommitMetadata.FacilityCommit> mine = wipe ? Optional.empty() : previous.get().facility(code);
    List<String> notes = new ArrayList<>();
    if (wipe && previous.isPresent() && !previous.get().schema().isEmpty()) {
      notes.add(previous.get().isOldLayout()
          ? "the index was built by an older version of ss-mix2 without facilities: it is built anew"
          : "the index was built by another version of ss-mix2 (schema " + previous.get().schema() + "): it is "
              + "built anew");
      List<String> dropped = previous.get().facilities().stream().map(CommitMetadata.FacilityCommit::facility)
          .filter(f -> !f.code().equals(code)).map(Facility::toString).toList();
      if (!dropped.isEmpty()) {
        notes.add("facilities dropped with the old index, to be indexed again: " + String.join(", ", dropped));
      }
    }
    boolean renamed = mine.isPresent() && !mine.get().facility().name().equals(facility.name());
    if (renamed) {
      notes.add("facility " + code + " was named '" + mine.get().facility().name() + "': its documents are written "
          + "anew under '" + facility.name() + "'");
    }
    // a facility the index does not hold yet (or renamed) is built as if the index were new, beside the others
    boolean fresh = mine.isEmpty() || renamed;
    Map<String, String> mineData = fresh ? Map.of() : CommitMetadata.entries(userData, code);
    IndexWriterConfig config = new IndexWriterConfig(PatientFields.analyzer())
        .setOpenMode(wipe ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setCommitOnClose(false)
        .setRAMBufferSizeMB(64);
    try (Workers workers = new Workers(THREADS, 2 * THREADS, BUFFERED);
        IndexWriter writer = new IndexWriter(directory, config);
        DirectoryReader before = fresh ? null : DirectoryReader.open(directory)) {
      if (fresh && !wipe) {
        writer.deleteDocuments(new Term(FACILITY, code)); // a rename's old documents; nothing else has its code
      }
      IndexSearcher searcher = before == null ? null : new IndexSearcher(before);
      UpdatePlan plan = plan(storage, mine, mineData, detection, before, workers, notes);
      List<StorageRoot> previousRoots = mine.map(m -> m.roots().stream().map(StorageRoot::new).toList())
          .orElse(roots);
      PatientUpdate update = new PatientUpdate(writer, searcher, facility, roots, previousRoots, trustedBeforeNanos,
          guesser, reading);
      Run run = new Run(plan, listener, mine.map(CommitMetadata.FacilityCommit::files).orElse(0L), writer);
      run.execute(storage, update, workers);
      if (searcher != null) {
        run.deleteVanished(before, searcher, writer);
        run.listUnreadable(searcher);
      }
      if (plan.rebuild()) {
        // A full build leaves one segment per flush and thread; searching one segment looks every term up once
        // instead of once per segment, which halves p50 at a million patients for a few seconds of merging.
        // Incremental runs leave merging to the merge policy so that their cost stays proportional to the change.
        writer.forceMerge(1);
      }
      List<Path> rootPaths = roots.stream().map(StorageRoot::path).toList();
      Map<String, String> extra = new HashMap<>();
      extra.put(TopLevelEntries.KEY, TopLevelEntries.encode(run.outside.values()));
      plan.feedPosition().ifPresent(p -> p.putInto(extra));
      Map<String, String> commit = CommitMetadata.with(userData, facility, rootPaths, run.filesSeen,
          run.seen.size(), extra);
      writer.setLiveCommitData(commit.entrySet());
      writer.commit();
      listener.progress(run.progress());
      return run.report(Duration.ofNanos(System.nanoTime() - started));
    }
  }

  // ---------------------------------------------------------------------------------------------------- plan

  /**
   * Gathers what the planner needs and asks it for the plan.
   *
   * @param previous what the last commit says of this run's facility
   * @param userData this facility's entries of the last commit's user data, without their prefix
   */
  private UpdatePlan plan(Storage storage, Optional<CommitMetadata.FacilityCommit> previous,
      Map<String, String> userData, ChangeDetection detection, @Nullable DirectoryReader before, Workers workers,
      List<String> notes) throws IOException {
    boolean sameRoots = previous.map(m -> m.roots().equals(roots.stream().map(StorageRoot::path).toList()))
        .orElse(false);
    Optional<TransactionFeed.Position> kept = sameRoots ? TransactionFeed.position(userData)
        .map(t -> new TransactionFeed.Position(t, TransactionFeed.cursor(userData))) : Optional.empty();
    boolean feed = detection == ChangeDetection.TRANSACTIONS;
    if (before == null) {
      return Planner.rebuild(sources, feed ? feedEnd(storage, notes) : kept, notes);
    }
    if (!sameRoots) {
      return Planner.walkAll(sources, feed ? feedEnd(storage, notes) : Optional.empty(),
          Planner.with(notes, "the roots differ from the last run's: the whole storage is walked"));
    }
    Optional<List<Entry>> knownTop = TopLevelEntries.decode(userData);
    if (feed) {
      String reason;
      Optional<TransactionFeed.Position> position = kept;
      // with a cursor the log is not listed first: a cursor that no longer fits is found by reading from it
      if (position.flatMap(TransactionFeed.Position::cursor).isEmpty()
          && TransactionFeed.newestFileStart(roots).isEmpty()) {
        reason = "no transaction storage (<root>/<YYYY>/TR_…DAT) in the storage's roots";
      } else if (position.isEmpty()) {
        reason = "the index has no position in the transaction storage yet (the last update did not read it)";
      } else if (knownTop.isEmpty()) {
        reason = "the last run kept no record of the entries above the patient folders";
      } else {
        Reading r = TransactionFeed.since(storage, position.get(), notes);
        if (r instanceof TransactionFeed.Followed f) {
          List<ProbedPatient> known = manifests(before, false, detection, workers);
          Set<String> unknown = patientIds(before, PATIENT_KEY);
          known.forEach(p -> unknown.remove(p.patient()));
          return Planner.fromFeed(sources, known, unknown, f.changes(), knownTop.get(), notes);
        }
        reason = ((TransactionFeed.Broken) r).reason();
      }
      notes.add(reason + "; changes are found by checking every known patient's folders and files instead");
      Optional<TransactionFeed.Position> end = feedEnd(storage, notes);
      return probePlan(before, ChangeDetection.EVERY_FILE, knownTop, end, notes, workers);
    }
    return probePlan(before, detection, knownTop, kept, notes, workers);
  }

  private UpdatePlan probePlan(DirectoryReader before, ChangeDetection detection, Optional<List<Entry>> knownTop,
      Optional<TransactionFeed.Position> feedPosition, List<String> notes, Workers workers) throws IOException {
    Optional<TopLevel> top = knownTop.isPresent() ? TopLevel.list(roots, workers) : Optional.empty();
    List<ProbedPatient> probed = top.isPresent() ? manifests(before, true, detection, workers) : List.of();
    return Planner.fromProbe(sources, probed, top, knownTop, feedPosition, notes);
  }

  /** The log's end before anything is walked: what a walk-based run has certainly seen. */
  private static Optional<TransactionFeed.Position> feedEnd(Storage storage, List<String> notes) {
    Optional<TransactionFeed.Position> end = TransactionFeed.end(storage);
    if (end.isEmpty()) {
      notes.add("no transaction storage (<root>/<YYYY>/TR_…DAT) in the storage's roots: no position recorded");
    }
    return end;
  }

  /** Every readable manifest of the last commit, probed against the storage when {@code probe}. */
  private List<ProbedPatient> manifests(DirectoryReader before, boolean probe, ChangeDetection detection,
      Workers workers) throws IOException {
    Iterator<Workers.Task<List<ProbedPatient>>> tasks = ManifestDocument.chunks(before).stream()
        .<Workers.Task<List<ProbedPatient>>>map(chunk -> emit -> {
          List<ProbedPatient> out = new ArrayList<>();
          if (probe) {
            ManifestDocument.forEach(before, chunk, code, m -> out.add(probed(m, m.fileCount(), true, detection)));
          } else {
            ManifestDocument.forEachOutline(before, chunk, code,
                o -> out.add(probed(o.manifest(), o.fileCount(), false, detection)));
          }
          emit.accept(out);
        }).iterator();
    List<ProbedPatient> all = new ArrayList<>();
    workers.run(tasks, all::addAll);
    all.sort(Comparator.comparing(ProbedPatient::patient));
    return all;
  }

  /** {@code m} without its stamps (an outline) unless {@code probe}; {@code files} is its file count. */
  private ProbedPatient probed(FolderManifest m, long files, boolean probe, ChangeDetection detection) {
    List<RecordProblem> problems = new ArrayList<>(0);
    List<Place> places = new ArrayList<>(m.parts().size());
    boolean known = true;
    for (FolderManifest.Part p : m.parts()) {
      places.add(new Place(p.root(), p.folder()));
      if (p.root() >= roots.size()) {
        known = false;
        continue;
      }
      for (FolderManifest.Unplaced u : p.unplaced()) {
        problems.add(PatientUpdate.problem(roots.get(p.root()),
            p.folder() + (u.path().isEmpty() ? "" : "/" + u.path()), u.problem(), u.reason()));
      }
    }
    boolean unchanged = known && (!probe || FolderProbe.unchanged(m, roots, detection));
    return new ProbedPatient(m.patient(), unchanged, files, problems, isHome(m), places);
  }

  /** The IDs of this run's facility's patients in {@code field}, whose terms are {@link PatientFields#patientRef}s. */
  private Set<String> patientIds(DirectoryReader reader, String field) throws IOException {
    Set<String> out = new HashSet<>();
    Terms terms = MultiTerms.getTerms(reader, field);
    if (terms == null) {
      return out;
    }
    String prefix = patientRef(code, "");
    TermsEnum te = terms.iterator();
    if (te.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
      return out;
    }
    for (BytesRef t = te.term(); t != null; t = te.next()) {
      String ref = t.utf8ToString();
      if (!ref.startsWith(prefix)) {
        break;
      }
      out.add(ref.substring(prefix.length()));
    }
    return out;
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

  static Query of(String field, String value, String kind) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(field, value)), Occur.FILTER)
        .add(new TermQuery(new Term(KIND, kind)), Occur.FILTER)
        .build();
  }

  // ------------------------------------------------------------------------------------------------- execute

  /**
   * Every shard of a patient walk (prefix folders, see {@code Storage.patients}), split as far as the walk allows, so
   * that each runs as its own task.
   */
  private static List<Spliterator<PatientFolder>> shards(Spliterator<PatientFolder> all) {
    List<Spliterator<PatientFolder>> out = new ArrayList<>();
    List<Spliterator<PatientFolder>> todo = new ArrayList<>(List.of(all));
    while (!todo.isEmpty()) {
      Spliterator<PatientFolder> s = todo.remove(todo.size() - 1);
      Spliterator<PatientFolder> prefix = s.trySplit();
      if (prefix == null) {
        out.add(s);
      } else {
        todo.add(s);
        todo.add(prefix);
      }
    }
    return out;
  }

  /** A settled patient the full walk met: counted as walked, nothing else. */
  private record PassedOver(String patient) {}

  /**
   * The execution of one plan. Its fields are touched by the calling thread only: tasks hand their results back
   * through {@link Workers}, and the one concurrent queue collects what the core walker reports from its threads
   * about entries outside patient folders.
   */
  private final class Run {
    private final UpdatePlan plan;
    private final ProgressListener<IndexProgress> listener;
    private final long expected;
    private final Set<String> settled = new HashSet<>();
    /** Walked and refreshed patients whose stored records did not all stay: who is to list which stored problems. */
    private final Map<String, PatientUpdate.Outcome> touched = new HashMap<>();
    final Set<String> seen = new HashSet<>();
    final Map<Place, Entry> outside = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<UnplacedEntry> walkedOutside = new ConcurrentLinkedQueue<>();
    private final List<RecordProblem> skipped = new ArrayList<>();
    private long skippedCount;
    long filesSeen;
    private long filesIndexed;
    private long filesUnchanged;
    private long filesRemoved;
    private long patientsSeen;
    private long patientsUpdated;
    private long patientsRederived;
    private long patientsRemoved;
    private long patientsWalked;
    private final IndexWriter writer;

    Run(UpdatePlan plan, ProgressListener<IndexProgress> listener, long expected, IndexWriter writer) {
      this.plan = plan;
      this.listener = listener;
      this.expected = expected;
      this.writer = writer;
    }

    void execute(Storage storage, PatientUpdate update, Workers workers) throws IOException {
      for (Settled s : plan.settled()) {
        settled.add(s.patient());
        seen.add(s.patient());
        filesSeen += s.files();
        filesUnchanged += s.files();
        s.problems().forEach(this::skip);
        patientsSeen++;
        listener.progress(progress());
      }
      plan.outside().forEach(this::reportOutside);
      // Read, never written, by the workers from here on (handing a task to the executor orders the writes above
      // before its reads). Not copied: Set.copyOf of the 10,000 settled IDs of the 10k storage took 7, 15 and 9 of
      // about 270 samples in three JFR recordings of a 1 % update, most in its open-addressing probe (benchmarks/
      // README.md, "Quiet machine, end of session 9"; too few samples for a share, and no speed-up is claimed).
      Set<String> passOver = Collections.unmodifiableSet(settled);
      List<Workers.Task<Object>> tasks = new ArrayList<>();
      plan.refresh().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
        String pid = e.getKey();
        Set<TypeFolder> folders = e.getValue();
        tasks.add(emit -> emit.accept(update.refreshed(pid, folders, storage)));
      });
      boolean walking = plan.walkAll() || !plan.walk().isEmpty();
      StorageFilter filter = plan.walkAll() || !walking ? StorageFilter.all()
          : StorageFilter.all().withPatients(plan.walk().stream().sorted().map(PatientId::of).toList());
      Stream<PatientFolder> walk = walking ? storage.patients(filter, walkedOutside::add) : Stream.empty();
      if (walking) {
        for (Spliterator<PatientFolder> shard : shards(walk.spliterator())) {
          tasks.add(emit -> shard.forEachRemaining(folder -> {
            String pid = folder.patientId().value();
            try {
              emit.accept(passOver.contains(pid) ? new PassedOver(pid) : update.walked(folder));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }));
        }
      }
      try (walk) {
        workers.run(tasks.iterator(), this::take);
      }
      for (UnplacedEntry e = walkedOutside.poll(); e != null; e = walkedOutside.poll()) {
        reportOutside(new Entry(roots.indexOf(e.root()), e.relativePath(), e.problem(), e.reason()));
      }
    }

    /** One result, on the calling thread. */
    private void take(Object result) {
      if (result instanceof PassedOver) {
        patientsWalked++;
        return;
      }
      PatientUpdate.Outcome o = (PatientUpdate.Outcome) result;
      try {
        o.writes().applyTo(writer);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      patientsWalked++;
      o.problems().forEach(this::skip);
      if (!o.replaced().isEmpty() || o.rewritten()) {
        touched.put(o.patient(), o);
      }
      if (!o.present()) {
        return;
      }
      seen.add(o.patient());
      filesSeen += o.filesSeen();
      filesIndexed += o.filesIndexed();
      filesUnchanged += o.filesUnchanged();
      filesRemoved += o.filesRemoved();
      patientsUpdated += o.updated() ? 1 : 0;
      patientsRederived += o.rederived() ? 1 : 0;
      patientsSeen++;
      listener.progress(progress());
    }

    IndexProgress progress() {
      return new IndexProgress(filesSeen, filesIndexed, patientsSeen, expected);
    }

    /** Deletes every document of this facility's patients that the run did not see; other facilities' stay. */
    void deleteVanished(DirectoryReader before, IndexSearcher searcher, IndexWriter writer) throws IOException {
      for (String pid : new java.util.TreeSet<>(patientIds(before, PATIENT_REF))) {
        if (!seen.contains(pid)) {
          String ref = patientRef(code, pid);
          filesRemoved += searcher.count(of(PATIENT_REF, ref, KIND_FILE));
          writer.deleteDocuments(new Term(PATIENT_REF, ref));
          patientsRemoved++;
        }
      }
    }

    /**
     * Lists the unreadable files this run did not read from the last commit (those of settled patients, and the
     * unchanged ones of walked and refreshed patients), so the skipped list names every unreadable file of the storage
     * on every run, not only those read in this one. One query over the few marked files.
     */
    void listUnreadable(IndexSearcher before) throws IOException {
      Query q = new BooleanQuery.Builder()
          .add(new TermQuery(new Term(FileDocument.UNREADABLE, "1")), Occur.FILTER)
          .add(new TermQuery(new Term(KIND, KIND_FILE)), Occur.FILTER)
          .add(new TermQuery(new Term(FACILITY, code)), Occur.FILTER)
          .build();
      var stored = before.storedFields();
      for (ScoreDoc sd : before.search(q, Math.max(1, before.count(q))).scoreDocs) {
        var d = stored.document(sd.doc);
        String pid = d.get(PID);
        PatientUpdate.Outcome o = touched.get(pid);
        boolean kept = o == null ? seen.contains(pid) : o.keeps(FileDocument.stamp(d).key());
        if (kept) {
          FileDocument.problem(d).ifPresent(this::skip);
        }
      }
    }

    private void reportOutside(Entry e) {
      // a filtered walk reports the strays of the prefix folders it lists, which the plan may have reported already
      if (outside.putIfAbsent(new Place(e.root(), e.path()), e) == null) {
        skip(PatientUpdate.problem(roots.get(e.root()), e.path(), e.problem(), e.reason()));
      }
    }

    private void skip(RecordProblem p) {
      if (++skippedCount <= IndexReport.MAX_LISTED) {
        skipped.add(p);
      }
    }

    IndexReport report(Duration elapsed) {
      List<RecordProblem> listed = new ArrayList<>(skipped);
      listed.sort(Comparator.comparing((RecordProblem p) -> p.root().toString()).thenComparing(RecordProblem::file));
      return new IndexReport(filesSeen, filesIndexed, filesUnchanged, filesRemoved, listed, skippedCount,
          seen.size(), patientsUpdated, patientsRemoved, patientsWalked, plan.rebuild(), elapsed, plan.basis(),
          patientsRederived, plan.notes());
    }
  }
}

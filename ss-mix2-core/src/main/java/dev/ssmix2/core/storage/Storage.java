package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An SS-MIX2 standardized storage (標準化ストレージ), possibly spread over several root folders. Read-only: nothing
 * here writes into the storage.
 *
 * <pre>{@code
 * Storage storage = Storage.open(Path.of("/backup/root-dated"), Path.of("/backup/root-undated"));
 * try (Stream<StorageFile> files = storage.files(StorageFilter.all().withFlags(ConditionFlag.CURRENT))) {
 *   files.forEach(f -> System.out.println(f.relativePath()));
 * }
 * }</pre>
 *
 * <p>Walks are lazy and use memory bounded by directory sizes, so storages of millions of files can be streamed;
 * call {@code .parallel()} on the stream to spread reading over cores.
 */
public final class Storage {

  private final ImmutableList<StorageRoot> roots;

  private Storage(ImmutableList<StorageRoot> roots) {
    this.roots = roots;
  }

  /**
   * Opens a storage made of one or more root folders.
   *
   * @throws StorageException when a root does not exist or is not a folder
   */
  public static Storage open(Path... roots) {
    return open(Arrays.asList(roots));
  }

  /** Opens a storage made of the given root folders. */
  public static Storage open(Collection<Path> roots) {
    checkNotNull(roots, "roots must not be null");
    checkArgument(!roots.isEmpty(), "a storage needs at least one root folder");
    ImmutableList.Builder<StorageRoot> b = ImmutableList.builder();
    for (Path p : roots) {
      checkNotNull(p, "root path must not be null");
      if (!Files.exists(p)) {
        throw new StorageException("storage root " + p + " does not exist");
      }
      if (!Files.isDirectory(p)) {
        throw new StorageException("storage root " + p + " is not a folder; expected the folder that holds the "
            + "patient-ID prefix folders (e.g. 000/, 999/)");
      }
      b.add(new StorageRoot(p));
    }
    return new Storage(b.build());
  }

  public List<StorageRoot> roots() {
    return roots;
  }

  /** Every entry of every root, placed files and unplaced ones, in a repeatable order. */
  public Stream<StorageEntry> entries(StorageFilter filter) {
    checkNotNull(filter, "filter must not be null; use StorageFilter.all()");
    // Chained by hand rather than with flatMap: a flatMap'd stream consumed through iterator() buffers each inner
    // stream whole, which for a root means the entire root.
    Iterator<StorageRoot> rootIt = roots.iterator();
    Iterator<StorageEntry> chained = new Iterator<>() {
      private Iterator<StorageEntry> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && rootIt.hasNext()) {
          current = new StorageWalker(rootIt.next(), filter);
        }
        return current.hasNext();
      }

      @Override
      public StorageEntry next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(chained, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** Every entry of every root. */
  public Stream<StorageEntry> entries() {
    return entries(StorageFilter.all());
  }

  /**
   * Only the placed files that pass the filter. Unplaced entries are left out of this view by the caller's choice;
   * use {@link #entries(StorageFilter)} to see them.
   */
  public Stream<StorageFile> files(StorageFilter filter) {
    return entries(filter).filter(StorageFile.class::isInstance).map(StorageFile.class::cast);
  }

  /** All placed files. */
  public Stream<StorageFile> files() {
    return files(StorageFilter.all());
  }

  /** Every file of one patient across all roots. */
  public Stream<StorageFile> files(PatientId patient) {
    return files(StorageFilter.all().withPatients(patient));
  }

  /**
   * The storage patient by patient: each patient's files from every root, gathered by merging the roots' walks
   * (each walk is ordered by patient folder, so memory stays bounded by one patient's files).
   *
   * <p>The stream is lazy and ordered by patient folder. Call {@code .parallel()} to walk shards of the storage
   * (first- or second-level folders, or runs of patient folders in a storage with few of those) on several threads;
   * {@code onUnplaced} must then be thread-safe.
   *
   * @param onUnplaced receives the unplaced entries that lie outside any patient folder (strays at the top levels);
   *     entries inside a patient's folders are in {@link PatientFolder#unplaced()}
   */
  public Stream<PatientFolder> patients(StorageFilter filter, Consumer<UnplacedEntry> onUnplaced) {
    checkNotNull(filter, "filter must not be null; use StorageFilter.all()");
    checkNotNull(onUnplaced, "onUnplaced must not be null");
    List<Shards.Shard> shards = Shards.of(roots, filter, onUnplaced);
    return StreamSupport.stream(new PatientSpliterator(roots, filter, onUnplaced, shards, 0, shards.size()), false);
  }

  /** The storage patient by patient; unplaced entries outside patient folders go to {@code onUnplaced}. */
  public Stream<PatientFolder> patients(Consumer<UnplacedEntry> onUnplaced) {
    return patients(StorageFilter.all(), onUnplaced);
  }

  /** One patient's folder across all roots, if the patient has any entry. */
  public Optional<PatientFolder> patient(PatientId id) {
    try (Stream<PatientFolder> s = patients(StorageFilter.all().withPatients(id), u -> { })) {
      return s.filter(p -> p.patientId().equals(id)).findFirst();
    }
  }

  /**
   * The entries of one patient's data-type folder ({@code L1/L2/患者ID/診療日/データ種別}) in every root, placed files
   * and unplaced ones, as a full walk would give them; a root without that folder (or with a symbolic link on the way
   * to it) adds nothing. Only that folder is listed, so a reader that knows what changed — from the transaction
   * storage — need not walk the patient.
   *
   * <pre>{@code
   * List<StorageEntry> orders = storage.dataTypeFolder(PatientId.of("0000000111"), CareDate.parse("20240310"),
   *     StandardDataType.OMP_01);
   * }</pre>
   */
  public List<StorageEntry> dataTypeFolder(PatientId patient, CareDate date, DataType type) {
    checkNotNull(patient, "patient must not be null");
    checkNotNull(date, "date must not be null; use CareDate.UNDATED for the '-' folder");
    checkNotNull(type, "data type must not be null");
    List<StorageEntry> out = new java.util.ArrayList<>();
    String[] levels = {patient.firstFolder(), patient.secondFolder(), patient.value(), date.token(), type.code()};
    for (StorageRoot root : roots) {
      Path p = root.path();
      boolean folder = true;
      for (String level : levels) {
        p = p.resolve(level);
        if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          folder = false;
          break;
        }
      }
      if (folder) {
        new StorageWalker(root, StorageFilter.all(), patient, date, type.code()).forEachRemaining(out::add);
      }
    }
    return out;
  }

  /**
   * The transaction storage (トランザクションストレージ) of these roots as an ordered change feed: every entry of the
   * {@code <root>/<YYYY>/TR_YYYYMMDDHHMMSSFFF_nnnnn.DAT} files whose time is after {@code since}, in time order (within
   * a root in the writer's order, files by name and records by position; several roots merged by time). A
   * transaction root is opened like any root ({@code Storage.open(txRoot)}); its year folders are not patient
   * folders and the patient walk skips them.
   *
   * <p>The stream is lazy and reads one file at a time per root; close it when done. Anything that cannot be placed
   * (a badly named file, a header whose fields cannot be read, text before the first header) goes to
   * {@code onProblem} and the rest of the log is still read.
   *
   * <pre>{@code
   * try (Stream<TransactionEntry> changes = storage.transactions(lastCommit, p -> log.warn(p.toString()))) {
   *   Set<PatientId> changed = changes.map(TransactionEntry::patientId).collect(toSet());
   * }
   * }</pre>
   *
   * @param since only entries strictly after this local time (transaction times carry no zone)
   */
  public Stream<TransactionEntry> transactions(java.time.LocalDateTime since, Consumer<TransactionProblem> onProblem) {
    checkArgument(since != null, "since must not be null; use transactions(onProblem) for the whole log");
    checkArgument(onProblem != null, "onProblem must not be null");
    return transactionStream(since, onProblem);
  }

  /** The whole transaction log of these roots, in time order; see {@link #transactions(java.time.LocalDateTime, Consumer)}. */
  public Stream<TransactionEntry> transactions(Consumer<TransactionProblem> onProblem) {
    checkArgument(onProblem != null, "onProblem must not be null");
    return transactionStream(null, onProblem);
  }

  /**
   * The entries after {@code since}, as {@link #transactions(java.time.LocalDateTime, Consumer)} gives them, read to
   * the end of the log, with the cursor where the reading stopped: the next reading can start there with
   * {@link #readTransactions(TransactionCursor, Consumer)} instead of re-reading the newest file from its start.
   */
  public TransactionCursor.Tail readTransactions(java.time.LocalDateTime since,
      Consumer<TransactionProblem> onProblem) {
    checkNotNull(since, "since must not be null");
    checkNotNull(onProblem, "onProblem must not be null");
    return TransactionLog.readSince(roots, since, onProblem);
  }

  /**
   * Every entry written after {@code from}, read to the end of the log, with the cursor at the new end; or
   * {@link TransactionCursor.Lost} when the log is not as the cursor left it (a file gone, shorter, or with other
   * bytes before the cursor's offset), and then nothing was reported.
   *
   * <p>Reported to {@code onProblem}: what cannot be placed in the bytes after the cursor and in later files, and the
   * names in the year folders from the cursor's year on that are no transaction files. Lines are numbered as a reading
   * of the whole file numbers them.
   */
  public TransactionCursor.Reading readTransactions(TransactionCursor from, Consumer<TransactionProblem> onProblem) {
    checkNotNull(from, "from must not be null");
    checkNotNull(onProblem, "onProblem must not be null");
    List<TransactionProblem> problems = new ArrayList<>();
    TransactionCursor.Reading r = TransactionLog.readFrom(roots, from, problems::add);
    if (r instanceof TransactionCursor.Tail) {
      problems.forEach(onProblem);
    }
    return r;
  }

  private Stream<TransactionEntry> transactionStream(java.time.LocalDateTime since,
      Consumer<TransactionProblem> onProblem) {
    // The file listing waits for the first element, so building the stream costs nothing.
    Iterator<TransactionEntry> lazy = new Iterator<>() {
      private Iterator<TransactionEntry> delegate;

      private Iterator<TransactionEntry> delegate() {
        if (delegate == null) {
          delegate = TransactionLog.entries(roots, since, onProblem);
        }
        return delegate;
      }

      @Override
      public boolean hasNext() {
        return delegate().hasNext();
      }

      @Override
      public TransactionEntry next() {
        return delegate().next();
      }
    };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(lazy, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public String toString() {
    return "Storage" + roots;
  }
}

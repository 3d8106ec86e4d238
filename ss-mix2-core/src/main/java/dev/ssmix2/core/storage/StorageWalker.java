package dev.ssmix2.core.storage;

import dev.ssmix2.core.storage.UnplacedEntry.Problem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Lazy depth-first walk of one root, level by level ({@code L1/L2/患者ID/診療日/データ種別/ファイル}).
 *
 * <p>Memory is bounded by the size of the directories on the current path, never by the size of the storage: each
 * level lists one directory at a time (sorted, so walks are repeatable). Symbolic links are reported and never
 * followed, so a link loop cannot trap the walk. Nothing is opened for writing.
 */
final class StorageWalker implements Iterator<StorageEntry> {

  private static final int L1 = 0;
  private static final int L2 = 1;
  private static final int PATIENT = 2;
  private static final int DATE = 3;
  private static final int TYPE = 4;
  private static final int FILE = 5;

  /** One open directory on the current path, with the folder context its children inherit. */
  private record Frame(int level, String relDir, List<Path> children, int[] next, String l1, String l2,
      PatientId patient, CareDate date, String type) {}

  private final StorageRoot root;
  private final StorageFilter filter;
  private final Deque<Frame> stack = new ArrayDeque<>();
  private final Deque<StorageEntry> ready = new ArrayDeque<>();

  StorageWalker(StorageRoot root, StorageFilter filter) {
    this.root = root;
    this.filter = filter;
    push(L1, "", root.path(), null, null, null, null, null);
  }

  /**
   * A walk of one shard of a root: the folder {@code L1} or {@code L1/L2} given as a relative path, or the entries of
   * an {@code L1/L2} folder in a range of names (see {@link Shards}); the shard folder itself was already checked and
   * filtered by whoever listed it.
   */
  StorageWalker(StorageRoot root, StorageFilter filter, Shards.Shard shard) {
    this.root = root;
    this.filter = filter;
    String folder = shard.folder();
    int slash = folder.indexOf('/');
    if (slash < 0) {
      push(L2, folder, root.resolve(folder), folder, null, null, null, null);
    } else {
      push(PATIENT, folder, root.resolve(folder), folder.substring(0, slash), folder.substring(slash + 1), null,
          null, null, shard.from() == null && shard.to() == null ? null : shard);
    }
  }

  /**
   * A walk of one data-type folder {@code L1/L2/患者ID/診療日/データ種別} of a root, which the caller checked to be a
   * folder reached without symbolic links: its files, placed as a full walk would place them.
   */
  StorageWalker(StorageRoot root, StorageFilter filter, PatientId patient, CareDate date, String type) {
    this.root = root;
    this.filter = filter;
    String rel = patient.firstFolder() + "/" + patient.secondFolder() + "/" + patient.value() + "/" + date.token()
        + "/" + type;
    push(FILE, rel, root.resolve(rel), patient.firstFolder(), patient.secondFolder(), patient, date, type);
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && !stack.isEmpty()) {
      advance();
    }
    return !ready.isEmpty();
  }

  @Override
  public StorageEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }

  private void advance() {
    Frame f = stack.peek();
    if (f.next()[0] >= f.children().size()) {
      stack.pop();
      return;
    }
    Path child = f.children().get(f.next()[0]++);
    String name = child.getFileName().toString();
    String rel = f.relDir().isEmpty() ? name : f.relDir() + "/" + name;
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      ready.add(new UnplacedEntry(root, rel, Problem.UNREADABLE, "cannot read attributes: " + e.getMessage()));
      return;
    }
    if (attrs.isSymbolicLink()) {
      ready.add(new UnplacedEntry(root, rel, Problem.SYMBOLIC_LINK, "symbolic links are not followed"));
      return;
    }
    boolean dir = attrs.isDirectory();
    switch (f.level()) {
      case L1 -> {
        if (dir && TransactionLog.isYearFolder(name)) {
          return; // the transaction storage's year folder: read by Storage.transactions, not a patient prefix
        }
        if (!dir) {
          stray(rel, "a file at the top of the storage, where patient-ID prefix folders are expected");
        } else if (filter.acceptsFirstFolder(name)) {
          push(L2, rel, child, name, null, null, null, null);
        }
      }
      case L2 -> {
        if (!dir) {
          stray(rel, "a file where the second patient-ID prefix folder is expected");
        } else if (filter.acceptsSecondFolder(f.l1(), name)) {
          push(PATIENT, rel, child, f.l1(), name, null, null, null);
        }
      }
      case PATIENT -> {
        if (!dir) {
          stray(rel, "a file where a patient folder is expected");
          return;
        }
        PatientId id;
        try {
          id = PatientId.of(name);
        } catch (IllegalArgumentException e) {
          ready.add(new UnplacedEntry(root, rel, Problem.BAD_FOLDER, "not a patient folder: " + e.getMessage()));
          return;
        }
        if (filter.acceptsPatient(id)) {
          push(DATE, rel, child, f.l1(), f.l2(), id, null, null);
        }
      }
      case DATE -> {
        if (!dir) {
          stray(rel, "a file inside a patient folder, where 診療日 folders (YYYYMMDD or -) are expected");
          return;
        }
        Optional<CareDate> date = CareDate.tryParse(name);
        if (date.isEmpty() || !date.get().token().equals(name)) {
          ready.add(new UnplacedEntry(root, rel, Problem.BAD_FOLDER,
              "folder '" + name + "' is not a 診療日 folder; expected YYYYMMDD (a real date) or '-'"));
        } else if (filter.acceptsDate(date.get())) {
          push(TYPE, rel, child, f.l1(), f.l2(), f.patient(), date.get(), null);
        }
      }
      case TYPE -> {
        if (!dir) {
          stray(rel, "a file inside a 診療日 folder, where data-type folders (e.g. OMP-01) are expected");
        } else if (filter.acceptsDataType(name)) {
          push(FILE, rel, child, f.l1(), f.l2(), f.patient(), f.date(), name);
        }
      }
      case FILE -> placeFile(f, rel, name, attrs);
      default -> throw new IllegalStateException("level " + f.level());
    }
  }

  private void placeFile(Frame f, String rel, String name, BasicFileAttributes attrs) {
    boolean dir = attrs.isDirectory();
    if (!dir && !attrs.isRegularFile()) {
      // a FIFO would block the reader forever, a device read without end: never placed, never opened
      ready.add(new UnplacedEntry(root, rel, Problem.NOT_REGULAR_FILE,
          "not a regular file (a FIFO, device or socket); it is never opened"));
      return;
    }
    DataType folderType = DataType.of(f.type());
    if (dir && folderType.isStandard()) {
      ready.add(new UnplacedEntry(root, rel, Problem.BAD_FOLDER,
          "a folder inside standard data-type folder " + f.type() + ", where message files are expected"));
      return;
    }
    FileName fileName;
    try {
      fileName = FileName.parse(name);
    } catch (FileNameException e) {
      boolean looksLikeData = name.indexOf('_') >= 0;
      ready.add(new UnplacedEntry(root, rel, looksLikeData ? Problem.BAD_FILE_NAME : Problem.STRAY_FILE,
          looksLikeData ? e.reason() + " [rule " + e.rule() + "]"
              : "not an SS-MIX2 file (" + e.reason() + ")"));
      return;
    }
    List<String> mismatches = new ArrayList<>(3);
    if (!fileName.patientId().equals(f.patient())) {
      mismatches.add("patient " + fileName.patientId() + " ≠ folder " + f.patient());
    }
    if (!fileName.date().equals(f.date())) {
      mismatches.add("診療日 " + fileName.date() + " ≠ folder " + f.date());
    }
    if (!fileName.dataType().code().equals(f.type())) {
      mismatches.add("data type " + fileName.dataType().code() + " ≠ folder " + f.type());
    }
    if (!mismatches.isEmpty()) {
      ready.add(new UnplacedEntry(root, rel, Problem.WRONG_FOLDER,
          "file name disagrees with its folders: " + String.join(", ", mismatches)));
      return;
    }
    if (filter.acceptsFlag(fileName.flag())) {
      ready.add(new StorageFile(root, rel, fileName, dir, dir ? -1 : attrs.size(),
          attrs.lastModifiedTime().toMillis()));
    }
  }

  private void stray(String rel, String why) {
    ready.add(new UnplacedEntry(root, rel, Problem.STRAY_FILE, why));
  }

  private void push(int level, String rel, Path dir, String l1, String l2, PatientId patient, CareDate date,
      String type) {
    push(level, rel, dir, l1, l2, patient, date, type, null);
  }

  /** Lists {@code dir} onto the stack; with a {@code range}, only the entries whose names it holds. */
  private void push(int level, String rel, Path dir, String l1, String l2, PatientId patient, CareDate date,
      String type, Shards.@Nullable Shard range) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        if (range == null || range.holds(p.getFileName().toString())) {
          children.add(p);
        }
      }
    } catch (IOException e) {
      ready.add(new UnplacedEntry(root, rel.isEmpty() ? "." : rel, Problem.UNREADABLE,
          "cannot list folder: " + e.getMessage()));
      return;
    }
    children.sort(null);
    stack.push(new Frame(level, rel, children, new int[] {0}, l1, l2, patient, date, type));
  }
}

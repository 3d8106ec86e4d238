package dev.ssmix2.index.store;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.CareDate;
import dev.ssmix2.core.storage.DataType;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.storage.TransactionCursor;
import dev.ssmix2.core.storage.TransactionEntry;
import dev.ssmix2.core.storage.TransactionProblem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an update learns from the transaction storage (docs/transaction-storage.md): where the log ends, and which
 * data-type folders of which patients it says were written since the index's last position. The position is the time
 * of the newest entry the index has applied, kept in the commit's user data.
 *
 * <p>Beside the time, the commit keeps a {@link TransactionCursor}: where the last reading stopped (file, byte offset,
 * line, a checksum of the bytes before it). The next update reads from there — the records appended since, without
 * re-reading the day's file from its start — and reads from the time only when the cursor is lost (its file gone,
 * shorter, or other bytes before the offset) or was never kept (docs/index-design.md, "Updates").
 *
 * <p>The log is trusted only when it can be followed: resumed at the cursor, or re-read from just before the time with
 * its first entry at or before the time (the entry the index last applied is still there, so nothing was rotated away
 * in between); and what is read must read without a {@link TransactionProblem} that may lose an entry
 * ({@link TransactionProblem.Code#entriesMayBeLost()}). Anything else is a reason to fall back to the folder probe,
 * given in words.
 */
final class TransactionFeed {
  private TransactionFeed() {}

  /** Commit user-data key of the position: the newest applied entry time, 17 digits. */
  static final String KEY = "transactionsUpTo";
  /** Commit user-data key of the cursor ({@link TransactionCursor#toString()}). */
  static final String CURSOR_KEY = "transactionCursor";

  private static final Pattern FILE_NAME = Pattern.compile("TR_(\\d{14,17})_(\\d{1,9})\\.DAT", Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter DIGITS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");
  /** Problems quoted in a fallback note; the rest are counted. */
  private static final int QUOTED = 3;

  /** One data-type folder of one patient that the log says was written. */
  record TypeFolder(CareDate date, DataType type) implements Comparable<TypeFolder> {
    @Override
    public int compareTo(TypeFolder o) {
      int c = date.token().compareTo(o.date.token());
      return c != 0 ? c : type.code().compareTo(o.type.code());
    }
  }

  /**
   * A position in the log: the newest entry time applied, and where the reading that found it stopped.
   *
   * @param time the newest entry time read
   * @param cursor where the reading stopped; empty when not known
   */
  record Position(LocalDateTime time, Optional<TransactionCursor> cursor) {
    Position {
      checkNotNull(time, "time must not be null");
      checkNotNull(cursor, "cursor must not be null; use Optional.empty()");
    }

    /** The commit user-data entries of this position (keys without the facility prefix). */
    void putInto(Map<String, String> userData) {
      userData.put(KEY, encode(time));
      cursor.ifPresent(c -> userData.put(CURSOR_KEY, c.toString()));
    }
  }

  /**
   * The log read from a position.
   *
   * @param changes per patient ID, the folders written since the position
   * @param end the next position: the newest entry time read and where the reading stopped
   * @param entries entries read
   */
  record Changes(Map<String, Set<TypeFolder>> changes, Position end, long entries) {
    Changes {
      changes = Map.copyOf(changes);
    }
  }

  /** Either the changes, or why the log cannot be followed. */
  sealed interface Reading permits Followed, Broken {}

  record Followed(Changes changes) implements Reading {}

  record Broken(String reason) implements Reading {}

  static Optional<LocalDateTime> position(Map<String, String> userData) {
    String digits = userData.getOrDefault(KEY, "");
    if (digits.length() != 17) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(digits, DIGITS));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The cursor the last commit kept; empty when it kept none or one this build cannot read. */
  static Optional<TransactionCursor> cursor(Map<String, String> userData) {
    String text = userData.get(CURSOR_KEY);
    return text == null ? Optional.empty() : TransactionCursor.parse(text);
  }

  static String encode(LocalDateTime position) {
    return position.format(DIGITS);
  }

  /** The start time of the newest {@code TR_…DAT} file under {@code <root>/<YYYY>/} of any root; empty when none. */
  static Optional<LocalDateTime> newestFileStart(List<StorageRoot> roots) {
    TreeSet<String> starts = new TreeSet<>();
    for (StorageRoot root : roots) {
      for (Path year : list(root.path())) {
        String y = year.getFileName().toString();
        if (!TopLevel.isYearFolder(y) || !Files.isDirectory(year, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        for (Path f : list(year)) {
          Matcher m = FILE_NAME.matcher(f.getFileName().toString());
          if (m.matches()) {
            starts.add((m.group(1) + "000").substring(0, 17));
          }
        }
      }
    }
    for (String s : starts.descendingSet()) {
      try {
        return Optional.of(LocalDateTime.parse(s, DIGITS));
      } catch (RuntimeException e) {
        // an impossible time in a name: the core reader reports that file; look at the one before
      }
    }
    return Optional.empty();
  }

  /**
   * Where the log ends now: the newest entry time of the newest file(s). Read before a walk, it is the position a
   * walk-based run may commit, since the walk sees at least everything logged up to it.
   */
  static Optional<Position> end(Storage storage) {
    Optional<LocalDateTime> newest = newestFileStart(storage.roots());
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    List<TransactionProblem> problems = new ArrayList<>();
    TransactionCursor.Tail tail = storage.readTransactions(newest.get().minusNanos(1), problems::add);
    LocalDateTime time = tail.entries().stream().map(TransactionEntry::time).max(LocalDateTime::compareTo)
        .orElse(newest.get());
    return Optional.of(new Position(time, Optional.of(tail.end())));
  }

  /**
   * The log from {@code position} on: from its cursor when it has one that still fits the log (a note says so when
   * it does not), else from its time; {@link Broken} when it cannot be followed.
   */
  static Reading since(Storage storage, Position position, List<String> notes) {
    if (position.cursor().isPresent()) {
      List<TransactionProblem> problems = new ArrayList<>();
      TransactionCursor.Reading r = storage.readTransactions(position.cursor().get(), problems::add);
      if (r instanceof TransactionCursor.Tail t) {
        return followed(t, position.time(), problems, notes);
      }
      notes.add("the transaction storage is not as the last update left it ("
          + ((TransactionCursor.Lost) r).reason() + "): it is read from the time " + encode(position.time())
          + " instead");
    }
    List<TransactionProblem> problems = new ArrayList<>();
    // from just before the position, so entries of the same millisecond logged after the last run are not missed
    TransactionCursor.Tail t = storage.readTransactions(position.time().minusNanos(1_000_000), problems::add);
    Reading r = followed(t, position.time(), problems, notes);
    if (r instanceof Followed && t.entries().isEmpty()) {
      return new Broken("the transaction storage holds no entry at or after the index's position "
          + encode(position.time()) + " (removed, rotated or replaced)");
    }
    if (r instanceof Followed && t.entries().get(0).time().isAfter(position.time())) {
      return new Broken("the transaction storage starts at " + encode(t.entries().get(0).time()) + ", after the "
          + "index's position " + encode(position.time()) + ": entries in between may have been rotated away");
    }
    return r;
  }

  /**
   * The changes of a reading, or {@link Broken} when one of its problems means an entry may be missing. The other
   * problems (a file in a year folder that is no log file; a log file outside its year folder, read all the same) go
   * into the notes: every reading lists them again, so falling back on them would make every later run a folder
   * probe for a file that holds no entry the log can lose.
   */
  private static Reading followed(TransactionCursor.Tail tail, LocalDateTime from, List<TransactionProblem> problems,
      List<String> notes) {
    List<TransactionProblem> losing = problems.stream().filter(p -> p.code().entriesMayBeLost()).toList();
    if (!losing.isEmpty()) {
      return new Broken("the transaction storage has " + losing.size() + " entr" + (losing.size() == 1 ? "y" : "ies")
          + " that cannot be placed (" + quoted(losing) + ")");
    }
    if (!problems.isEmpty()) {
      notes.add("the transaction storage's year folders hold " + problems.size() + " entr"
          + (problems.size() == 1 ? "y that is" : "ies that are") + " no log file or outside its year ("
          + quoted(problems) + "); the log is followed all the same, since no logged entry is lost by them");
    }
    Map<String, Set<TypeFolder>> changes = new HashMap<>();
    LocalDateTime end = from;
    for (TransactionEntry e : tail.entries()) {
      if (e.time().isAfter(end)) {
        end = e.time();
      }
      changes.computeIfAbsent(e.patientId().value(), k -> new TreeSet<>())
          .add(new TypeFolder(e.careDate(), e.dataType()));
    }
    return new Followed(new Changes(changes, new Position(end, Optional.of(tail.end())), tail.entries().size()));
  }

  private static String quoted(List<TransactionProblem> problems) {
    return String.join("; ", problems.stream().limit(QUOTED).map(TransactionProblem::toString).toList())
        + (problems.size() > QUOTED ? "; …" : "");
  }

  private static List<Path> list(Path dir) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      ds.forEach(out::add);
    } catch (IOException e) {
      // unreadable: the core reader reports it when the log is read
    }
    return out;
  }
}

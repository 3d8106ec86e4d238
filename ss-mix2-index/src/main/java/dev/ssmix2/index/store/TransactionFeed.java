package dev.ssmix2.index.store;

import dev.ssmix2.core.storage.CareDate;
import dev.ssmix2.core.storage.DataType;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageRoot;
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
import java.util.stream.Stream;

/**
 * What an update learns from the transaction storage (docs/transaction-storage.md): where the log ends, and which
 * data-type folders of which patients it says were written since the index's last position. The position is the time
 * of the newest entry the index has applied, kept in the commit's user data.
 *
 * <p>The log is trusted only when it can be followed: re-read from just before the position, its first entry must be
 * at or before the position (the entry the index last applied is still there, so nothing was rotated away in between)
 * and it must read without a {@link TransactionProblem}. Anything else is a reason to fall back to the folder probe,
 * given in words.
 */
final class TransactionFeed {
  private TransactionFeed() {}

  /** Commit user-data key of the position: the newest applied entry time, 17 digits. */
  static final String KEY = "transactionsUpTo";

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
   * The log read from a position.
   *
   * @param changes per patient ID, the folders written since the position
   * @param end the newest entry time read (the next position)
   * @param entries entries read
   */
  record Changes(Map<String, Set<TypeFolder>> changes, LocalDateTime end, long entries) {
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
  static Optional<LocalDateTime> end(Storage storage) {
    Optional<LocalDateTime> newest = newestFileStart(storage.roots());
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    List<TransactionProblem> problems = new ArrayList<>();
    try (Stream<TransactionEntry> s = storage.transactions(newest.get().minusNanos(1), problems::add)) {
      return s.map(TransactionEntry::time).max(LocalDateTime::compareTo).or(() -> newest);
    }
  }

  /** The log from {@code position} on; {@link Broken} when it cannot be followed from there. */
  static Reading since(Storage storage, LocalDateTime position) {
    List<TransactionProblem> problems = new ArrayList<>();
    Map<String, Set<TypeFolder>> changes = new HashMap<>();
    LocalDateTime first = null;
    LocalDateTime end = position;
    long entries = 0;
    // from just before the position, so entries of the same millisecond logged after the last run are not missed
    try (Stream<TransactionEntry> s = storage.transactions(position.minusNanos(1_000_000), problems::add)) {
      for (TransactionEntry e : (Iterable<TransactionEntry>) s::iterator) {
        entries++;
        if (first == null) {
          first = e.time();
        }
        if (e.time().isAfter(end)) {
          end = e.time();
        }
        changes.computeIfAbsent(e.patientId().value(), k -> new TreeSet<>())
            .add(new TypeFolder(e.careDate(), e.dataType()));
      }
    }
    if (!problems.isEmpty()) {
      List<String> quoted = problems.stream().limit(QUOTED).map(TransactionProblem::toString).toList();
      return new Broken("the transaction storage has " + problems.size() + " entr" + (problems.size() == 1 ? "y" : "ies")
          + " that cannot be placed (" + String.join("; ", quoted) + (problems.size() > QUOTED ? "; …" : "") + ")");
    }
    if (first == null) {
      return new Broken("the transaction storage holds no entry at or after the index's position " + encode(position)
          + " (removed, rotated or replaced)");
    }
    if (first.isAfter(position)) {
      return new Broken("the transaction storage starts at " + encode(first) + ", after the index's position "
          + encode(position) + ": entries in between may have been rotated away");
    }
    return new Followed(new Changes(changes, end, entries));
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

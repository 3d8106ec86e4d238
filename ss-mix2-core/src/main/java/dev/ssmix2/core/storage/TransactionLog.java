package dev.ssmix2.core.storage;

import dev.ssmix2.core.hl7.Hl7Decoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the transaction storage: {@code <root>/<YYYY>/TR_YYYYMMDDHHMMSSFFF_nnnnn.DAT}, each file a run of records made
 * of one {@code #SSMIX,…} header line and the HL7 message after it (see docs/transaction-storage.md).
 *
 * <p>The header layout is not published in full, so it is read tolerantly: records are split on lines starting with
 * {@code #SSMIX} whatever the line endings; the fields are {@code #SSMIX, version, facility, patient, 診療日|-,
 * data type, order no, INS|DEL, department|-, time}, where the time is taken as the last field of 14–17 digits and
 * the department as the field before it, if any. What cannot be placed is reported, never silently dropped.
 *
 * <p>Memory: one file is read at a time per root (a writer starts a new file each day or at a size limit).
 */
final class TransactionLog {
  static final Pattern FILE_NAME = Pattern.compile("TR_(\\d{14,17})_(\\d{1,9})\\.DAT", Pattern.CASE_INSENSITIVE);
  private static final byte[] HEADER = "#SSMIX".getBytes(StandardCharsets.US_ASCII);
  /** The fields up to the operation: #SSMIX, version, facility, patient, date, type, order no, operation. */
  private static final int OPERATION = 7;

  private TransactionLog() {}

  /** A top-level folder of four digits: a transaction year folder, never a patient-ID prefix (three characters). */
  static boolean isYearFolder(String name) {
    return name.length() == 4 && CareDate.isDigits(name);
  }

  /** The entries of every root after {@code since} (exclusive; null for all), merged in time order. */
  static Iterator<TransactionEntry> entries(List<StorageRoot> roots, @Nullable LocalDateTime since,
      Consumer<TransactionProblem> onProblem) {
    List<Iterator<TransactionEntry>> perRoot = new ArrayList<>();
    for (StorageRoot root : roots) {
      perRoot.add(new RootIterator(files(root, since, onProblem), since, onProblem));
    }
    return perRoot.size() == 1 ? perRoot.get(0) : merge(perRoot);
  }

  /** The transaction files of one root in log order, skipping files that end before {@code since}. */
  static List<Path> files(StorageRoot root, @Nullable LocalDateTime since, Consumer<TransactionProblem> onProblem) {
    record Named(Path path, String timestamp, long sequence) {}
    List<Named> named = new ArrayList<>();
    for (Path year : list(root.path(), onProblem)) {
      String yearName = year.getFileName().toString();
      if (!isYearFolder(yearName) || !Files.isDirectory(year, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      for (Path p : list(year, onProblem)) {
        String name = p.getFileName().toString();
        Matcher m = FILE_NAME.matcher(name);
        if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          onProblem.accept(new TransactionProblem(p, 0, "not a regular file; a year folder of the transaction "
              + "storage holds only TR_YYYYMMDDHHMMSSFFF_nnnnn.DAT files"));
        } else if (!m.matches()) {
          onProblem.accept(new TransactionProblem(p, 0, "file name '" + name + "' is not a transaction file name "
              + "(TR_YYYYMMDDHHMMSSFFF_nnnnn.DAT); the file is not read"));
        } else {
          if (!m.group(1).startsWith(yearName)) {
            onProblem.accept(new TransactionProblem(p, 0, "the file's time " + m.group(1) + " is not in its year "
                + "folder " + yearName + "; it is read all the same"));
          }
          named.add(new Named(p, new FileTimestamp(m.group(1)).padded(), Long.parseLong(m.group(2))));
        }
      }
    }
    named.sort(Comparator.comparing(Named::timestamp).thenComparingLong(Named::sequence)
        .thenComparing(n -> n.path().getFileName().toString()));
    List<Path> out = new ArrayList<>();
    for (int i = 0; i < named.size(); i++) {
      // A file only holds entries up to the start of the next one, so files whose successor starts at or before
      // `since` cannot hold anything newer.
      if (since != null && i + 1 < named.size()) {
        Optional<LocalDateTime> nextStart = new FileTimestamp(named.get(i + 1).timestamp()).toLocalDateTime();
        if (nextStart.isPresent() && !nextStart.get().isAfter(since)) {
          continue;
        }
      }
      out.add(named.get(i).path());
    }
    return out;
  }

  private static List<Path> list(Path dir, Consumer<TransactionProblem> onProblem) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      ds.forEach(out::add);
    } catch (IOException e) {
      onProblem.accept(new TransactionProblem(dir, 0, "cannot list the folder: " + e.getMessage()));
    }
    Collections.sort(out);
    return out;
  }

  /**
   * The records of one file after {@code since} (exclusive; null for all), in file order. Every header is still read,
   * so a record that cannot be placed is reported wherever it lies; only the message bodies of records at or before
   * {@code since} are not decoded, since nobody sees them (an incremental reader re-reads the newest file, which may
   * hold a whole day of records before its position).
   */
  static List<TransactionEntry> read(Path file, @Nullable LocalDateTime since,
      Consumer<TransactionProblem> onProblem) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      onProblem.accept(new TransactionProblem(file, 0, "cannot read the file: " + e.getMessage()));
      return List.of();
    }
    // One pass finds the header lines and their line numbers: an incremental reader re-reads the newest file, most of
    // which lies before its position, so this scan is most of what reading the log costs (JFR of a 1 % update,
    // benchmarks/README.md, "Quiet machine, end of session 7").
    int[] headers = new int[16];
    int[] lines = new int[16];
    int count = 0;
    int lineNo = 1;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if ((i == 0 || bytes[i - 1] == '\r' || bytes[i - 1] == '\n') && b == HEADER[0] && startsWith(bytes, i, HEADER)) {
        if (count == headers.length) {
          headers = java.util.Arrays.copyOf(headers, 2 * count);
          lines = java.util.Arrays.copyOf(lines, 2 * count);
        }
        headers[count] = i;
        lines[count++] = lineNo;
      }
      if (b == '\n' || (b == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        lineNo++;
      }
    }
    List<TransactionEntry> out = new ArrayList<>();
    int firstHeader = count == 0 ? bytes.length : headers[0];
    if (!isBlank(bytes, 0, firstHeader)) {
      onProblem.accept(new TransactionProblem(file, 1, count == 0
          ? "no #SSMIX header line in the file (" + bytes.length + " bytes); expected records of a '#SSMIX,…' "
              + "line followed by an HL7 message"
          : "text before the first #SSMIX header line cannot be placed (" + firstHeader + " bytes)"));
    }
    for (int h = 0; h < count; h++) {
      int start = headers[h];
      int end = h + 1 < count ? headers[h + 1] : bytes.length;
      int eol = start;
      while (eol < end && bytes[eol] != '\r' && bytes[eol] != '\n') {
        eol++;
      }
      String header = new String(bytes, start, eol - start, StandardCharsets.ISO_8859_1);
      int from = eol;
      parse(file, lines[h], header, () -> body(bytes, from, end), since, onProblem).ifPresent(out::add);
    }
    return out;
  }

  /**
   * One header line and its message as an entry, or a problem; empty without a problem for a record at or before
   * {@code since} (null: none is), whose message is then never asked for.
   */
  static Optional<TransactionEntry> parse(Path file, int line, String header, Supplier<String> message,
      @Nullable LocalDateTime since, Consumer<TransactionProblem> onProblem) {
    String[] f = header.split(",", -1);
    for (int i = 0; i < f.length; i++) {
      f[i] = f[i].strip();
    }
    int timeIndex = -1;
    for (int i = f.length - 1; i > OPERATION; i--) {
      if (f[i].length() >= 14 && f[i].length() <= 17 && CareDate.isDigits(f[i])) {
        timeIndex = i;
        break;
      }
    }
    String expected = "; expected #SSMIX,<version>,<facility>,<patient>,<診療日|->,<data type>,<order no>,"
        + "<INS|DEL>,<department|->,<time, 17 digits>";
    if (f.length <= OPERATION + 1 || timeIndex < 0) {
      return problem(file, line, "header '" + abbreviate(header) + "' has no transaction time after the "
          + "operation field" + expected, onProblem);
    }
    Optional<TransactionEntry.Operation> op = TransactionEntry.Operation.ofCode(f[OPERATION]);
    if (op.isEmpty()) {
      return problem(file, line, "header field 8 is '" + abbreviate(f[OPERATION]) + "', not INS or DEL" + expected,
          onProblem);
    }
    PatientId patient;
    try {
      patient = PatientId.of(f[3]);
    } catch (IllegalArgumentException e) {
      return problem(file, line, "header patient ID: " + e.getMessage(), onProblem);
    }
    Optional<CareDate> date = CareDate.tryParse(f[4]);
    if (date.isEmpty()) {
      return problem(file, line, "header 診療日 '" + abbreviate(f[4]) + "' is neither YYYYMMDD nor '-'", onProblem);
    }
    DataType type;
    try {
      type = DataType.of(f[5]);
    } catch (IllegalArgumentException e) {
      return problem(file, line, "header data type: " + e.getMessage(), onProblem);
    }
    if (f[6].isEmpty()) {
      return problem(file, line, "header order no is empty" + expected, onProblem);
    }
    FileTimestamp timestamp = new FileTimestamp(f[timeIndex]);
    Optional<LocalDateTime> time = timestamp.toLocalDateTime();
    if (time.isEmpty()) {
      return problem(file, line, "header time " + f[timeIndex] + " is not a real date and time", onProblem);
    }
    Optional<String> department = timeIndex - 1 > OPERATION && !f[timeIndex - 1].isEmpty()
        && !f[timeIndex - 1].equals("-") ? Optional.of(f[timeIndex - 1]) : Optional.empty();
    if (timeIndex != OPERATION + 2 || timeIndex != f.length - 1) {
      onProblem.accept(new TransactionProblem(file, line, "header has " + f.length + " fields instead of 10; "
          + "read with the time from field " + (timeIndex + 1) + expected));
    }
    if (since != null && !time.get().isAfter(since)) {
      return Optional.empty();
    }
    return Optional.of(new TransactionEntry(file, line, f[1], f[2], new VersionKey(patient, date.get(), type, f[6]),
        op.get(), department, timestamp, time.get(), message.get()));
  }

  private static Optional<TransactionEntry> problem(Path file, int line, String reason,
      Consumer<TransactionProblem> onProblem) {
    onProblem.accept(new TransactionProblem(file, line, reason + "; the record is skipped"));
    return Optional.empty();
  }

  /** The message after a header line: decoded per record, line endings made CR, blank edges removed. */
  private static String body(byte[] bytes, int from, int to) {
    while (from < to && (bytes[from] == '\r' || bytes[from] == '\n')) {
      from++;
    }
    while (to > from && (bytes[to - 1] == '\r' || bytes[to - 1] == '\n')) {
      to--;
    }
    if (from == to) {
      return "";
    }
    byte[] slice = java.util.Arrays.copyOfRange(bytes, from, to);
    return Hl7Decoder.decode(slice).text().replace("\r\n", "\r").replace('\n', '\r');
  }

  private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
    if (at + prefix.length > bytes.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != '\r' && bytes[i] != '\n' && bytes[i] != ' ' && bytes[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }

  /** The entries of one root's files after {@code since}, file by file. */
  private static final class RootIterator implements Iterator<TransactionEntry> {
    private final Iterator<Path> files;
    private final @Nullable LocalDateTime since;
    private final Consumer<TransactionProblem> onProblem;
    private Iterator<TransactionEntry> current = Collections.emptyIterator();
    private TransactionEntry next;

    RootIterator(List<Path> files, @Nullable LocalDateTime since, Consumer<TransactionProblem> onProblem) {
      this.files = files.iterator();
      this.since = since;
      this.onProblem = onProblem;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        while (!current.hasNext()) {
          if (!files.hasNext()) {
            return false;
          }
          current = read(files.next(), since, onProblem).iterator();
        }
        TransactionEntry e = current.next();
        if (since == null || e.time().isAfter(since)) {
          next = e;
        }
      }
      return true;
    }

    @Override
    public TransactionEntry next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      TransactionEntry e = next;
      next = null;
      return e;
    }
  }

  /** Merges per-root logs by time; ties keep root order (stable). */
  private static Iterator<TransactionEntry> merge(List<Iterator<TransactionEntry>> sources) {
    record Head(TransactionEntry entry, int source) {}
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing((Head h) -> h.entry().time())
        .thenComparingInt(Head::source));
    return new Iterator<>() {
      private boolean started;

      private void start() {
        if (!started) {
          started = true;
          for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).hasNext()) {
              heads.add(new Head(sources.get(i).next(), i));
            }
          }
        }
      }

      @Override
      public boolean hasNext() {
        start();
        return !heads.isEmpty();
      }

      @Override
      public TransactionEntry next() {
        start();
        Head h = heads.poll();
        if (h == null) {
          throw new NoSuchElementException();
        }
        Iterator<TransactionEntry> src = sources.get(h.source());
        if (src.hasNext()) {
          heads.add(new Head(src.next(), h.source()));
        }
        return h.entry();
      }
    };
  }
}

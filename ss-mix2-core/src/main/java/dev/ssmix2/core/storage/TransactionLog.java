package dev.ssmix2.core.storage;

import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.storage.TransactionProblem.Code;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import java.util.zip.CRC32;
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
  /**
   * Bytes before a cursor's offset whose CRC-32 the cursor keeps: a header line is about 70 bytes and carries the
   * record's time to the millisecond, so a file rotated, truncated or replaced under the cursor fails the check.
   */
  static final int CHECKED = 64;
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
    return merged(perRoot(roots, since, onProblem));
  }

  /** The entries of every root after {@code since}, and the cursor at the end of what was read. */
  static TransactionCursor.Tail readSince(List<StorageRoot> roots, LocalDateTime since,
      Consumer<TransactionProblem> onProblem) {
    return drain(perRoot(roots, since, onProblem));
  }

  /** One reader per root of its files after {@code since} (null for all). */
  private static List<RootIterator> perRoot(List<StorageRoot> roots, @Nullable LocalDateTime since,
      Consumer<TransactionProblem> onProblem) {
    List<RootIterator> perRoot = new ArrayList<>();
    for (StorageRoot root : roots) {
      perRoot.add(RootIterator.of(named(root, null, onProblem), since, onProblem));
    }
    return perRoot;
  }

  /**
   * The entries written after {@code cursor}: per root, the rest of the cursor's file from its offset and every later
   * file, all of it (no time filter: a record appended after the cursor is new whatever its time says). Lost when a
   * root's mark cannot be found as it was left.
   */
  static TransactionCursor.Reading readFrom(List<StorageRoot> roots, TransactionCursor cursor,
      Consumer<TransactionProblem> onProblem) {
    List<Optional<TransactionCursor.Mark>> marks = cursor.marks();
    if (marks.size() != roots.size()) {
      return new TransactionCursor.Lost("the position names " + marks.size() + " root(s), the storage has "
          + roots.size());
    }
    // Every mark is checked before any file is read: a lost cursor has read no record.
    List<RootIterator> perRoot = new ArrayList<>();
    for (int r = 0; r < roots.size(); r++) {
      StorageRoot root = roots.get(r);
      if (marks.get(r).isEmpty()) {
        perRoot.add(RootIterator.of(named(root, null, onProblem), null, onProblem));
        continue;
      }
      TransactionCursor.Mark mark = marks.get(r).get();
      // From the year before the mark's: a writer whose clock or folder choice slips at New Year may put a file with
      // a time after the mark into the previous year's folder, which a listing from the mark's year would never see.
      String year = String.format("%04d", Math.max(0, Integer.parseInt(mark.file().substring(0, 4)) - 1));
      List<Named> files = named(root, year, onProblem);
      int at = -1;
      for (int i = 0; i < files.size(); i++) {
        if (files.get(i).relative().equals(mark.file())) {
          at = i;
          break;
        }
      }
      Path file = root.path().resolve(mark.file());
      if (at < 0) {
        return new TransactionCursor.Lost("the file " + file + " of the position is gone");
      }
      long start = Math.max(0, mark.offset() - CHECKED);
      byte[] bytes;
      try {
        bytes = bytesFrom(file, start);
      } catch (IOException e) {
        return new TransactionCursor.Lost("the file " + file + " of the position cannot be read: " + e.getMessage());
      }
      int from = (int) (mark.offset() - start);
      if (bytes.length < from) {
        return new TransactionCursor.Lost("the file " + file + " is shorter (" + (start + bytes.length)
            + " bytes) than the position (" + mark.offset() + ")");
      }
      if (crc(bytes, 0, from) != mark.check()) {
        return new TransactionCursor.Lost("the bytes of " + file + " before the position (" + mark.offset()
            + ") are not those it was taken from");
      }
      RootIterator it = new RootIterator(files.subList(at + 1, files.size()), null, onProblem);
      it.first(files.get(at), bytes, start, from, mark.line());
      perRoot.add(it);
    }
    return drain(perRoot);
  }

  private static TransactionCursor.Tail drain(List<RootIterator> perRoot) {
    List<TransactionEntry> out = new ArrayList<>();
    merged(perRoot).forEachRemaining(out::add);
    return new TransactionCursor.Tail(out, new TransactionCursor(perRoot.stream().map(RootIterator::mark).toList()));
  }

  private static Iterator<TransactionEntry> merged(List<RootIterator> perRoot) {
    return perRoot.size() == 1 ? perRoot.get(0) : merge(new ArrayList<>(perRoot));
  }

  /** The transaction files of one root in log order, skipping files that end before {@code since}. */
  static List<Path> files(StorageRoot root, @Nullable LocalDateTime since, Consumer<TransactionProblem> onProblem) {
    return skipBefore(named(root, null, onProblem), since).stream().map(Named::path).toList();
  }

  /** A transaction file: its path, {@code YYYY/name} below the root, its name's time (17 digits) and number. */
  record Named(Path path, String relative, String timestamp, long sequence) {}

  /** Drops the files whose successor starts at or before {@code since}: they cannot hold anything newer. */
  private static List<Named> skipBefore(List<Named> named, @Nullable LocalDateTime since) {
    if (since == null) {
      return named;
    }
    List<Named> out = new ArrayList<>();
    for (int i = 0; i < named.size(); i++) {
      if (i + 1 < named.size()) {
        Optional<LocalDateTime> nextStart = new FileTimestamp(named.get(i + 1).timestamp()).toLocalDateTime();
        if (nextStart.isPresent() && !nextStart.get().isAfter(since)) {
          continue;
        }
      }
      out.add(named.get(i));
    }
    return out;
  }

  /**
   * The transaction files of one root in log order, from year folder {@code fromYear} on (null: all). A name that
   * reads as {@code TR_…DAT} is taken without a {@code stat} (one per file of a log kept for years cost 5 % of a 1 %
   * update, benchmarks/README.md, "Update cost, session 8"); one that is no regular file fails when it is read.
   */
  static List<Named> named(StorageRoot root, @Nullable String fromYear, Consumer<TransactionProblem> onProblem) {
    List<Named> named = new ArrayList<>();
    for (Path year : list(root.path(), onProblem)) {
      String yearName = year.getFileName().toString();
      if (!isYearFolder(yearName) || (fromYear != null && yearName.compareTo(fromYear) < 0)
          || !Files.isDirectory(year, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      for (Path p : list(year, onProblem)) {
        String name = p.getFileName().toString();
        int digits = timestampDigits(name);
        if (digits < 0) {
          onProblem.accept(new TransactionProblem(p, 0, Code.NOT_A_LOG_FILE,
              !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
              ? "not a regular file; a year folder of the transaction storage holds only "
                  + "TR_YYYYMMDDHHMMSSFFF_nnnnn.DAT files"
              : "file name '" + name + "' is not a transaction file name (TR_YYYYMMDDHHMMSSFFF_nnnnn.DAT); the file "
                  + "is not read"));
          continue;
        }
        String time = name.substring(3, 3 + digits);
        if (!time.startsWith(yearName)) {
          onProblem.accept(new TransactionProblem(p, 0, Code.OUTSIDE_ITS_YEAR, "the file's time " + time
              + " is not in its year folder " + yearName + "; it is read all the same"));
        }
        named.add(new Named(p, yearName + "/" + name, (time + "000").substring(0, 17),
            Long.parseLong(name, 4 + digits, name.length() - 4, 10)));
      }
    }
    named.sort(Comparator.comparing(Named::timestamp).thenComparingLong(Named::sequence)
        .thenComparing(n -> n.path().getFileName().toString()));
    return named;
  }

  /**
   * The number of time digits of a {@code TR_<14–17 digits>_<1–9 digits>.DAT} name (letters in any case), or -1 for
   * any other name: by hand, as {@code FileTimestamp} parses, instead of a regular expression per file.
   */
  static int timestampDigits(String name) {
    int n = name.length();
    if (n < 3 + 14 + 1 + 1 + 4 || !name.regionMatches(true, 0, "TR_", 0, 3)
        || !name.regionMatches(true, n - 4, ".DAT", 0, 4)) {
      return -1;
    }
    int i = 3;
    while (i < n && isAsciiDigit(name.charAt(i))) {
      i++;
    }
    int digits = i - 3;
    if (digits < 14 || digits > 17 || name.charAt(i) != '_') {
      return -1;
    }
    int seq = n - 4 - (i + 1);
    if (seq < 1 || seq > 9) {
      return -1;
    }
    for (int k = i + 1; k < n - 4; k++) {
      if (!isAsciiDigit(name.charAt(k))) {
        return -1;
      }
    }
    return digits;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static List<Path> list(Path dir, Consumer<TransactionProblem> onProblem) {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      ds.forEach(out::add);
    } catch (IOException e) {
      onProblem.accept(new TransactionProblem(dir, 0, Code.UNREADABLE,
          "cannot list the folder: " + e.getMessage()));
    }
    Collections.sort(out);
    return out;
  }

  /** The bytes of {@code file} from byte {@code start} to its end, the file opened without following a link. */
  private static byte[] bytesFrom(Path file, long start) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("not a regular file");
    }
    try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = ch.size();
      if (size - start > Integer.MAX_VALUE - 8) {
        throw new IOException("the file is larger than 2 GB");
      }
      byte[] out = new byte[(int) Math.max(0, size - start)];
      ch.position(start);
      ByteBuffer buf = ByteBuffer.wrap(out);
      while (buf.hasRemaining()) {
        if (ch.read(buf) < 0) {
          return java.util.Arrays.copyOf(out, buf.position()); // shrank while read
        }
      }
      return out;
    }
  }

  private static long crc(byte[] bytes, int from, int to) {
    CRC32 crc = new CRC32();
    crc.update(bytes, from, to - from);
    return crc.getValue();
  }

  /**
   * The records of one file after {@code since} (exclusive; null for all), in file order. Every header is still read,
   * so a record that cannot be placed is reported wherever it lies; only the message bodies of records at or before
   * {@code since} are not decoded, since nobody sees them.
   */
  static List<TransactionEntry> read(Path file, @Nullable LocalDateTime since,
      Consumer<TransactionProblem> onProblem) {
    byte[] bytes;
    try {
      bytes = bytesFrom(file, 0);
    } catch (IOException e) {
      onProblem.accept(new TransactionProblem(file, 0, Code.UNREADABLE,
          "cannot read the file: " + e.getMessage()));
      return List.of();
    }
    return scan(file, bytes, 0, 0, 1, false, since, onProblem).entries();
  }

  /**
   * What one scan of a file's bytes gave: its entries and where it ended ({@code end}, absolute, and the line of the
   * byte there), with the CRC-32 of the bytes before the end.
   */
  record Scan(List<TransactionEntry> entries, long end, int endLine, long check) {}

  /**
   * Scans {@code bytes} (the file's bytes from absolute offset {@code base} on) from index {@code from}, whose line is
   * {@code firstLine}. {@code continuation}: {@code from} is where an earlier reading ended, so the bytes before the
   * first header there are the rest of the record it read last, not text that cannot be placed.
   */
  static Scan scan(Path file, byte[] bytes, long base, int from, int firstLine, boolean continuation,
      @Nullable LocalDateTime since, Consumer<TransactionProblem> onProblem) {
    // One pass finds the header lines and their line numbers.
    int[] headers = new int[16];
    int[] lines = new int[16];
    int count = 0;
    int lineNo = firstLine;
    for (int i = from; i < bytes.length; i++) {
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
    // The end: before a last CR, which a writer may be about to follow with LF (CRLF is one line end, not two).
    int end = bytes.length;
    int endLine = lineNo;
    if (end > from && bytes[end - 1] == '\r') {
      end--;
      endLine--;
    }
    long check = crc(bytes, Math.max(0, end - CHECKED), end);
    List<TransactionEntry> out = new ArrayList<>();
    int firstHeader = count == 0 ? bytes.length : headers[0];
    if (!continuation && !isBlank(bytes, from, firstHeader)) {
      onProblem.accept(new TransactionProblem(file, firstLine, Code.UNPLACED_TEXT, count == 0
          ? "no #SSMIX header line in the file (" + (bytes.length - from) + " bytes); expected records of a "
              + "'#SSMIX,…' line followed by an HL7 message"
          : "text before the first #SSMIX header line cannot be placed (" + (firstHeader - from) + " bytes)"));
    }
    for (int h = 0; h < count; h++) {
      int start = headers[h];
      int stop = h + 1 < count ? headers[h + 1] : bytes.length;
      int eol = start;
      while (eol < stop && bytes[eol] != '\r' && bytes[eol] != '\n') {
        eol++;
      }
      String header = new String(bytes, start, eol - start, StandardCharsets.ISO_8859_1);
      int bodyFrom = eol;
      parse(file, lines[h], header, () -> body(bytes, bodyFrom, stop), since, onProblem).ifPresent(out::add);
    }
    return new Scan(out, base + end, endLine, check);
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
      onProblem.accept(new TransactionProblem(file, line, Code.ODD_HEADER, "header has " + f.length
          + " fields instead of 10; read with the time from field " + (timeIndex + 1) + expected));
    }
    if (since != null && !time.get().isAfter(since)) {
      return Optional.empty();
    }
    return Optional.of(new TransactionEntry(file, line, f[1], f[2], new VersionKey(patient, date.get(), type, f[6]),
        op.get(), department, timestamp, time.get(), message.get()));
  }

  private static Optional<TransactionEntry> problem(Path file, int line, String reason,
      Consumer<TransactionProblem> onProblem) {
    onProblem.accept(new TransactionProblem(file, line, Code.BAD_HEADER, reason + "; the record is skipped"));
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

  /**
   * The entries of one root's files after {@code since}, file by file, keeping where the last file read ended (the
   * root's mark of the cursor).
   */
  private static final class RootIterator implements Iterator<TransactionEntry> {
    private final Iterator<Named> files;
    private final @Nullable LocalDateTime since;
    private final Consumer<TransactionProblem> onProblem;
    private Iterator<TransactionEntry> current = Collections.emptyIterator();
    private TransactionEntry next;
    private Optional<TransactionCursor.Mark> mark = Optional.empty();

    RootIterator(List<Named> files, @Nullable LocalDateTime since,
        Consumer<TransactionProblem> onProblem) {
      this.files = files.iterator();
      this.since = since;
      this.onProblem = onProblem;
    }

    static RootIterator of(List<Named> named, @Nullable LocalDateTime since,
        Consumer<TransactionProblem> onProblem) {
      return new RootIterator(skipBefore(named, since), since, onProblem);
    }

    /** Starts with the rest of a file an earlier reading ended in ({@code bytes} from {@code base} on). */
    void first(Named file, byte[] bytes, long base, int from, int line) {
      Scan s = scan(file.path(), bytes, base, from, line, true, since, onProblem);
      current = s.entries().iterator();
      mark = Optional.of(new TransactionCursor.Mark(file.relative(), s.end(), s.endLine(), s.check()));
    }

    /** Where the last file read ended; meaningful once every entry was taken. */
    Optional<TransactionCursor.Mark> mark() {
      return mark;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        while (!current.hasNext()) {
          if (!files.hasNext()) {
            return false;
          }
          Named f = files.next();
          byte[] bytes;
          try {
            bytes = bytesFrom(f.path(), 0);
          } catch (IOException e) {
            onProblem.accept(new TransactionProblem(f.path(), 0, Code.UNREADABLE,
                "cannot read the file: " + e.getMessage()));
            continue;
          }
          Scan s = scan(f.path(), bytes, 0, 0, 1, false, since, onProblem);
          current = s.entries().iterator();
          mark = Optional.of(new TransactionCursor.Mark(f.relative(), s.end(), s.endLine(), s.check()));
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
  private static Iterator<TransactionEntry> merge(List<? extends Iterator<TransactionEntry>> sources) {
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

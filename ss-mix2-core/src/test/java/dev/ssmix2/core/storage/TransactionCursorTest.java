package dev.ssmix2.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the transaction log from a {@link TransactionCursor}: what a resumed reading gives equals what a reading of
 * the whole log gives after the cursor (entries, lines, problems), and a log that is not as the cursor left it is
 * refused ({@link TransactionCursor.Lost}) instead of being read from a wrong place.
 */
class TransactionCursorTest {
  @TempDir Path tmp;

  private static final String[] ENDINGS = {"\r", "\n", "\r\n"};
  private static final LocalDateTime BEFORE_ALL = LocalDateTime.of(2000, 1, 1, 0, 0);

  /**
   * Random logs cut after a random line end (a CR of a CRLF included): the first part read to the end, the rest
   * appended and read from the cursor. Entries and problems, with their lines, are those of one reading of the whole.
   */
  @Test
  void aResumedReadingGivesWhatTheWholeReadingGivesAfterTheCut() throws IOException {
    Random random = new Random(20261128);
    for (int round = 0; round < 300; round++) {
      String text = randomLog(random);
      List<Integer> cuts = new ArrayList<>();
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\r' || text.charAt(i) == '\n') {
          cuts.add(i + 1);
        }
      }
      int cut = cuts.isEmpty() ? 0 : cuts.get(random.nextInt(cuts.size()));
      Path root = tmp.resolve("r" + round);
      Path file = root.resolve("2024/TR_20240101000000000_1.DAT");
      Files.createDirectories(file.getParent());
      Files.writeString(file, text.substring(0, cut), StandardCharsets.US_ASCII);
      Storage storage = Storage.open(root);
      List<TransactionProblem> firstProblems = new ArrayList<>();
      TransactionCursor.Tail first = storage.readTransactions(BEFORE_ALL, firstProblems::add);
      TransactionCursor cursor = TransactionCursor.parse(first.end().toString()).orElseThrow();
      assertThat(cursor).isEqualTo(first.end());

      Files.writeString(file, text.substring(cut), StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
      List<TransactionProblem> restProblems = new ArrayList<>();
      TransactionCursor.Reading rest = storage.readTransactions(cursor, restProblems::add);
      List<TransactionProblem> wholeProblems = new ArrayList<>();
      TransactionCursor.Tail whole = storage.readTransactions(BEFORE_ALL, wholeProblems::add);

      String shown = "round " + round + ", cut " + cut + ": " + text.replace("\r", "\\r").replace("\n", "\\n");
      assertThat(rest).as(shown).isInstanceOf(TransactionCursor.Tail.class);
      // the record cut in its message is read with part of it first: compare what the header says
      List<String> resumed = new ArrayList<>(headers(first.entries()));
      resumed.addAll(headers(((TransactionCursor.Tail) rest).entries()));
      assertThat(resumed).as(shown).containsExactlyElementsOf(headers(whole.entries()));
      List<String> problems = new ArrayList<>(problemLines(firstProblems));
      problems.addAll(problemLines(restProblems));
      assertThat(problems).as(shown).containsExactlyElementsOf(problemLines(wholeProblems));
      assertThat(((TransactionCursor.Tail) rest).end()).as(shown).isEqualTo(whole.end());
    }
  }

  @Test
  void laterFilesAreReadWholeAndEarlierProblemsAreNotReportedAgain() throws IOException {
    Path root = tmp.resolve("tx");
    Files.createDirectories(root.resolve("2024"));
    Path day1 = root.resolve("2024/TR_20240101000000000_1.DAT");
    Files.writeString(day1, header("0000000001", "UPD", "20240101100000000") + "\r\nMSH|^~\\&|A\r\n"
        + header("0000000002", "INS", "20240101110000000") + "\r\nMSH|^~\\&|B\r\n", StandardCharsets.US_ASCII);
    Storage storage = Storage.open(root);
    List<TransactionProblem> problems = new ArrayList<>();
    TransactionCursor.Tail first = storage.readTransactions(BEFORE_ALL, problems::add);
    assertThat(problems).extracting(TransactionProblem::line).containsExactly(1);

    Files.writeString(day1, header("0000000003", "INS", "20240101120000000") + "\r\nMSH|^~\\&|C\r\n",
        StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
    Files.writeString(root.resolve("2024/TR_20240102000000000_2.DAT"), header("0000000004", "DEL",
        "20240102090000000") + "\r\nMSH|^~\\&|D\r\n", StandardCharsets.US_ASCII);
    problems.clear();
    TransactionCursor.Reading r = storage.readTransactions(first.end(), problems::add);

    assertThat(problems).as("the bad line 1 lies before the cursor").isEmpty();
    assertThat(((TransactionCursor.Tail) r).entries())
        .extracting(e -> e.patientId().value() + " " + e.file().getFileName() + ":" + e.line())
        .containsExactly("0000000003 TR_20240101000000000_1.DAT:5", "0000000004 TR_20240102000000000_2.DAT:1");
    // nothing new: nothing read, the same cursor
    TransactionCursor.Tail again = (TransactionCursor.Tail) storage.readTransactions(
        ((TransactionCursor.Tail) r).end(), problems::add);
    assertThat(again.entries()).isEmpty();
    assertThat(again.end()).isEqualTo(((TransactionCursor.Tail) r).end());
  }

  /**
   * A log split over two roots: each root keeps its own mark (a root without a log yet has none and is read from its
   * start next time), the resumed reading merges both roots' new entries by time, and a storage opened with another
   * number of roots loses the cursor.
   */
  @Test
  void eachRootResumesAtItsOwnMarkAndAnotherRootCountLosesTheCursor() throws IOException {
    Path a = tmp.resolve("tx-a");
    Path b = tmp.resolve("tx-b");
    Files.createDirectories(a.resolve("2024"));
    Files.createDirectories(b);
    Path dayA = a.resolve("2024/TR_20240101000000000_1.DAT");
    Files.writeString(dayA, header("0000000001", "INS", "20240101100000000") + "\r\nMSH|^~\\&|A\r\n",
        StandardCharsets.US_ASCII);
    Storage storage = Storage.open(a, b);
    TransactionCursor.Tail first = storage.readTransactions(BEFORE_ALL, p -> {});
    assertThat(first.entries()).hasSize(1);
    assertThat(first.end().toString()).as("root b has no log yet, so no mark").endsWith(";-");

    Files.writeString(dayA, header("0000000003", "INS", "20240101120000000") + "\r\nMSH|^~\\&|C\r\n",
        StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
    Files.createDirectories(b.resolve("2024"));
    Files.writeString(b.resolve("2024/TR_20240101000000000_1.DAT"), header("0000000002", "INS",
        "20240101110000000") + "\r\nMSH|^~\\&|B\r\n", StandardCharsets.US_ASCII);
    List<TransactionProblem> problems = new ArrayList<>();
    TransactionCursor.Reading r = storage.readTransactions(first.end(), problems::add);

    assertThat(problems).isEmpty();
    assertThat(r).isInstanceOfSatisfying(TransactionCursor.Tail.class, t -> {
      assertThat(t.entries()).extracting(e -> e.patientId().value() + ":" + e.line())
          .as("both roots' new entries, merged by time").containsExactly("0000000002:1", "0000000003:3");
      assertThat(t.end().toString()).doesNotContain(";-");
    });
    assertThat(Storage.open(a).readTransactions(first.end(), problems::add))
        .isInstanceOfSatisfying(TransactionCursor.Lost.class, l -> assertThat(l.reason()).contains("2 root(s)"));
    assertThat(problems).isEmpty();
  }

  @Test
  void aTruncatedReplacedOrRemovedFileLosesTheCursor() throws IOException {
    Path root = tmp.resolve("tx");
    Files.createDirectories(root.resolve("2024"));
    Path file = root.resolve("2024/TR_20240101000000000_1.DAT");
    String one = header("0000000001", "INS", "20240101100000000") + "\r\nMSH|^~\\&|A\r\n";
    String two = header("0000000002", "INS", "20240101110000000") + "\r\nMSH|^~\\&|B\r\n";
    Files.writeString(file, one + two, StandardCharsets.US_ASCII);
    Storage storage = Storage.open(root);
    TransactionCursor cursor = storage.readTransactions(BEFORE_ALL, p -> {}).end();

    Files.writeString(file, one, StandardCharsets.US_ASCII); // truncated
    List<TransactionProblem> problems = new ArrayList<>();
    assertThat(storage.readTransactions(cursor, problems::add)).isInstanceOfSatisfying(TransactionCursor.Lost.class,
        l -> assertThat(l.reason()).contains("shorter"));

    // replaced by a file as long, whose last record has another time
    Files.writeString(file, one + two.replace("20240101110000000", "20240101110000001"), StandardCharsets.US_ASCII);
    assertThat(storage.readTransactions(cursor, problems::add)).isInstanceOfSatisfying(TransactionCursor.Lost.class,
        l -> assertThat(l.reason()).contains("not those"));

    Files.delete(file);
    Files.writeString(root.resolve("2024/bad name.txt"), "x");
    assertThat(storage.readTransactions(cursor, problems::add)).isInstanceOfSatisfying(TransactionCursor.Lost.class,
        l -> assertThat(l.reason()).contains("gone"));
    assertThat(problems).as("a lost cursor reports nothing").isEmpty();
    assertThat(storage.readTransactions(
        TransactionCursor.parse("c1;-;-").orElseThrow(), problems::add)).isInstanceOf(TransactionCursor.Lost.class);
  }

  /**
   * A file logged after the cursor into the previous year's folder (a writer's slip at New Year) is still read, with a
   * problem saying it lies outside its year; a name in a year folder that is no log file's has its own code. Neither
   * code says an entry may be lost, which is what lets an update go on following the log (index module).
   */
  @Test
  void aFileAfterTheCursorInThePreviousYearsFolderIsReadAndStrayNamesHaveTheirCode() throws IOException {
    Path root = tmp.resolve("tx");
    Files.createDirectories(root.resolve("2024"));
    Files.createDirectories(root.resolve("2025"));
    Files.writeString(root.resolve("2025/TR_20250101000000000_1.DAT"), header("0000000001", "INS",
        "20250101100000000") + "\r\nMSH|^~\\&|A\r\n", StandardCharsets.US_ASCII);
    Storage storage = Storage.open(root);
    TransactionCursor cursor = storage.readTransactions(BEFORE_ALL, p -> {}).end();

    Files.writeString(root.resolve("2024/TR_20250101120000000_1.DAT"), header("0000000002", "INS",
        "20250101120000000") + "\r\nMSH|^~\\&|B\r\n", StandardCharsets.US_ASCII);
    Files.writeString(root.resolve("2025/notes.txt"), "left by an operator", StandardCharsets.US_ASCII);
    List<TransactionProblem> problems = new ArrayList<>();
    TransactionCursor.Reading r = storage.readTransactions(cursor, problems::add);

    assertThat(r).isInstanceOfSatisfying(TransactionCursor.Tail.class, t -> assertThat(t.entries())
        .extracting(e -> e.patientId().value()).containsExactly("0000000002"));
    assertThat(problems).extracting(p -> p.file().getFileName() + " " + p.code()).containsExactlyInAnyOrder(
        "TR_20250101120000000_1.DAT OUTSIDE_ITS_YEAR", "notes.txt NOT_A_LOG_FILE");
    assertThat(problems).noneMatch(p -> p.code().entriesMayBeLost());

    Files.writeString(root.resolve("2024/TR_20250101120000000_1.DAT"), "#SSMIX,2.00,9999999999,0000000003,-,"
        + "OMP-01,1,UPD,-,20250101130000000\r\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
    List<TransactionProblem> more = new ArrayList<>();
    storage.readTransactions(((TransactionCursor.Tail) r).end(), more::add);
    assertThat(more).filteredOn(p -> p.code() == TransactionProblem.Code.BAD_HEADER).singleElement()
        .satisfies(p -> assertThat(p.code().entriesMayBeLost()).isTrue());
  }

  /** Text before the first header, a header of eleven fields, a folder entry that is no file: each has its code. */
  @Test
  void eachKindOfProblemHasItsCode() throws IOException {
    Path root = tmp.resolve("codes");
    Files.createDirectories(root.resolve("2024/TR_20240102000000000_1.DAT")); // a folder named like a log file
    Files.writeString(root.resolve("2024/TR_20240101000000000_1.DAT"), "garbage\r\n"
        + header("0000000001", "INS", "20240101100000000") + ",extra\r\nMSH|^~\\&|A\r\n",
        StandardCharsets.US_ASCII);
    List<TransactionProblem> problems = new ArrayList<>();
    Storage.open(root).readTransactions(BEFORE_ALL, problems::add);
    assertThat(problems).extracting(p -> p.file().getFileName() + ":" + p.line() + " " + p.code())
        .containsExactlyInAnyOrder("TR_20240101000000000_1.DAT:1 UNPLACED_TEXT",
            "TR_20240101000000000_1.DAT:2 ODD_HEADER", "TR_20240102000000000_1.DAT:0 UNREADABLE");
    assertThat(problems).allMatch(p -> p.code().entriesMayBeLost());
  }

  @Test
  void theTextFormReadsBackAndOtherTextIsRefused() {
    TransactionCursor c = TransactionCursor.parse("c1;2024/TR_20240101000000000_1.DAT:120:7:1f;-").orElseThrow();
    assertThat(c.toString()).isEqualTo("c1;2024/TR_20240101000000000_1.DAT:120:7:1f;-");
    assertThat(TransactionCursor.parse("c2;-")).isEmpty();
    assertThat(TransactionCursor.parse("c1;2024/x:1:0:0")).as("line 0").isEmpty();
    assertThat(TransactionCursor.parse("c1;2024/x:a:1:0")).isEmpty();
    assertThat(TransactionCursor.parse("c1;20x4/x:1:1:0")).as("a year of four digits").isEmpty();
    assertThat(TransactionCursor.parse("")).isEmpty();
  }

  @Test
  void theStreamAndTheTailAgree() throws IOException {
    Random random = new Random(7);
    Path root = tmp.resolve("tx");
    Path file = root.resolve("2024/TR_20240101000000000_1.DAT");
    Files.createDirectories(file.getParent());
    Files.writeString(file, randomLog(random) + randomLog(random), StandardCharsets.US_ASCII);
    Storage storage = Storage.open(root);
    List<TransactionEntry> streamed;
    try (Stream<TransactionEntry> s = storage.transactions(p -> {})) {
      streamed = s.toList();
    }
    assertThat(lines(storage.readTransactions(BEFORE_ALL, p -> {}).entries()))
        .containsExactlyElementsOf(lines(streamed));
  }

  private static String header(String patient, String op, String time) {
    return "#SSMIX,2.00,9999999999," + patient + ",20240101,OMP-01,1," + op + ",-," + time;
  }

  /** Records mixing line endings, blank and message lines, and now and then a header that cannot be placed. */
  private static String randomLog(Random random) {
    StringBuilder text = new StringBuilder();
    int records = random.nextInt(12);
    for (int r = 0; r < records; r++) {
      String time = String.format("202401011000%02d%03d", r / 10, r % 1000);
      text.append(header("0000000123", random.nextInt(6) == 0 ? "UPD" : "INS", time))
          .append(ENDINGS[random.nextInt(3)]);
      int lines = random.nextInt(4);
      for (int l = 0; l < lines; l++) {
        text.append(random.nextBoolean() ? "MSH|^~\\&|X" : random.nextBoolean() ? "" : "NTE|1||see #SSMIX,")
            .append(ENDINGS[random.nextInt(3)]);
      }
    }
    return text.toString();
  }

  private static List<String> lines(List<TransactionEntry> entries) {
    return entries.stream().map(e -> e.file().getFileName() + ":" + e.line() + " " + e.time() + " " + e.message())
        .toList();
  }

  private static List<String> headers(List<TransactionEntry> entries) {
    return entries.stream().map(e -> e.file().getFileName() + ":" + e.line() + " " + e.time() + " " + e.operation())
        .toList();
  }

  private static List<String> problemLines(List<TransactionProblem> problems) {
    return problems.stream().map(p -> p.file().getFileName() + ":" + p.line() + " " + p.reason()).toList();
  }
}

package dev.ssmix2.examples.web;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The access log the 医療情報システムの安全管理に関するガイドライン asks for: who looked at which patient, when and from where.
 * One JSON object a line, appended and flushed per line:
 * <pre>
 * {"time":"2025-03-01T09:15:02.123+09:00","user":"nurse01","client":"10.0.0.12","action":"search","facility":"","target":"やまだ"}
 * {"time":"2025-03-01T09:15:05.480+09:00","user":"nurse01","client":"10.0.0.12","action":"view-patient","facility":"0412345678","target":"0001"}
 * </pre>
 * {@code facility} is the 医療機関コード of the patient viewed ({@code default} for roots indexed without one), or of the
 * facility a search was restricted to; {@code ""} for a search over every facility and for logins.
 * {@code user} is {@code -} when the viewer runs on localhost without users. A line that cannot be written is reported on
 * stderr with its content and counted in {@link #failures()}; {@link #append} says so, and the viewer then refuses the
 * view it was about to serve (unless started with {@code --audit-fail-open}). A new log file is created readable by its
 * owner only (0600), whatever the umask.
 *
 * <pre>{@code
 * try (AuditLog audit = AuditLog.open(Path.of("viewer-audit.jsonl"))) {
 *   audit.append("nurse01", "10.0.0.12", AuditAction.SEARCH, "やまだ");
 * }
 * }</pre>
 */
public final class AuditLog implements Closeable {
  /** {@code user} when nobody is logged in. */
  public static final String NO_USER = "-";

  /** Where lines go; a file in production, anything in tests. */
  interface Sink extends Closeable {
    void writeLine(String line) throws IOException;
  }

  /**
   * One line. {@code facility} is the 医療機関コード of the patient viewed (or the facility a search was restricted
   * to); {@code ""} when the line concerns no facility (a login, a search over every facility).
   */
  private record Entry(String time, String user, String client, AuditAction action, String facility,
      String target) {}

  /** The type of one line, for {@link Json#prepare}. */
  static Class<?> lineType() {
    return Entry.class;
  }

  private final String name;
  private final Sink sink;
  private final Clock clock;
  private final PrintStream errors;
  private final AtomicLong failures = new AtomicLong();

  AuditLog(String name, Sink sink, Clock clock, PrintStream errors) {
    this.name = name;
    this.sink = sink;
    this.clock = clock;
    this.errors = errors;
  }

  /**
   * Opens {@code file} for appending, creating it (and not its parent folders) when missing.
   *
   * @throws UncheckedIOException naming the file when it cannot be opened: better to refuse to start than to serve unlogged
   */
  public static AuditLog open(Path file) {
    try {
      OwnerOnly.createFile(file);
      BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND, StandardOpenOption.WRITE);
      return new AuditLog(file.toString(), new WriterSink(writer), Clock.systemDefaultZone(), System.err);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open audit log " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Appends one line; never throws for I/O trouble (see the class comment).
   *
   * @return whether the line was written
   */
  public boolean append(String user, String client, AuditAction action, String target) {
    return append(user, client, action, "", target);
  }

  /**
   * Appends one line naming the facility ({@code facility}, a 医療機関コード, {@code default}, or {@code ""} for
   * none) of the patient or search; never throws for I/O trouble (see the class comment).
   *
   * @return whether the line was written
   */
  public boolean append(String user, String client, AuditAction action, String facility, String target) {
    String line = Json.line(new Entry(OffsetDateTime.now(clock).toString(), user, client, action, facility,
        target));
    try {
      synchronized (sink) {
        sink.writeLine(line);
      }
      return true;
    } catch (IOException | RuntimeException e) {
      failures.incrementAndGet();
      errors.println("AUDIT LOG WRITE FAILED (" + name + "): " + e.getMessage() + "; lost entry: " + line);
      return false;
    }
  }

  /** How many lines could not be written since opening. */
  public long failures() {
    return failures.get();
  }

  @Override
  public void close() {
    try {
      synchronized (sink) {
        sink.close();
      }
    } catch (IOException e) {
      errors.println("AUDIT LOG CLOSE FAILED (" + name + "): " + e);
    }
  }

  private static final class WriterSink implements Sink {
    private final BufferedWriter writer;

    WriterSink(BufferedWriter writer) {
      this.writer = writer;
    }

    @Override
    public void writeLine(String line) throws IOException {
      writer.write(line);
      writer.write('\n');
      writer.flush();
    }

    @Override
    public void close() throws IOException {
      writer.close();
    }
  }
}

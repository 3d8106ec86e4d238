package dev.ssmix2.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress for long work: a redrawn bar on an interactive terminal, otherwise a plain line every few seconds so
 * logs of batch runs stay readable. Thread-safe; reporting is cheap enough to call per file.
 */
final class ConsoleProgress implements AutoCloseable {

  private static final long TERMINAL_INTERVAL_NANOS = 100_000_000L;
  private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

  private final PrintWriter out;
  private final String label;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private long lastDrawn;
  private boolean drewBar;

  ConsoleProgress(PrintWriter out, String label, boolean terminal) {
    this.out = out;
    this.label = label;
    this.terminal = terminal;
  }

  /** Progress on stderr, as a bar when a console is attached. */
  static ConsoleProgress onStderr(picocli.CommandLine.Model.CommandSpec spec, String label) {
    return new ConsoleProgress(spec.commandLine().getErr(), label, System.console() != null);
  }

  /** Reports {@code done} of {@code total} units ({@code total <= 0}: unknown). */
  synchronized void update(long done, long total, String unit) {
    long now = System.nanoTime();
    if (now - lastDrawn < (terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS) && done != total) {
      return;
    }
    lastDrawn = now;
    double seconds = Math.max((now - started) / 1e9, 1e-3);
    String rate = String.format(Locale.ROOT, "%,.0f %s/s", done / seconds, unit);
    if (terminal) {
      String bar = total > 0 ? bar(done, total) + " " : "";
      String count = total > 0 ? String.format(Locale.ROOT, "%,d/%,d", done, total) : String.format(Locale.ROOT,
          "%,d", done);
      out.print("\r" + label + " " + bar + count + " " + unit + "  " + rate + "   ");
      drewBar = true;
    } else {
      out.println(label + ": " + String.format(Locale.ROOT, "%,d", done) + (total > 0
          ? String.format(Locale.ROOT, " of %,d", total) : "") + " " + unit + " (" + rate + ")");
    }
    out.flush();
  }

  private static String bar(long done, long total) {
    int width = 30;
    int filled = (int) Math.min(width, done * width / Math.max(total, 1));
    return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
  }

  @Override
  public synchronized void close() {
    if (drewBar) {
      out.println();
      out.flush();
    }
  }
}

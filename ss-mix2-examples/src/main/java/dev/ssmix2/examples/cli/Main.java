package dev.ssmix2.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ssmix2} command: inspect, validate, generate, index, search and view SS-MIX2 storages.
 *
 * <p>Exit status: 0 success, 1 the work ran and found errors (e.g. {@code validate} found an ERROR), 2 the input
 * cannot be used (missing path, bad arguments). Errors are one readable line, never a stack trace; set
 * {@code SSMIX2_DEBUG=1} to get the trace.
 */
@Command(
    name = "ssmix2",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Read, validate, index and search SS-MIX2 standardized storages (標準化ストレージ).",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  /** Exit status when the input cannot be used. */
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status (for tests and embedding). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line with every subcommand registered. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    for (Object sub : Commands.all()) {
      cl.addSubcommand(sub);
    }
    cl.setExecutionExceptionHandler(Main::handleException);
    cl.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("ssmix2: " + ex.getMessage());
      err.println("Try 'ssmix2 " + ex.getCommandLine().getCommandName() + " --help'.");
      err.flush();
      return EXIT_USAGE;
    });
    return cl;
  }

  private static int handleException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    return fail(cl.getErr(), cl.getCommandName(), ex);
  }

  /**
   * Prints {@code ssmix2 COMMAND: what went wrong} and returns {@link #EXIT_USAGE}; with {@code SSMIX2_DEBUG=1} in
   * the environment the stack trace follows.
   */
  static int fail(PrintWriter err, String command, Throwable ex) {
    err.println("ssmix2 " + command + ": " + describe(ex));
    if (debug()) {
      ex.printStackTrace(err);
    }
    err.flush();
    return EXIT_USAGE;
  }

  static boolean debug() {
    String v = System.getenv("SSMIX2_DEBUG");
    return v != null && !v.isBlank() && !v.equals("0");
  }

  /**
   * The error as one line a command-line user can act on: file-system failures as "PATH: reason", never a Java class
   * name (those are stripped from any message, wherever it was built).
   */
  static String describe(Throwable ex) {
    Throwable t = ex;
    while ((t instanceof UncheckedIOException || t.getMessage() == null) && t.getCause() != null) {
      t = t.getCause();
    }
    String m = t instanceof FileSystemException fse ? describeFile(fse) : t.getMessage();
    if (m == null || m.isBlank()) {
      return "an unexpected internal error; run again with SSMIX2_DEBUG=1 to see where it happened";
    }
    return withoutClassNames(m);
  }

  private static final Pattern QUALIFIED_EXCEPTION =
      Pattern.compile("\\b(?:[a-z_][\\w$]*\\.)+([A-Z][\\w$]*(?:Exception|Error))(?::\\s*)?");

  /** Replaces {@code java.nio.file.NoSuchFileException: /x} by {@code no such file or folder: /x}. */
  static String withoutClassNames(String message) {
    Matcher m = QUALIFIED_EXCEPTION.matcher(message);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(wordFor(m.group(1))));
    }
    m.appendTail(sb);
    return sb.toString().strip();
  }

  private static String describeFile(FileSystemException e) {
    String file = e.getFile() == null ? "" : e.getFile();
    String other = e.getOtherFile() == null ? "" : " → " + e.getOtherFile();
    String reason = e.getReason() != null ? e.getReason() : wordFor(e.getClass().getSimpleName()).replace(": ", "");
    if (reason.isBlank()) {
      reason = "cannot be used";
    }
    return file.isEmpty() ? reason : file + other + ": " + reason;
  }

  private static String wordFor(String simpleName) {
    return switch (simpleName) {
      case "NoSuchFileException" -> "no such file or folder: ";
      case "AccessDeniedException" -> "permission denied: ";
      case "FileAlreadyExistsException" -> "already exists: ";
      case "NotDirectoryException" -> "not a folder: ";
      case "DirectoryNotEmptyException" -> "folder not empty: ";
      case "OutOfMemoryError" -> "out of memory (give Java more with -Xmx): ";
      default -> "";
    };
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"ssmix2 " + (v == null ? "development build" : v)};
    }
  }
}

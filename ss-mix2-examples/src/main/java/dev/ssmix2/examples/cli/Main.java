package dev.ssmix2.examples.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
    PrintWriter err = cl.getErr();
    err.println("ssmix2 " + cl.getCommandName() + ": " + describe(ex));
    if (System.getenv("SSMIX2_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    err.flush();
    return EXIT_USAGE;
  }

  static String describe(Throwable ex) {
    Throwable t = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"ssmix2 " + (v == null ? "development build" : v)};
    }
  }
}

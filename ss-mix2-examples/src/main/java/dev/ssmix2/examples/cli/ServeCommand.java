package dev.ssmix2.examples.cli;

import dev.ssmix2.examples.web.IndexViewerData;
import dev.ssmix2.examples.web.UserStore;
import dev.ssmix2.examples.web.ViewerServer;
import dev.ssmix2.index.store.PatientIndex;
import dev.ssmix2.index.store.PatientStore;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ssmix2 serve}: the outage viewer over an index. Binds 127.0.0.1 unless users are configured; every search
 * and view is appended to the audit log.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the web viewer (search, patient chart, raw HL7) over an index built by 'ssmix2 index'.")
final class ServeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Mixin
  IndexOptions where = new IndexOptions();

  @Option(names = "--port", defaultValue = "8080", description = "Port (0 = any free port; default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind", defaultValue = "127.0.0.1",
      description = "Address to bind (default ${DEFAULT-VALUE}). Any other address requires --users.")
  String bind;

  @Option(names = "--users", paramLabel = "FILE",
      description = "User file (see 'ssmix2 useradd'); when given, every page and API call needs a login.")
  Path users;

  @Option(names = "--threads", paramLabel = "N",
      description = "Request threads (1-256; default one per core, at least 2).")
  int threads = ViewerServer.Builder.defaultThreads();

  @Option(names = "--audit-log", paramLabel = "FILE",
      description = "Audit log of searches and views (default: audit.log beside the index folder).")
  Path auditLog;

  @Option(names = "--audit-fail-open",
      description = "Serve searches and views even when their audit line cannot be written (default: refuse them "
          + "with 503 until the log is writable again).")
  boolean auditFailOpen;

  @Option(names = "--tls-keystore", paramLabel = "FILE",
      description = "Serve HTTPS with this PKCS#12 key store; its password comes from the environment variable "
          + TLS_PASSWORD_ENV + ", else it is asked for.")
  Path tlsKeyStore;

  @picocli.CommandLine.Mixin
  MaxFileSizeOption maxFileSize;

  static final String TLS_PASSWORD_ENV = "SSMIX2_TLS_PASSWORD";

  @Override
  public Integer call() {
    try {
      where.check();
    } catch (UsageException e) {
      spec.commandLine().getErr().println("ssmix2 serve: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    if (!where.isSolr() && !PatientIndex.exists(where.indexDir())) {
      spec.commandLine().getErr().println("ssmix2 serve: no index at " + where.indexDir()
          + "; build one with 'ssmix2 index --index " + where.indexDir() + " ROOT...'");
      return Main.EXIT_USAGE;
    }
    if (where.isSolr() && auditLog == null) {
      spec.commandLine().getErr().println("ssmix2 serve: with --solr give --audit-log FILE: each viewer keeps its own "
          + "audit log on its own machine");
      return Main.EXIT_USAGE;
    }
    if (users != null && !Files.isRegularFile(users)) {
      spec.commandLine().getErr().println("ssmix2 serve: user file " + users
          + " does not exist; create it with 'ssmix2 useradd --users " + users + " NAME'");
      return Main.EXIT_USAGE;
    }
    if (threads < 1 || threads > 256) {
      spec.commandLine().getErr().println("ssmix2 serve: --threads must be 1 to 256, got " + threads);
      return Main.EXIT_USAGE;
    }
    if (users == null && !isLoopback(bind)) {
      spec.commandLine().getErr().println("ssmix2 serve: --bind " + bind + " lets other machines reach the viewer, "
          + "so everyone must log in: add users with 'ssmix2 useradd --users FILE NAME' and start with --users FILE "
          + "(or leave out --bind to serve only this machine)");
      return Main.EXIT_USAGE;
    }
    if (tlsKeyStore != null && !Files.isRegularFile(tlsKeyStore)) {
      spec.commandLine().getErr().println("ssmix2 serve: key store " + tlsKeyStore + " does not exist");
      return Main.EXIT_USAGE;
    }
    try {
      ViewerServer.checkPortFree(bind, port); // before any slow work: a taken port is reported at once, by number
    } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
      spec.commandLine().getErr().println("ssmix2 serve: " + e.getMessage());
      return Main.EXIT_USAGE;
    }
    char[] tlsPassword = null;
    if (tlsKeyStore != null) {
      String env = System.getenv(TLS_PASSWORD_ENV);
      if (env != null) {
        tlsPassword = env.toCharArray();
      } else if (System.console() != null) {
        tlsPassword = System.console().readPassword("password of key store %s: ", tlsKeyStore);
      }
      if (tlsPassword == null) {
        spec.commandLine().getErr().println("ssmix2 serve: no password for key store " + tlsKeyStore + "; set "
            + TLS_PASSWORD_ENV + " or run on a terminal to be asked");
        return Main.EXIT_USAGE;
      }
    }
    Path audit = auditLog != null ? auditLog : defaultAuditLog(where.indexDir());
    try (PatientStore index = where.openExisting()) {
      StaleIndexWarning.printIfStale("serve", index, where, spec.commandLine().getErr());
      IndexViewerData data = new IndexViewerData(index);
      data.warmUpInBackground();
      ViewerServer.Builder b = ViewerServer.builder(data).bindAddress(bind).port(port)
          .threads(threads).auditLog(audit).auditFailOpen(auditFailOpen);
      if (users != null) {
        b.users(UserStore.load(users));
      }
      if (tlsKeyStore != null) {
        b.tls(tlsKeyStore, tlsPassword);
        java.util.Arrays.fill(tlsPassword, '\0');
      }
      try (ViewerServer server = b.build().start()) {
        var out = spec.commandLine().getOut();
        out.println("ss-mix2 viewer: " + server.url() + "   (" + index.patientCount() + " patients; audit log "
            + audit + ")");
        if (auditFailOpen) {
          out.println("WARNING: --audit-fail-open: searches and views are served even when the audit log cannot be "
              + "written; lost lines are printed on stderr.");
        } else {
          out.println("Searches and views are refused (503) whenever the audit log cannot be written.");
        }
        out.println("Press Ctrl-C to stop.");
        out.flush();
        awaitShutdown(server, index);
      }
    }
    return 0;
  }

  /** True for 127.x, ::1 and names that resolve to them; an unknown name is left to the server to report. */
  private static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return true;
    }
  }

  static Path defaultAuditLog(Path indexDir) {
    Path abs = indexDir.toAbsolutePath().normalize();
    Path parent = abs.getParent() != null ? abs.getParent() : abs;
    return parent.resolve("audit.log");
  }

  /**
   * Blocks until Ctrl-C (JVM shutdown) or until the calling thread is interrupted, which is how a host that embeds the
   * command (or a test) stops it: the caller's try-with-resources then stops the server and closes the index. On
   * Ctrl-C the shutdown hook closes {@code resources} itself, because the JVM does not wait for the main thread.
   */
  static void awaitShutdown(AutoCloseable... resources) {
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      for (AutoCloseable r : resources) {
        try {
          r.close();
        } catch (Exception e) {
          System.err.println("ssmix2: while stopping: " + Main.describe(e));
        }
      }
      stop.countDown();
    }, "ssmix2-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting anyway
      }
    }
  }
}

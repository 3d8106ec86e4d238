package dev.ssmix2.examples.web;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outage viewer: a small HTTP server (JDK {@code com.sun.net.httpserver}) with a Japanese single-page UI for searching
 * a backup of SS-MIX2 data and showing a patient's allergies, prescriptions, labs, problems and encounters at once.
 *
 * <pre>{@code
 * try (ViewerServer server = ViewerServer.builder(data)
 *     .auditLog(Path.of("viewer-audit.jsonl"))
 *     .port(8080)
 *     .build()
 *     .start()) {
 *   System.out.println("open " + server.url());
 *   ...
 * }
 * }</pre>
 *
 * <h2>Security</h2>
 * Binds 127.0.0.1 by default. Any other bind address (e.g. {@code 0.0.0.0} for tablets on the ward LAN) is refused unless
 * a {@link UserStore} is given; then the page and every {@code /api} call need a login (session cookie
 * {@code ssmix2_session}: 256 random bits, HttpOnly, SameSite=Strict, 30 minutes idle / 12 hours at most by default).
 * Without users, requests must name a loopback host ({@code Host: localhost}) to defeat DNS rebinding. Every search and
 * view is appended to the {@link AuditLog}. Responses carry a strict Content-Security-Policy (same origin only, no inline
 * script), {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer} and
 * {@code Cache-Control: no-store}. Identifiers in URLs never become file paths; UI files come from a fixed classpath map.
 * The server speaks plain HTTP: on a network, put it behind a TLS-terminating proxy or a trusted, closed LAN.
 *
 * <h2>HTTP API</h2>
 * All JSON is UTF-8. Errors are {@code {"error": "..."}} with status 400 (bad parameter or identifier), 401 (login
 * required), 403 (cross-origin or non-loopback host), 404 (unknown path, patient or record), 405, 413 or 500 (never with a
 * stack trace).
 * <dl>
 * <dt>{@code GET /}</dt><dd>the UI (redirects to {@code /login} when a login is needed); {@code /static/app.js},
 *   {@code /static/app.css}, {@code /static/login.js}.</dd>
 * <dt>{@code GET /api/search?q=やまだ&limit=20}</dt><dd>{@link SearchResponse}: {@code {"query":"やまだ","hits":[{
 *   "patientId":"0001","name":"山田 太郎","kana":"ヤマダ タロウ","birthDate":"1950-04-01","age":75,"sex":"M",
 *   "score":12.5,"matched":["読み一致"]}]}}; limit 1–100 (default 20); a blank {@code q} gives no hits.</dd>
 * <dt>{@code GET /api/patients/{id}}</dt><dd>{@link PatientChart}: {@code {"patientId","name","kana","romaji",
 *   "birthDate","age","sex","address","phones":[],"allergiesRecorded":true,"allergies":[{"allergen","type","severity",
 *   "reaction"}],"prescriptions":[{"recordId","date","start","kind":"処方|注射","drug","dose","unit","usage","days","route"}],
 *   "labs":[{"recordId","date","code","name","value","unit","referenceRange","abnormalFlag","specimen"}],
 *   "problems":[{"name","icd10","onset","status"}],"encounters":[{"recordId","date","kind","department","ward"}],
 *   "notes":[]}}</dd>
 * <dt>{@code GET /api/patients/{id}/records?history=false}</dt><dd>list of {@link RecordRow}: {@code [{"recordId",
 *   "dataType","dataTypeName","date","orderNo","timestamp","status":"current|superseded|deleted","file","summary"}]};
 *   {@code history=true} adds superseded and deleted versions.</dd>
 * <dt>{@code GET /api/records/{recordId}/raw}</dt><dd>{@link RawRecord}: {@code {"recordId","file","charset","status",
 *   "text"}}, the HL7 message one segment per line.</dd>
 * <dt>{@code GET /api/session}</dt><dd>{@code {"user":"nurse01","loginRequired":true}} ({@code "-"} without users).</dd>
 * <dt>{@code POST /login}</dt><dd>form {@code user=&password=} (303 to {@code /}, or to {@code /login?error=1}) or JSON
 *   {@code {"user","password"}} (200 {@code {"user"}} or 401); sets the session cookie. Only with users.</dd>
 * <dt>{@code POST /logout}</dt><dd>ends the session, 303 to {@code /login}.</dd>
 * </dl>
 * Example:
 * <pre>
 * curl -s 'http://127.0.0.1:8080/api/search?q=%E3%82%84%E3%81%BE%E3%81%A0'
 * curl -s -c jar -d user=nurse01 -d password=secret http://ward-pc:8080/login
 * curl -s -b jar http://ward-pc:8080/api/patients/0001
 * </pre>
 */
public final class ViewerServer implements AutoCloseable {
  /** Hits returned when the client gives no {@code limit}. */
  public static final int DEFAULT_SEARCH_LIMIT = 20;
  /** The largest {@code limit} a client may ask for. */
  public static final int MAX_SEARCH_LIMIT = 100;

  private final HttpServer server;
  private final ExecutorService executor;
  private final AuditLog audit;
  private final URI url;
  private boolean started;

  /**
   * The JDK server writes a response's headers and body in separate small packets; with Nagle's algorithm on, the body
   * then waits for the client's delayed ACK, and every JSON answer took 40 ms on Linux. Read once, when the JDK's
   * server configuration loads, so it is set before the first server is created — unless the operator chose otherwise.
   */
  static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

  static {
    if (System.getProperty(NO_DELAY_PROPERTY) == null) {
      System.setProperty(NO_DELAY_PROPERTY, "true");
    }
  }

  private ViewerServer(Builder builder) {
    this.audit = AuditLog.open(builder.auditLog);
    try {
      this.server = HttpServer.create(new InetSocketAddress(builder.bindAddress, builder.port), 0);
    } catch (IOException e) {
      audit.close();
      throw new UncheckedIOException("cannot listen on " + builder.bindAddress.getHostAddress() + ":" + builder.port
          + ": " + e.getMessage(), e);
    }
    Sessions sessions = new Sessions(Clock.systemUTC(), builder.sessionIdle, builder.sessionMaxAge);
    server.createContext("/", new ViewerHandler(builder.data, builder.users, sessions, audit, StaticAssets.load(),
        System.err));
    AtomicInteger threadCount = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(builder.threads, runnable -> {
      Thread thread = new Thread(runnable, "ssmix2-viewer-" + threadCount.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    this.url = url(builder.bindAddress, server.getAddress().getPort());
  }

  /** A builder serving {@code data}. */
  public static Builder builder(ViewerData data) {
    return new Builder(data);
  }

  /** Starts answering requests; returns this. */
  public synchronized ViewerServer start() {
    checkState(!started, "the viewer was already started");
    started = true;
    server.start();
    return this;
  }

  /** Stops listening, ends running requests and closes the audit log. */
  public synchronized void stop() {
    // stop(0): JDK 17's HttpServer waits the whole delay even when idle (JDK-8304065), and an outage viewer has no
    // request worth finishing after the operator stopped it.
    server.stop(0);
    executor.shutdownNow();
    audit.close();
  }

  @Override
  public void close() {
    stop();
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Where to point a browser, e.g. {@code http://127.0.0.1:8080/}. */
  public URI url() {
    return url;
  }

  /** Audit lines that could not be written since start. */
  public long auditFailures() {
    return audit.failures();
  }

  private static URI url(InetAddress address, int port) {
    String host;
    if (address.isAnyLocalAddress()) {
      host = "localhost";
    } else if (address instanceof Inet6Address) {
      host = "[" + address.getHostAddress() + "]";
    } else {
      host = address.getHostAddress();
    }
    return URI.create("http://" + host + ":" + port + "/");
  }

  /** Configures a {@link ViewerServer}; only {@link #auditLog} is required. */
  public static final class Builder {
    private final ViewerData data;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int port = 8080;
    private Optional<UserStore> users = Optional.empty();
    private Path auditLog;
    private Duration sessionIdle = Duration.ofMinutes(30);
    private Duration sessionMaxAge = Duration.ofHours(12);
    private int threads = defaultThreads();

    private Builder(ViewerData data) {
      this.data = checkNotNull(data, "data");
    }

    /** The address to listen on, default 127.0.0.1; anything but loopback needs {@link #users}. */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = checkNotNull(address, "address");
      return this;
    }

    /** The address to listen on as a literal or host name, e.g. {@code "0.0.0.0"}. */
    public Builder bindAddress(String address) {
      checkNotNull(address, "address");
      try {
        return bindAddress(InetAddress.getByName(address));
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("cannot resolve bind address '" + address + "'", e);
      }
    }

    /** The port, default 8080; 0 picks a free one (see {@link ViewerServer#port()}). */
    public Builder port(int port) {
      checkArgument(port >= 0 && port <= 65535, "port must be 0 to 65535, got %s", port);
      this.port = port;
      return this;
    }

    /** Requires a login for the page and the API. */
    public Builder users(UserStore users) {
      checkArgument(users.size() > 0, "the user file has no users: nobody could log in (add one with UserStore.add)");
      this.users = Optional.of(users);
      return this;
    }

    /** The access log to append to (created when missing). Required. */
    public Builder auditLog(Path file) {
      this.auditLog = checkNotNull(file, "audit log file");
      return this;
    }

    /** Ends a session after {@code idle} without requests (default 30 minutes) or {@code maxAge} after login (12 h). */
    public Builder sessionTimeout(Duration idle, Duration maxAge) {
      checkArgument(!idle.isNegative() && !idle.isZero(), "idle timeout must be positive, got %s", idle);
      checkArgument(maxAge.compareTo(idle) >= 0, "max age %s must not be shorter than idle timeout %s", maxAge, idle);
      this.sessionIdle = idle;
      this.sessionMaxAge = maxAge;
      return this;
    }

    /**
     * Request threads, default {@link #defaultThreads()}. A search is CPU work of about half a millisecond; threads
     * beyond the cores only take turns on them, and every answer then waits for the others' slices: with 20 clients
     * on 2 cores, p99 was 14 ms with 2 threads, 19 ms with 4 and 30 ms with 8 (benchmarks/README.md).
     */
    public Builder threads(int threads) {
      checkArgument(threads >= 1 && threads <= 256, "threads must be 1 to 256, got %s", threads);
      this.threads = threads;
      return this;
    }

    /** One request thread per core, at least two, so a chart that waits for its files does not stall searches. */
    public static int defaultThreads() {
      return Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Opens the audit log and binds the port (not yet serving; call {@link ViewerServer#start()}).
     *
     * @throws IllegalArgumentException when binding a non-loopback address without users
     * @throws IllegalStateException when no audit log was given
     * @throws UncheckedIOException when the audit log cannot be opened or the port cannot be bound
     */
    public ViewerServer build() {
      checkState(auditLog != null, "an audit log file is required: every patient search and view must be logged");
      checkArgument(bindAddress.isLoopbackAddress() || users.isPresent(),
          "refusing to bind %s without users: anyone on the network could read patient data. Bind 127.0.0.1, or give "
              + "a UserStore (create one with UserStore.add) so that a login is required", bindAddress.getHostAddress());
      return new ViewerServer(this);
    }
  }
}

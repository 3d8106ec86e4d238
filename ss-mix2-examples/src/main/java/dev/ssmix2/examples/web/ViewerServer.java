package dev.ssmix2.examples.web;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The outage viewer: a small HTTP server (Jetty 12, core API) with a Japanese single-page UI for searching
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
 * The server speaks plain HTTP unless given a key store ({@link Builder#tls}); on a network use TLS, or a TLS-terminating
 * proxy, or a trusted, closed LAN.
 *
 * <h2>Hostile clients</h2>
 * Connections are read by Jetty's selector without holding a request thread, so clients that send nothing, or a byte
 * now and then, cannot starve the request threads; a connection idle for {@link Builder#idleTimeout} (default 20 s) is
 * closed, whether in the request line, the headers, the body or between requests. A login body must arrive whole within
 * 10 s. Connections are capped ({@value #MAX_CONNECTIONS}; further ones wait in the kernel's accept queue of
 * {@value #ACCEPT_QUEUE}), and the request queue is bounded. Failed logins are throttled per user name and per client
 * address ({@link LoginThrottle}). Every failure, including malformed request lines and raw non-ASCII bytes in a URL, is
 * answered as {@code {"error": "..."}}.
 *
 * <h2>Audit</h2>
 * A search or view whose audit line cannot be written is refused with 503, unless {@link Builder#auditFailOpen} chose
 * availability. The audit log is created owner-only (0600).
 *
 * <h2>HTTP API</h2>
 * All JSON is UTF-8. Errors are {@code {"error": "..."}} with status 400 (bad parameter, identifier or URL), 401 (login
 * required), 403 (cross-origin or non-loopback host), 404 (unknown path, patient or record), 405, 408, 413, 429 (login
 * throttled, with {@code Retry-After}), 503 (audit log not writable) or 500 (never with a stack trace).
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
  /** Open connections at most; more wait in the accept queue. */
  public static final int MAX_CONNECTIONS = 1_000;
  /** The kernel's backlog of connections not yet accepted. */
  public static final int ACCEPT_QUEUE = 128;
  /** Requests waiting for a thread at most; beyond, the connection is closed. */
  static final int MAX_QUEUED_REQUESTS = 1_000;

  private final Server server;
  private final ServerConnector connector;
  private final AuditLog audit;
  private final boolean tls;
  private final String bindText;
  private final int requestedPort;
  private boolean started;

  private ViewerServer(Builder builder) {
    this.audit = AuditLog.open(builder.auditLog);
    this.tls = builder.keyStore != null;
    this.bindText = builder.bindAddress.getHostAddress();
    this.requestedPort = builder.port;
    // Request threads plus the acceptor and the selector; the search is CPU work, so more threads than the operator
    // asked for would only take turns on the cores (see Builder#threads).
    QueuedThreadPool pool = new QueuedThreadPool(builder.threads + 2, Math.min(builder.threads + 2, 4), 60_000, 0,
        new BlockingArrayQueue<>(64, 64, MAX_QUEUED_REQUESTS), null);
    pool.setName("ssmix2-viewer");
    pool.setDaemon(true);
    server = new Server(pool);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setRequestHeaderSize(8 * 1024);
    http.setHttpCompliance(HttpCompliance.RFC9110);
    http.setUriCompliance(UriCompliance.DEFAULT);
    HttpConnectionFactory h1 = new HttpConnectionFactory(http);
    if (tls) {
      http.addCustomizer(new SecureRequestCustomizer(false));
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStorePath(builder.keyStore.toAbsolutePath().toString());
      ssl.setKeyStorePassword(new String(builder.keyStorePassword));
      ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
      connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(ssl, h1.getProtocol()), h1);
    } else {
      connector = new ServerConnector(server, 1, 1, h1);
    }
    connector.setHost(bindText);
    connector.setPort(builder.port);
    connector.setIdleTimeout(builder.idleTimeout.toMillis());
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
    server.setErrorHandler(new JsonErrorHandler());
    Sessions sessions = new Sessions(Clock.systemUTC(), builder.sessionIdle, builder.sessionMaxAge);
    server.setHandler(new ViewerHandler(builder.data, builder.users, sessions, audit, builder.auditFailOpen,
        new LoginThrottle(Clock.systemUTC()), StaticAssets.load(), System.err));
    try {
      connector.open();
    } catch (IOException e) {
      audit.close();
      throw new UncheckedIOException(bindFailure(bindText, builder.port, e), e);
    }
  }

  /** A builder serving {@code data}. */
  public static Builder builder(ViewerData data) {
    return new Builder(data);
  }

  /**
   * Fails unless {@code port} can be bound on {@code address} now; for a check before any slow work, so that a port in
   * use is reported at once and by number.
   *
   * @throws UncheckedIOException saying which port on which address
   */
  public static void checkPortFree(String address, int port) {
    if (port == 0) {
      return;
    }
    try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(address), port));
    } catch (IOException e) {
      throw new UncheckedIOException(bindFailure(address, port, e), e);
    }
  }

  private static String bindFailure(String address, int port, IOException e) {
    if (e instanceof BindException || String.valueOf(e.getMessage()).contains("in use")) {
      return "port " + port + " is already in use on " + address + "; stop the other program or choose another "
          + "port with --port";
    }
    return "cannot listen on " + address + ":" + port + ": " + e.getMessage();
  }

  /** Starts answering requests; returns this. */
  public synchronized ViewerServer start() {
    checkState(!started, "the viewer was already started");
    started = true;
    // the JSON of every answer ready before the first clinician asks (a chart's first JSON cost a third of a second)
    Json.prepare(PatientChart.class, SearchResponse.class, LabTable.class, MedicationPage.class, RecordRow.class,
        RawRecord.class, FacilityInfo.class, AuditLog.lineType());
    try {
      server.start();
    } catch (Exception e) {
      audit.close();
      throw new UncheckedIOException(new IOException("cannot start the viewer on " + bindText + ":" + requestedPort
          + ": " + e.getMessage(), e));
    }
    return this;
  }

  /** Stops listening, ends running requests and closes the audit log. */
  public synchronized void stop() {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping anyway: nothing else to do with a failure here
    } finally {
      try {
        connector.close();
      } finally {
        audit.close();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return connector.getLocalPort();
  }

  /** Where to point a browser, e.g. {@code http://127.0.0.1:8080/}. */
  public URI url() {
    return url(tls, connector.getHost() == null ? InetAddress.getLoopbackAddress() : address(connector.getHost()),
        port());
  }

  /** Audit lines that could not be written since start. */
  public long auditFailures() {
    return audit.failures();
  }

  private static InetAddress address(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("bind address " + host + " no longer resolves", e);
    }
  }

  private static URI url(boolean tls, InetAddress address, int port) {
    String host;
    if (address.isAnyLocalAddress()) {
      host = "localhost";
    } else if (address instanceof Inet6Address) {
      host = "[" + address.getHostAddress() + "]";
    } else {
      host = address.getHostAddress();
    }
    return URI.create((tls ? "https" : "http") + "://" + host + ":" + port + "/");
  }

  /** Configures a {@link ViewerServer}; only {@link #auditLog} is required. */
  public static final class Builder {
    private final ViewerData data;
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int port = 8080;
    private Optional<UserStore> users = Optional.empty();
    private Path auditLog;
    private boolean auditFailOpen;
    private Duration sessionIdle = Duration.ofMinutes(30);
    private Duration sessionMaxAge = Duration.ofHours(12);
    private Duration idleTimeout = Duration.ofSeconds(20);
    private int threads = defaultThreads();
    private Path keyStore;
    private char[] keyStorePassword;

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

    /** The access log to append to (created owner-only when missing). Required. */
    public Builder auditLog(Path file) {
      this.auditLog = checkNotNull(file, "audit log file");
      return this;
    }

    /**
     * Serve views even when their audit line cannot be written (the loss is still reported on stderr). Default: refuse
     * them with 503, because an unlogged view of patient data is what the audit exists to prevent.
     */
    public Builder auditFailOpen(boolean failOpen) {
      this.auditFailOpen = failOpen;
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
     * Closes a connection that sent nothing for this long, in the request line, headers, body or between requests
     * (default 20 s).
     */
    public Builder idleTimeout(Duration timeout) {
      checkArgument(!timeout.isNegative() && !timeout.isZero(), "idle timeout must be positive, got %s", timeout);
      this.idleTimeout = timeout;
      return this;
    }

    /**
     * Request threads, default {@link #defaultThreads()}. A search is CPU work of about half a millisecond; threads
     * beyond the cores only take turns on them, and every answer then waits for the others' slices: with 20 clients
     * on 2 cores, p99 was 14 ms with 2 threads, 19 ms with 4 and 30 ms with 8 (benchmarks/README.md). Idle and slow
     * connections hold no thread.
     */
    public Builder threads(int threads) {
      checkArgument(threads >= 1 && threads <= 256, "threads must be 1 to 256, got %s", threads);
      this.threads = threads;
      return this;
    }

    /**
     * Serves HTTPS with the key and certificate of a PKCS#12 (or JKS) key store. Session cookies then carry
     * {@code Secure}.
     */
    public Builder tls(Path keyStore, char[] password) {
      this.keyStore = checkNotNull(keyStore, "key store");
      this.keyStorePassword = checkNotNull(password, "key store password").clone();
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

package dev.ssmix2.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes every request of the viewer. Paths are matched segment by segment against a fixed set of routes; identifiers
 * from the path go through {@link PathSegment} and then only to {@link ViewerData}.
 *
 * <p>Request bodies (only logins have one) are read asynchronously with a deadline, so a client that sends its body a
 * byte at a time holds no request thread; the password is then checked on a pool thread.
 */
final class ViewerHandler extends Handler.Abstract {
  static final String SESSION_COOKIE = "ssmix2_session";
  static final int MAX_QUERY_CODE_POINTS = 200;
  /** The whole login body must arrive within this time. */
  static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

  private final ViewerData data;
  private final Optional<UserStore> users;
  private final Sessions sessions;
  private final AuditLog audit;
  private final boolean auditFailOpen;
  private final LoginThrottle throttle;
  private final StaticAssets assets;
  private final PrintStream errors;

  ViewerHandler(ViewerData data, Optional<UserStore> users, Sessions sessions, AuditLog audit, boolean auditFailOpen,
      LoginThrottle throttle, StaticAssets assets, PrintStream errors) {
    this.data = data;
    this.users = users;
    this.sessions = sessions;
    this.audit = audit;
    this.auditFailOpen = auditFailOpen;
    this.throttle = throttle;
    this.assets = assets;
    this.errors = errors;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Exchange exchange = new Exchange(request, response, callback);
    SecurityHeaders.apply(response.getHeaders());
    guarded(exchange, () -> route(exchange));
    return true;
  }

  /** Runs {@code work}, turning every failure into a JSON error; the client never sees internals. */
  private void guarded(Exchange exchange, Runnable work) {
    try {
      work.run();
    } catch (HttpError e) {
      exchange.sendJson(e.status(), Map.of("error", e.getMessage()));
    } catch (AmbiguousPatientException e) {
      exchange.sendJson(409, Map.of("error", e.getMessage(), "candidates", e.candidates()));
    } catch (RuntimeException e) {
      // The client learns nothing about internals; the operator gets the whole story.
      errors.println("viewer: internal error on " + exchange.method() + " " + exchange.rawPath());
      e.printStackTrace(errors);
      exchange.sendJson(500, Map.of("error", "internal error"));
    }
  }

  private void route(Exchange exchange) {
    if (users.isEmpty() && !HostCheck.isLoopback(exchange.header("Host").orElse(null))) {
      throw new HttpError(403, "this viewer only answers to localhost");
    }
    String path = exchange.rawPath();
    if (path == null || path.isEmpty()) {
      throw HttpError.badRequest("no path");
    }
    String method = exchange.method();
    if (path.equals("/login") && users.isPresent() && method.equals("POST")) {
      login(exchange);
      return;
    }
    if (path.equals("/logout") && users.isPresent()) {
      requireMethod(method, "POST");
      logout(exchange);
      return;
    }
    if (path.startsWith("/api/")) {
      requireMethod(method, "GET");
      api(exchange, path);
      return;
    }
    requireMethod(method, "GET");
    if (path.equals("/login") && users.isEmpty()) {
      throw HttpError.notFound();
    }
    StaticAssets.Asset asset = assets.get(path).orElseThrow(HttpError::notFound);
    if (path.equals("/") && user(exchange).isEmpty()) {
      exchange.redirect("/login");
      return;
    }
    exchange.send(200, asset.contentType(), asset.bytes());
  }

  private void api(Exchange exchange, String path) {
    String user = user(exchange).orElseThrow(() -> new HttpError(401, "login required"));
    String client = exchange.client();
    List<String> segments = List.of(path.substring("/api/".length()).split("/", -1));
    Map<String, String> parameters = Requests.parameters(exchange.rawQuery());
    Object answer;
    if (segments.equals(List.of("search"))) {
      answer = search(user, client, parameters);
    } else if (segments.equals(List.of("session"))) {
      answer = Map.of("user", user, "loginRequired", users.isPresent(), "facilities", data.facilities());
    } else if (segments.size() == 2 && segments.get(0).equals("patients")) {
      String patientId = patientKey(user, client, AuditAction.VIEW_PATIENT, segments.get(1));
      answer = data.patient(patientId).orElseThrow(() -> new HttpError(404, "no such patient"));
    } else if (segments.size() == 3 && segments.get(0).equals("patients") && segments.get(2).equals("records")) {
      boolean history = history(parameters.get("history"));
      String patientId = patientKey(user, client, AuditAction.VIEW_RECORDS, segments.get(1));
      answer = data.records(patientId, history).orElseThrow(() -> new HttpError(404, "no such patient"));
    } else if (segments.size() == 3 && segments.get(0).equals("patients") && segments.get(2).equals("fhir")) {
      String patientId = patientKey(user, client, AuditAction.VIEW_FHIR, segments.get(1));
      String bundle = data.fhir(patientId).orElseThrow(() -> new HttpError(404, "no such patient"));
      exchange.send(200, "application/fhir+json; charset=utf-8", bundle.getBytes(StandardCharsets.UTF_8));
      return;
    } else if (segments.size() == 3 && segments.get(0).equals("patients")
        && (segments.get(2).equals("labs") || segments.get(2).equals("medications"))) {
      LocalDate before = before(parameters.get("before"));
      String patientId = patientKey(user, client, AuditAction.VIEW_PATIENT, segments.get(1));
      Optional<?> page = segments.get(2).equals("labs") ? data.labs(patientId, before)
          : data.medications(patientId, before);
      answer = page.orElseThrow(() -> new HttpError(404, "no such patient"));
    } else if (segments.size() == 3 && segments.get(0).equals("records") && segments.get(2).equals("raw")) {
      String recordId = PathSegment.identifier(segments.get(1));
      audited(user, client, AuditAction.VIEW_RAW,
          data.recordFacility(recordId).map(FacilityInfo::code).orElse(""), recordId);
      answer = data.raw(recordId).orElseThrow(() -> new HttpError(404, "no such record"));
    } else {
      throw HttpError.notFound();
    }
    exchange.sendJson(200, answer);
  }

  /**
   * The key of the patient a URL segment names, after the audit line naming facility and 患者ID is written (the
   * attempt is logged too when the key names nobody, or patients of several facilities: then 404 or 409).
   */
  private String patientKey(String user, String client, AuditAction action, String segment) {
    String key = PathSegment.identifier(segment);
    Optional<ViewerData.PatientRef> ref;
    try {
      ref = data.resolve(key);
    } catch (AmbiguousPatientException e) {
      audited(user, client, action, "", key);
      throw e;
    }
    if (ref.isEmpty()) {
      audited(user, client, action, "", key);
      throw new HttpError(404, "no such patient");
    }
    audited(user, client, action, ref.get().facility().code(), ref.get().patientId());
    return ref.get().key();
  }

  /**
   * Writes the audit line of a view before serving it. When the line cannot be written the view is refused (503),
   * unless the operator chose availability with {@code --audit-fail-open}.
   */
  private void audited(String user, String client, AuditAction action, String target) {
    audited(user, client, action, "", target);
  }

  private void audited(String user, String client, AuditAction action, String facility, String target) {
    if (!audit.append(user, client, action, facility, target) && !auditFailOpen) {
      throw new HttpError(503, "the audit log cannot be written, so patient data is not shown; tell the operator "
          + "(the disk may be full)");
    }
  }

  /** The {@code before} parameter of a history page: an ISO date. */
  private static LocalDate before(String value) {
    if (value == null || value.isBlank()) {
      throw HttpError.badRequest("before=yyyy-MM-dd is required");
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw HttpError.badRequest("before must be a date (yyyy-MM-dd)");
    }
  }

  private SearchResponse search(String user, String client, Map<String, String> parameters) {
    String query = parameters.getOrDefault("q", "").strip();
    int limit = limit(parameters.get("limit"));
    if (query.codePointCount(0, query.length()) > MAX_QUERY_CODE_POINTS) {
      throw HttpError.badRequest("query longer than " + MAX_QUERY_CODE_POINTS + " characters");
    }
    if (query.isEmpty()) {
      return SearchResponse.empty(query);
    }
    String facility = parameters.getOrDefault("facility", "").strip();
    if (!facility.isEmpty() && !facility.matches("[0-9]{10}|default")) {
      throw HttpError.badRequest("facility must be a 10-digit 医療機関コード (or empty for every facility)");
    }
    // Logged before searching: an attempt is an access even when the data layer then fails.
    audited(user, client, AuditAction.SEARCH, facility, query);
    return data.search(query, limit, facility);
  }

  private static int limit(String value) {
    if (value == null || value.isEmpty()) {
      return ViewerServer.DEFAULT_SEARCH_LIMIT;
    }
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= ViewerServer.MAX_SEARCH_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw HttpError.badRequest("limit must be a number from 1 to " + ViewerServer.MAX_SEARCH_LIMIT);
  }

  private static boolean history(String value) {
    if (value == null || value.isEmpty() || value.equals("false")) {
      return false;
    }
    if (value.equals("true")) {
      return true;
    }
    throw HttpError.badRequest("history must be true or false");
  }

  /**
   * The logged-in user, {@link AuditLog#NO_USER} when the viewer has no users, empty when a login is needed. A session
   * of a user since removed from the user file ends here.
   */
  private Optional<String> user(Exchange exchange) {
    if (users.isEmpty()) {
      return Optional.of(AuditLog.NO_USER);
    }
    Optional<String> token = Requests.cookie(exchange, SESSION_COOKIE);
    Optional<String> user = token.flatMap(sessions::user);
    if (user.isPresent() && !users.get().contains(user.get())) {
      sessions.endAll(user.get());
      return Optional.empty();
    }
    return user;
  }

  private void login(Exchange exchange) {
    checkSameOrigin(exchange);
    long declared = exchange.request.getLength();
    if (declared > Requests.MAX_BODY_BYTES) {
      throw new HttpError(413, "request body larger than " + Requests.MAX_BODY_BYTES + " bytes");
    }
    Executor pool = exchange.request.getComponents().getThreadPool();
    CompletableFuture<byte[]> body = Content.Source.asByteArrayAsync(exchange.request, Requests.MAX_BODY_BYTES + 1)
        .orTimeout(BODY_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    body.whenCompleteAsync((bytes, failure) -> {
      if (failure != null) {
        // too slow or too big: no answer is owed to such a client, the connection is dropped
        exchange.callback.failed(failure);
        return;
      }
      guarded(exchange, () -> login(exchange, new String(bytes, StandardCharsets.UTF_8)));
    }, pool);
  }

  private void login(Exchange exchange, String body) {
    if (body.length() > Requests.MAX_BODY_BYTES) {
      throw new HttpError(413, "request body larger than " + Requests.MAX_BODY_BYTES + " bytes");
    }
    boolean json = Requests.contentType(exchange).startsWith("application/json");
    String name;
    char[] password;
    if (json) {
      JsonNode node;
      try {
        node = Json.mapper().readTree(body);
      } catch (IOException e) {
        throw HttpError.badRequest("body is not JSON");
      }
      if (node == null || !node.path("user").isTextual() || !node.path("password").isTextual()) {
        throw HttpError.badRequest("expected {\"user\": \"...\", \"password\": \"...\"}");
      }
      name = node.get("user").asText();
      password = node.get("password").asText().toCharArray();
    } else {
      Map<String, String> form = Requests.parameters(body);
      name = form.getOrDefault("user", "");
      password = form.getOrDefault("password", "").toCharArray();
    }
    String client = exchange.client();
    UserStore store = users.orElseThrow();
    Optional<LoginThrottle.Refusal> refused = throttle.check(name, client);
    if (refused.isPresent()) {
      java.util.Arrays.fill(password, '\0');
      long seconds = Math.max(1, Duration.between(Instant.now(), refused.get().until()).toSeconds());
      exchange.setHeader("Retry-After", String.valueOf(seconds));
      String why = (refused.get().locked() ? "too many failed logins: locked" : "too many failed logins: wait")
          + " for " + seconds + " s";
      if (json) {
        throw new HttpError(429, why);
      }
      exchange.redirect("/login?error=2");
      return;
    }
    Optional<String> user = store.authenticate(name, password);
    if (user.isEmpty()) {
      String who = loggedName(store, name);
      audit.append(AuditLog.NO_USER, client, AuditAction.LOGIN_FAILED, who);
      throttle.failed(name, client).ifPresent(what -> audit.append(AuditLog.NO_USER, client,
          AuditAction.LOGIN_LOCKED, what.equals("user") ? who : what));
      if (json) {
        throw new HttpError(401, "wrong user name or password");
      }
      exchange.redirect("/login?error=1");
      return;
    }
    throttle.succeeded(name);
    audit.append(user.get(), client, AuditAction.LOGIN, user.get());
    String token = sessions.start(user.get());
    exchange.addHeader("Set-Cookie", SESSION_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
        + (exchange.secure() ? "; Secure" : "") + "; Max-Age=" + sessions.maxAge().toSeconds());
    if (json) {
      exchange.sendJson(200, Map.of("user", user.get()));
    } else {
      exchange.redirect("/");
    }
  }

  /**
   * What a failed login writes as the user: a known user name as is; anything else may be a password typed into the
   * name field, so only "unknown user" and a short hash that tells repeated attempts apart without revealing the text.
   */
  static String loggedName(UserStore store, String typed) {
    if (store.contains(typed)) {
      return typed;
    }
    String hash = Hashing.sha256().hashString(typed, StandardCharsets.UTF_8).toString().substring(0, 12);
    return "unknown user (sha256 " + hash + ")";
  }

  private void logout(Exchange exchange) {
    checkSameOrigin(exchange);
    Optional<String> token = Requests.cookie(exchange, SESSION_COOKIE);
    Optional<String> user = token.flatMap(sessions::user);
    token.ifPresent(sessions::end);
    user.ifPresent(name -> audit.append(name, exchange.client(), AuditAction.LOGOUT, name));
    exchange.addHeader("Set-Cookie", SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    exchange.redirect("/login");
  }

  /**
   * SameSite=Strict already keeps the session cookie off cross-site posts; this also stops login CSRF. Browsers say where
   * a request comes from in {@code Sec-Fetch-Site}; older ones only in {@code Origin}, which is {@code null} under our
   * {@code Referrer-Policy: no-referrer} and then proves nothing either way.
   */
  private static void checkSameOrigin(Exchange exchange) {
    String site = exchange.header("Sec-Fetch-Site").orElse(null);
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw new HttpError(403, "cross-origin request refused");
    }
    String origin = exchange.header("Origin").orElse(null);
    String host = exchange.header("Host").orElse(null);
    if (origin != null && !origin.equals("null") && !origin.equals("http://" + host)
        && !origin.equals("https://" + host)) {
      throw new HttpError(403, "cross-origin request refused");
    }
  }

  private static void requireMethod(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new HttpError(405, "method " + allowed + " expected");
    }
  }
}

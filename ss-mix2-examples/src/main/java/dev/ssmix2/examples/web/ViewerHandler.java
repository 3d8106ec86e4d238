package dev.ssmix2.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes every request of the viewer. Paths are matched segment by segment against a fixed set of routes; identifiers
 * from the path go through {@link PathSegment} and then only to {@link ViewerData}.
 */
final class ViewerHandler implements HttpHandler {
  static final String SESSION_COOKIE = "ssmix2_session";
  static final int MAX_QUERY_CODE_POINTS = 200;

  private final ViewerData data;
  private final Optional<UserStore> users;
  private final Sessions sessions;
  private final AuditLog audit;
  private final StaticAssets assets;
  private final PrintStream errors;

  ViewerHandler(ViewerData data, Optional<UserStore> users, Sessions sessions, AuditLog audit, StaticAssets assets,
      PrintStream errors) {
    this.data = data;
    this.users = users;
    this.sessions = sessions;
    this.audit = audit;
    this.assets = assets;
    this.errors = errors;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      SecurityHeaders.apply(exchange.getResponseHeaders());
      try {
        route(exchange);
      } catch (HttpError e) {
        sendJson(exchange, e.status(), Map.of("error", e.getMessage()));
      } catch (RuntimeException e) {
        // The client learns nothing about internals; the operator gets the whole story.
        errors.println("viewer: internal error on " + exchange.getRequestMethod() + " "
            + exchange.getRequestURI().getRawPath());
        e.printStackTrace(errors);
        sendJson(exchange, 500, Map.of("error", "internal error"));
      }
    } catch (IOException e) {
      // The client went away mid-response; nothing left to tell it.
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    if (users.isEmpty() && !HostCheck.isLoopback(exchange.getRequestHeaders().getFirst("Host"))) {
      throw new HttpError(403, "this viewer only answers to localhost");
    }
    String path = exchange.getRequestURI().getRawPath();
    if (path == null || path.isEmpty()) {
      throw HttpError.badRequest("no path");
    }
    String method = exchange.getRequestMethod();
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
      exchange.getResponseHeaders().set("Location", "/login");
      exchange.sendResponseHeaders(303, -1);
      return;
    }
    send(exchange, 200, asset.contentType(), asset.bytes());
  }

  private void api(HttpExchange exchange, String path) throws IOException {
    String user = user(exchange).orElseThrow(() -> new HttpError(401, "login required"));
    String client = Requests.client(exchange);
    List<String> segments = List.of(path.substring("/api/".length()).split("/", -1));
    Map<String, String> parameters = Requests.parameters(exchange.getRequestURI().getRawQuery());
    Object answer;
    if (segments.equals(List.of("search"))) {
      answer = search(user, client, parameters);
    } else if (segments.equals(List.of("session"))) {
      answer = Map.of("user", user, "loginRequired", users.isPresent());
    } else if (segments.size() == 2 && segments.get(0).equals("patients")) {
      String patientId = PathSegment.identifier(segments.get(1));
      audit.append(user, client, AuditAction.VIEW_PATIENT, patientId);
      answer = data.patient(patientId).orElseThrow(() -> new HttpError(404, "no such patient"));
    } else if (segments.size() == 3 && segments.get(0).equals("patients") && segments.get(2).equals("records")) {
      String patientId = PathSegment.identifier(segments.get(1));
      boolean history = history(parameters.get("history"));
      audit.append(user, client, AuditAction.VIEW_RECORDS, patientId);
      answer = data.records(patientId, history).orElseThrow(() -> new HttpError(404, "no such patient"));
    } else if (segments.size() == 3 && segments.get(0).equals("records") && segments.get(2).equals("raw")) {
      String recordId = PathSegment.identifier(segments.get(1));
      audit.append(user, client, AuditAction.VIEW_RAW, recordId);
      answer = data.raw(recordId).orElseThrow(() -> new HttpError(404, "no such record"));
    } else {
      throw HttpError.notFound();
    }
    sendJson(exchange, 200, answer);
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
    // Logged before searching: an attempt is an access even when the data layer then fails.
    audit.append(user, client, AuditAction.SEARCH, query);
    return data.search(query, limit);
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

  /** The logged-in user, {@link AuditLog#NO_USER} when the viewer has no users, empty when a login is needed. */
  private Optional<String> user(HttpExchange exchange) {
    if (users.isEmpty()) {
      return Optional.of(AuditLog.NO_USER);
    }
    return Requests.cookie(exchange, SESSION_COOKIE).flatMap(sessions::user);
  }

  private void login(HttpExchange exchange) throws IOException {
    checkSameOrigin(exchange);
    boolean json = Requests.contentType(exchange).startsWith("application/json");
    String body = Requests.body(exchange);
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
    String client = Requests.client(exchange);
    Optional<String> user = users.orElseThrow().authenticate(name, password);
    if (user.isEmpty()) {
      audit.append(AuditLog.NO_USER, client, AuditAction.LOGIN_FAILED, name);
      if (json) {
        throw new HttpError(401, "wrong user name or password");
      }
      redirect(exchange, "/login?error=1");
      return;
    }
    audit.append(user.get(), client, AuditAction.LOGIN, user.get());
    String token = sessions.start(user.get());
    exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
        + "; Max-Age=" + sessions.maxAge().toSeconds());
    if (json) {
      sendJson(exchange, 200, Map.of("user", user.get()));
    } else {
      redirect(exchange, "/");
    }
  }

  private void logout(HttpExchange exchange) throws IOException {
    checkSameOrigin(exchange);
    Optional<String> token = Requests.cookie(exchange, SESSION_COOKIE);
    Optional<String> user = token.flatMap(sessions::user);
    token.ifPresent(sessions::end);
    user.ifPresent(name -> audit.append(name, Requests.client(exchange), AuditAction.LOGOUT, name));
    exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    redirect(exchange, "/login");
  }

  /**
   * SameSite=Strict already keeps the session cookie off cross-site posts; this also stops login CSRF. Browsers say where
   * a request comes from in {@code Sec-Fetch-Site}; older ones only in {@code Origin}, which is {@code null} under our
   * {@code Referrer-Policy: no-referrer} and then proves nothing either way.
   */
  private static void checkSameOrigin(HttpExchange exchange) {
    String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw new HttpError(403, "cross-origin request refused");
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    String host = exchange.getRequestHeaders().getFirst("Host");
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

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(303, -1);
  }

  private static void sendJson(HttpExchange exchange, int status, Object value) throws IOException {
    send(exchange, status, "application/json; charset=utf-8", Json.bytes(value));
  }

  private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}

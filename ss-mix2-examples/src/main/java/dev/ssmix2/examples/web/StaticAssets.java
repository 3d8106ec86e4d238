package dev.ssmix2.examples.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The UI files, read once from the classpath into memory. Only the paths in this fixed map exist: a request path is a
 * map key, never part of a resource or file name, so no request can reach any other resource or file.
 */
final class StaticAssets {
  private static final String BASE = "/dev/ssmix2/examples/web/";
  static final String HTML = "text/html; charset=utf-8";
  private static final String JS = "text/javascript; charset=utf-8";
  private static final String CSS = "text/css; charset=utf-8";
  private static final String SVG = "image/svg+xml";

  record Asset(String contentType, byte[] bytes) {}

  private final Map<String, Asset> byPath;

  private StaticAssets(Map<String, Asset> byPath) {
    this.byPath = byPath;
  }

  /** Loads every asset; throws when one is missing from the jar so a broken build fails at start, not on first use. */
  static StaticAssets load() {
    return new StaticAssets(Map.of(
        "/", asset("index.html", HTML),
        "/login", asset("login.html", HTML),
        "/static/app.js", asset("app.js", JS),
        "/static/login.js", asset("login.js", JS),
        "/static/app.css", asset("app.css", CSS),
        "/static/favicon.svg", asset("favicon.svg", SVG),
        // browsers ask for /favicon.ico whatever the page says; an SVG answers it (no 404 in every log)
        "/favicon.ico", asset("favicon.svg", SVG)));
  }

  Optional<Asset> get(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  private static Asset asset(String name, String contentType) {
    try (InputStream in = StaticAssets.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("UI resource " + BASE + name + " is missing from the classpath");
      }
      return new Asset(contentType, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read UI resource " + BASE + name, e);
    }
  }
}

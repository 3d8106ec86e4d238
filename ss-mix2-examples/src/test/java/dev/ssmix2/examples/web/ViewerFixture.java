package dev.ssmix2.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides which data the viewer tests (HTTP and browser) run against, and what they may expect of it.
 * Today it serves {@link FakeViewerData}; to run the same tests over a real index, change {@link #data()} and the
 * scenario constants, nothing else.
 */
final class ViewerFixture implements AutoCloseable {
  /** Typed into the search box; finds {@link #PATIENT_ID}. */
  static final String SEARCH_KANA = "やまだ";
  /** A patient with allergies and an abnormal lab value. */
  static final String PATIENT_ID = FakeViewerData.YAMADA;
  static final String PATIENT_NAME = "山田 太郎";
  /** Typed into the search box; finds {@link #MARKUP_PATIENT_ID}. */
  static final String MARKUP_SEARCH = "すくりぷと";
  /** A patient whose name is HTML markup, which must render as text. */
  static final String MARKUP_PATIENT_ID = FakeViewerData.MARKUP;
  static final String MARKUP_NAME = FakeViewerData.MARKUP_NAME;

  private final ViewerServer server;
  private final Path auditLog;

  private ViewerFixture(ViewerServer server, Path auditLog) {
    this.server = server;
    this.auditLog = auditLog;
  }

  static ViewerData data() {
    return new FakeViewerData();
  }

  /** A localhost viewer without users, on a free port. */
  static ViewerFixture start(Path dir) {
    return start(dir, null);
  }

  /** A localhost viewer that requires a login with {@code users}. */
  static ViewerFixture start(Path dir, UserStore users) {
    Path auditLog = dir.resolve("audit.jsonl");
    ViewerServer.Builder builder = ViewerServer.builder(data()).port(0).auditLog(auditLog);
    if (users != null) {
      builder.users(users);
    }
    return new ViewerFixture(builder.build().start(), auditLog);
  }

  URI url() {
    return server.url();
  }

  URI url(String pathAndQuery) {
    return server.url().resolve(pathAndQuery);
  }

  ViewerServer server() {
    return server;
  }

  Path auditLog() {
    return auditLog;
  }

  /** The audit log's lines, parsed. */
  List<JsonNode> auditLines() {
    try {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(auditLog, StandardCharsets.UTF_8)) {
        lines.add(Json.mapper().readTree(line));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}

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
 * The one place that decides which data the viewer tests (HTTP and browser) run against, and what they may expect of it:
 * the real {@link IndexViewerData} over {@link FixtureIndex#shared()} (NHO samples, public search cases and
 * {@link LabPatientRoot}). Tests that need data no storage can hold (a failing data layer) pass a
 * {@link FakeViewerData} to {@link #start(Path, ViewerData, UserStore)}.
 */
final class ViewerFixture implements AutoCloseable {
  /** Typed into the search box; finds {@link #PATIENT_ID}. */
  static final String SEARCH_KANA = LabPatientRoot.LAB_PATIENT_KANA;
  /** A patient with a drug allergy and クレアチニン on three dates, the last flagged H. */
  static final String PATIENT_ID = LabPatientRoot.LAB_PATIENT_ID;
  static final String PATIENT_NAME = LabPatientRoot.LAB_PATIENT_NAME;
  /** Typed into the search box; finds {@link #HISTORY_PATIENT_ID} (among other 小川 patients). */
  static final String HISTORY_SEARCH = "おがわ けんた";
  /** 小川 健太: one current prescription, a superseded and a deleted one, a lab result, two unreadable files. */
  static final String HISTORY_PATIENT_ID = "0000000111";
  /** The NHO guideline sample patient (ADT-61 allergies, prescriptions, labs, problems, encounters). */
  static final String NHO_PATIENT_ID = "9999013";
  /** Typed into the search box; finds {@link #MARKUP_PATIENT_ID}. */
  static final String MARKUP_SEARCH = "すくりぷと";
  /** A patient whose name is HTML markup, which must render as text. */
  static final String MARKUP_PATIENT_ID = "0000000999";
  static final String MARKUP_NAME = "<script>alert('x')</script>　太郎";

  private final ViewerServer server;
  private final Path auditLog;

  private ViewerFixture(ViewerServer server, Path auditLog) {
    this.server = server;
    this.auditLog = auditLog;
  }

  /** The real adapter over the shared fixture index. */
  static ViewerData data() {
    return new IndexViewerData(FixtureIndex.shared());
  }

  /** A localhost viewer without users, on a free port, with its audit log in {@code dir}. */
  static ViewerFixture start(Path dir) {
    return start(dir, data(), null);
  }

  /** A localhost viewer that requires a login with {@code users}. */
  static ViewerFixture start(Path dir, UserStore users) {
    return start(dir, data(), users);
  }

  /** A localhost viewer over {@code data}; {@code users} may be null for none. */
  static ViewerFixture start(Path dir, ViewerData data, UserStore users) {
    Path auditLog = dir.resolve("audit.jsonl");
    ViewerServer.Builder builder = ViewerServer.builder(data).port(0).auditLog(auditLog);
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

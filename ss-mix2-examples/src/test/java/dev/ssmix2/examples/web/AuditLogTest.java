package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
  @TempDir Path dir;

  @Test
  void writesOneJsonObjectPerLine() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    try (AuditLog audit = AuditLog.open(file)) {
      audit.append("nurse01", "10.0.0.12", AuditAction.SEARCH, "やまだ \"太郎\"\n次の行");
      audit.append(AuditLog.NO_USER, "127.0.0.1", AuditAction.VIEW_PATIENT, "P0001");
      // Flushed per line: readable before close.
      assertThat(Files.readAllLines(file)).hasSize(2);
    }

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    JsonNode first = Json.mapper().readTree(lines.get(0));
    assertThat(first.get("user").asText()).isEqualTo("nurse01");
    assertThat(first.get("client").asText()).isEqualTo("10.0.0.12");
    assertThat(first.get("action").asText()).isEqualTo("search");
    assertThat(first.get("target").asText()).isEqualTo("やまだ \"太郎\"\n次の行");
    assertThat(Json.mapper().readTree(lines.get(1)).get("action").asText()).isEqualTo("view-patient");
  }

  @Test
  void appendsToAnExistingLog() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    Files.writeString(file, "{\"earlier\":true}\n");

    try (AuditLog audit = AuditLog.open(file)) {
      audit.append("u", "c", AuditAction.VIEW_RAW, "r1");
    }

    assertThat(Files.readAllLines(file)).hasSize(2).first().isEqualTo("{\"earlier\":true}");
  }

  @Test
  void writesTheTimeWithItsOffset() {
    StringBuilder out = new StringBuilder();
    Clock tokyo = Clock.fixed(Instant.parse("2025-03-01T00:15:02.123Z"), ZoneId.of("Asia/Tokyo"));
    AuditLog audit = new AuditLog("test", sink(out), tokyo, System.err);

    audit.append("u", "c", AuditAction.LOGIN, "u");

    assertThat(out.toString()).startsWith("{\"time\":\"2025-03-01T09:15:02.123+09:00\",\"user\":\"u\"");
  }

  @Test
  void keepsLinesWholeUnderConcurrentAppends() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    try (AuditLog audit = AuditLog.open(file)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      for (int i = 0; i < 400; i++) {
        int n = i;
        pool.execute(() -> audit.append("u" + n, "c", AuditAction.SEARCH, "q".repeat(n)));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(400);
    for (String line : lines) {
      JsonNode node = Json.mapper().readTree(line);
      int n = Integer.parseInt(node.get("user").asText().substring(1));
      assertThat(node.get("target").asText()).hasSize(n);
    }
  }

  @Test
  void aFailedWriteIsReportedOnStderrAndCountedButDoesNotThrow() {
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    AuditLog.Sink full = new AuditLog.Sink() {
      @Override
      public void writeLine(String line) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void close() {}
    };
    AuditLog audit = new AuditLog("/var/log/audit.jsonl", full, Clock.systemUTC(),
        new PrintStream(errors, true, StandardCharsets.UTF_8));

    audit.append("nurse01", "10.0.0.12", AuditAction.VIEW_PATIENT, "P0001");

    assertThat(audit.failures()).isEqualTo(1);
    assertThat(errors.toString(StandardCharsets.UTF_8))
        .contains("AUDIT LOG WRITE FAILED").contains("/var/log/audit.jsonl").contains("No space left on device")
        .contains("\"target\":\"P0001\"");
  }

  @Test
  void refusesToOpenALogItCannotWrite() {
    Path file = dir.resolve("no-such-folder").resolve("audit.jsonl");

    assertThatThrownBy(() -> AuditLog.open(file)).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot open audit log").hasMessageContaining("no-such-folder");
  }

  private static AuditLog.Sink sink(StringBuilder out) {
    return new AuditLog.Sink() {
      @Override
      public void writeLine(String line) {
        out.append(line).append('\n');
      }

      @Override
      public void close() {}
    };
  }
}

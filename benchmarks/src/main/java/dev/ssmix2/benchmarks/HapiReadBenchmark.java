package dev.ssmix2.benchmarks;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Read path, one message per operation (so ops/s is messages/s; MB/s = messages/s × mean file size, which
 * {@link Report} prints from the {@code corpus-bytes} line written at setup).
 *
 * <ul>
 *   <li>{@code readBytes}: only reading the file's bytes (page cache hot) — the floor.
 *   <li>{@code decode}: {@link Hl7Decoder} on bytes already in memory (charset detection + decoding).
 *   <li>{@code tokenizeIndexFields}: {@link Hl7Message#parse} plus the fields an indexer reads (MSH-9, PID-3, PID-5
 *       all repetitions, PID-7, PID-8) — what the library does on a scan.
 *   <li>{@code tokenizeEveryField}: {@link Hl7Message#parse} then every component of every repetition of every field
 *       of every segment unescaped — the fair like-for-like against a full parse.
 *   <li>{@code hapiPipeParser}: HAPI 2.6 {@code PipeParser} full parse (v2.5 structures, validation off) of the same
 *       decoded text.
 *   <li>{@code decodeAndTokenize} / {@code decodeAndHapi}: end to end from bytes in memory.
 * </ul>
 *
 * <p>Corpora: {@code fixtures} = the NHO samples and the public search-case messages; {@code generated} = the first
 * 5,000 files of a generated {@code realistic} storage (1,000 patients, seed 42, built once in the work folder).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HapiReadBenchmark {

  @Param({"fixtures", "generated"})
  public String corpus;

  private MessageCorpus messages;
  private int next;

  @Setup(Level.Trial)
  public void load() {
    messages = switch (corpus) {
      case "fixtures" -> MessageCorpus.of("fixtures",
          List.of(Workspace.nhoSamples(),
              Workspace.searchCases().resolve("root-dated"),
              Workspace.searchCases().resolve("root-undated")),
          Integer.MAX_VALUE);
      case "generated" -> MessageCorpus.of("generated",
          GeneratedStorage.realistic(1_000, 42).roots(), 5_000);
      default -> throw new BenchmarkSetupException(
          "unknown corpus '" + corpus + "'; expected fixtures or generated", null);
    };
    ResultNotes.record("corpus-bytes." + corpus, messages.meanBytes());
    ResultNotes.record("corpus-messages." + corpus, messages.entries().size());
  }

  @TearDown(Level.Trial)
  public void release() {
    messages = null;
  }

  private MessageCorpus.Entry nextEntry() {
    MessageCorpus.Entry e = messages.get(next);
    next = next + 1 == messages.entries().size() ? 0 : next + 1;
    return e;
  }

  @Benchmark
  public byte[] readBytes() throws IOException {
    return Files.readAllBytes(nextEntry().path());
  }

  @Benchmark
  public String decode() {
    return Hl7Decoder.decode(nextEntry().bytes()).text();
  }

  @Benchmark
  public void tokenizeIndexFields(Blackhole bh) {
    indexFields(Hl7Message.parse(nextEntry().text()), bh);
  }

  @Benchmark
  public void tokenizeEveryField(Blackhole bh) {
    everyField(Hl7Message.parse(nextEntry().text()), bh);
  }

  @Benchmark
  public Object hapiPipeParser() {
    return MessageCorpus.Hapi.parse(nextEntry().er7());
  }

  @Benchmark
  public void decodeAndTokenize(Blackhole bh) {
    indexFields(Hl7Message.parse(Hl7Decoder.decode(nextEntry().bytes()).text()), bh);
  }

  @Benchmark
  public Object decodeAndHapi() {
    String text = Hl7Decoder.decode(nextEntry().bytes()).text();
    return MessageCorpus.Hapi.parse(text.replace("\r\n", "\r").replace('\n', '\r'));
  }

  private static void indexFields(Hl7Message m, Blackhole bh) {
    bh.consume(m.messageType());
    m.segment("PID").ifPresent(pid -> {
      bh.consume(pid.field(3).value());
      Field names = pid.field(5);
      for (int rep = 0; rep < names.repetitionCount(); rep++) {
        bh.consume(names.component(rep, 1));
        bh.consume(names.component(rep, 2));
      }
      bh.consume(pid.value(7));
      bh.consume(pid.value(8));
    });
  }

  private static void everyField(Hl7Message m, Blackhole bh) {
    for (Segment s : m.segments()) {
      for (int f = 1; f <= s.fieldCount(); f++) {
        Field field = s.field(f);
        int reps = field.repetitionCount();
        for (int r = 0; r < reps; r++) {
          int components = field.componentCount(r);
          for (int c = 1; c <= components; c++) {
            bh.consume(field.component(r, c));
          }
        }
      }
    }
  }
}

package dev.ssmix2.benchmarks;

import dev.ssmix2.core.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Search latency per {@link QueryShape}, one query per operation on one thread, sampled ({@link Mode#SampleTime}) so
 * the report shows p50/p90/p99. Engines: {@code ssmix2} (the library's patient index) and {@code kuromoji} (the stock
 * {@code JapaneseAnalyzer} baseline, {@link KuromojiBaseline}). Storages: {@code names-only-100000} and
 * {@code names-only-1000000}, seed 42: one ADT-00 per patient, which is all a name search reads (a realistic storage
 * of a million patients, about 14 million files, does not fit a short run on a small machine; any other
 * {@code profile-size} key works with {@code -p storage=}). Both engines' indexes are built once and cached in the
 * work folder.
 *
 * <p>At setup the first 100 queries of the shape are run once and the share whose patient is in the top 10 is
 * recorded, so the report puts each engine's latency next to what it actually finds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchQueryBenchmark {
  static final int LIMIT = 10;
  static final int FOUND_CHECKS = 100;

  @Param({"names-only-100000", "names-only-1000000"})
  public String storage;

  @Param({"ssmix2", "kuromoji"})
  public String engine;

  @Param({"ID", "KANA_FULL", "KANA_PREFIX", "ROMAJI", "KANJI", "VARIANT_KANJI", "NAME_BIRTH", "FUZZY"})
  public QueryShape shape;

  private Engine searcher;
  private List<QuerySet.Query> queries;
  private int next;

  /** Either index behind one call. */
  interface Engine extends AutoCloseable {
    List<String> search(String text, int limit);

    @Override
    void close() throws IOException;
  }

  @Setup(Level.Trial)
  public void open() {
    GeneratedStorage source = storage(storage);
    queries = QuerySet.forStorage(source).of(shape);
    searcher = openEngine(engine, source);
    // Bounded so that a slow engine's setup stays short; the measured loop still cycles through every query.
    List<QuerySet.Query> checked = queries.subList(0, Math.min(FOUND_CHECKS, queries.size()));
    int found = 0;
    for (QuerySet.Query q : checked) {
      if (searcher.search(q.text(), LIMIT).contains(q.expectedId())) {
        found++;
      }
    }
    ResultNotes.record("found." + storage + "." + engine + "." + shape, found + "/" + checked.size());
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    searcher.close();
  }

  @Benchmark
  public List<String> search() {
    QuerySet.Query q = queries.get(next);
    next = next + 1 == queries.size() ? 0 : next + 1;
    return searcher.search(q.text(), LIMIT);
  }

  static GeneratedStorage storage(String key) {
    int dash = key.lastIndexOf('-');
    return GeneratedStorage.of(key.substring(0, dash), Integer.parseInt(key.substring(dash + 1)), 42);
  }

  /** Opens the engine's cached index of the storage, building it first (timed into the notes) when missing. */
  static Engine openEngine(String engine, GeneratedStorage source) {
    Path dir = source.folder().resolve("index-" + engine);
    Path marker = dir.resolve(".complete");
    String key = source.profile() + "." + source.patients() + "." + engine;
    try {
      if (!Files.exists(marker)) {
        Workspace.deleteTree(dir);
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        build(engine, source, dir).close();
        ResultNotes.record("index-build-seconds." + key, (System.nanoTime() - t0) / 1e9);
        ResultNotes.record("index-bytes." + key, folderBytes(dir));
        Files.writeString(marker, "built\n");
      }
    } catch (IOException e) {
      throw new BenchmarkSetupException("cannot build the " + engine + " index in " + dir + ": " + e.getMessage(), e);
    }
    return open(engine, dir);
  }

  private static Engine build(String engine, GeneratedStorage source, Path dir) {
    return switch (engine) {
      case "ssmix2" -> wrap(LibraryIndex.update(source.roots(), dir));
      case "kuromoji" -> wrap(KuromojiBaseline.build(Storage.open(source.roots()), dir));
      default -> throw unknown(engine);
    };
  }

  static Engine open(String engine, Path dir) {
    return switch (engine) {
      case "ssmix2" -> wrap(LibraryIndex.open(dir));
      case "kuromoji" -> wrap(KuromojiBaseline.open(dir));
      default -> throw unknown(engine);
    };
  }

  static Engine wrap(LibraryIndex index) {
    return new Engine() {
      @Override
      public List<String> search(String text, int limit) {
        return index.search(text, limit);
      }

      @Override
      public void close() {
        index.close();
      }
    };
  }

  static Engine wrap(KuromojiBaseline index) {
    return new Engine() {
      @Override
      public List<String> search(String text, int limit) {
        return index.search(text, limit);
      }

      @Override
      public void close() throws IOException {
        index.close();
      }
    };
  }

  private static BenchmarkSetupException unknown(String engine) {
    return new BenchmarkSetupException("unknown engine '" + engine + "'; expected ssmix2 or kuromoji", null);
  }

  static long folderBytes(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}

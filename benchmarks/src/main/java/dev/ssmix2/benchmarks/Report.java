package dev.ssmix2.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs every suite through the JMH API and writes one markdown report: machine, JVM, each figure with its error, each
 * ratio against its target. Targets are fixed here and never loosened; a missed one is reported with its shortfall.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.ssmix2.benchmarks.Report [--profile short|full]
 *     [--suites hapi,scan,search,incremental,api,export] [--out benchmarks/results/DATE.md] [--prepare]
 * </pre>
 *
 * <p>{@code --prepare} only fills the cache of generated storages and indexes (the first run on a machine spends most
 * of its time there) and exits.
 * <pre>
 * </pre>
 */
public final class Report {
  static final double TOKENIZER_VS_HAPI = 10.0;
  static final double INDEX_VS_FLOOR = 3.0;
  static final double EXPORT_VS_FLOOR = 2.0;
  static final double INCREMENTAL_SHARE = 0.05;
  static final double QUERY_P99_MS = 10.0;
  static final double QUERY_P50_MS = 2.0;
  static final double API_P99_MS = 20.0;

  private final String profile;
  private final Set<String> suites;
  private final List<RunResult> results = new ArrayList<>();
  private final List<String> targets = new ArrayList<>();
  private final StringBuilder body = new StringBuilder();

  private Report(String profile, Set<String> suites) {
    this.profile = profile;
    this.suites = suites;
  }

  public static void main(String[] args) throws Exception {
    String profile = "short";
    Set<String> suites = new TreeSet<>(List.of("hapi", "scan", "search", "incremental", "api",
        "export"));
    Path out = null;
    boolean prepareOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--profile" -> profile = args[++i];
        case "--suites" -> suites = new TreeSet<>(List.of(args[++i].split(",")));
        case "--out" -> out = Path.of(args[++i]);
        case "--prepare" -> prepareOnly = true;
        default -> {
          System.err.println("unknown option " + args[i]
              + "; expected --profile short|full, --suites hapi,scan,search,incremental,api,export, --out FILE, --prepare");
          System.exit(2);
        }
      }
    }
    if (!profile.equals("short") && !profile.equals("full")) {
      System.err.println("unknown profile '" + profile + "'; expected short or full");
      System.exit(2);
    }
    if (out == null) {
      out = Workspace.repositoryRoot().resolve("benchmarks/results/" + LocalDate.now() + ".md");
    }
    if (prepareOnly) {
      prepare();
      return;
    }
    Report report = new Report(profile, suites);
    LocalDateTime started = LocalDateTime.now();
    String loadBefore = Machine.loadAverage();
    long t0 = System.nanoTime();
    ResultNotes.clearExceptCache();
    report.runAll();
    String md = report.render(started, Duration.ofNanos(System.nanoTime() - t0), loadBefore, Machine.loadAverage());
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md, StandardCharsets.UTF_8);
    System.out.println("report written to " + out);
  }

  /**
   * Fills the work-folder cache (every generated storage, query set and search index the suites use) without
   * measuring anything, so that a later report run spends its time on measurements.
   */
  static void prepare() throws IOException {
    GeneratedStorage.realistic(1_000, 42);
    GeneratedStorage.realistic(10_000, 42);
    for (String key : List.of("names-only-100000", "names-only-1000000")) {
      GeneratedStorage storage = SearchQueryBenchmark.storage(key);
      QuerySet.forStorage(storage);
      for (String engine : List.of("ssmix2", "kuromoji")) {
        long t0 = System.nanoTime();
        SearchQueryBenchmark.openEngine(engine, storage).close();
        System.err.printf("%s index of %s ready after %.0f s%n", engine, key, (System.nanoTime() - t0) / 1e9);
      }
    }
  }

  private boolean full() {
    return profile.equals("full");
  }

  // ---------------------------------------------------------------- running

  private void runAll() throws RunnerException {
    if (suites.contains("hapi")) {
      run(base(HapiReadBenchmark.class)
          .warmupIterations(full() ? 5 : 2).warmupTime(TimeValue.seconds(full() ? 2 : 1))
          .measurementIterations(full() ? 10 : 3).measurementTime(TimeValue.seconds(full() ? 2 : 1)));
    }
    if (suites.contains("scan")) {
      run(base(ScanIndexBenchmark.class).param("patients", "10000")
          .warmupIterations(1).measurementIterations(full() ? 5 : 3));
      if (full()) {
        // 100k realistic patients is about 1.4 million files: on a machine whose page cache cannot hold them every
        // pass is disk-bound and takes minutes, so only the full profile measures it.
        run(base(ScanIndexBenchmark.class).param("patients", "100000").warmupIterations(0).measurementIterations(2));
      }
    }
    if (suites.contains("search")) {
      run(base(SearchQueryBenchmark.class)
          .warmupIterations(1).warmupTime(TimeValue.seconds(full() ? 5 : 1))
          .measurementIterations(full() ? 5 : 2).measurementTime(TimeValue.seconds(full() ? 5 : 1)));
    }
    if (suites.contains("incremental")) {
      ChainedOptionsBuilder b = base(IncrementalBenchmark.class)
          .warmupIterations(1).measurementIterations(full() ? 5 : 3);
      if (full()) {
        b = b.param("patients", "10000", "100000");
      }
      run(b);
    }
    if (suites.contains("export")) {
      ChainedOptionsBuilder b = base(ExportBenchmark.class).warmupIterations(1)
          .measurementIterations(full() ? 5 : 3);
      if (full()) {
        b = b.param("patients", "10000", "100000");
      }
      run(b);
    }
    if (suites.contains("api")) {
      run(base(ApiSearchBenchmark.class)
          .warmupIterations(1).warmupTime(TimeValue.seconds(full() ? 10 : 3))
          .measurementIterations(full() ? 5 : 2).measurementTime(TimeValue.seconds(full() ? 10 : 3)));
    }
  }

  private ChainedOptionsBuilder base(Class<?> suite) {
    return new OptionsBuilder()
        .include(suite.getName() + "\\.")
        .resultFormat(ResultFormatType.JSON)
        .result(Workspace.work().resolve("jmh-" + suite.getSimpleName() + "-" + System.nanoTime() + ".json").toString())
        .forks(1)
        .addProfiler(PeakHeapProfiler.class)
        .jvmArgsAppend("-Dssmix2.fixtures=" + Workspace.fixtures(), "-Dssmix2.bench.work=" + Workspace.work(),
            "-Xmx" + System.getProperty("ssmix2.bench.heap", "6g"));
  }

  private void run(ChainedOptionsBuilder options) throws RunnerException {
    Collection<RunResult> rs = new Runner(options.build()).run();
    results.addAll(rs);
  }

  // ---------------------------------------------------------------- rendering

  private String render(LocalDateTime started, Duration took, String loadBefore, String loadAfter) {
    Map<String, String> notes = ResultNotes.read();
    section("hapi", () -> readPath(notes));
    section("scan", () -> scanIndex(notes));
    section("search", () -> search(notes));
    section("incremental", () -> incremental(notes));
    section("api", this::api);
    section("export", () -> export(notes));
    generation(notes);

    StringBuilder md = new StringBuilder();
    md.append("# ss-mix2 benchmarks — ").append(started.toLocalDate()).append("\n\n");
    md.append("Profile `").append(profile).append("` (forks 1), started ")
        .append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append(", took ")
        .append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s")
        .append(" (including generating/indexing any storage not yet in the cache).\n\n");
    md.append(Machine.describe())
        .append("Load average (1/5/15 min) at start ").append(loadBefore).append(", at end ").append(loadAfter)
        .append(": anything well above 0 means other work shared the cores and the figures are pessimistic.\n\n");
    md.append("Errors are JMH's 99.9 % confidence half-widths; `n/a` where a figure has a single sample. ")
        .append("Ratios carry the propagated error. Generated storages: seed 42, core generator.\n\n");
    md.append("## Targets\n\n| Target | Measured | Verdict |\n|---|---|---|\n");
    targets.forEach(t -> md.append(t).append('\n'));
    md.append('\n').append(body);
    return md.toString();
  }

  /** Renders one suite's section; a rendering bug costs that section (said so in the report), not the whole run. */
  private void section(String suite, Runnable render) {
    if (!suites.contains(suite)) {
      return;
    }
    try {
      render.run();
    } catch (RuntimeException e) {
      body.append("\n**The ").append(suite).append(" section could not be rendered: ").append(e)
          .append("; the raw JMH results are in ").append(Workspace.work()).append("/jmh-*.json.**\n\n");
      e.printStackTrace();
    }
  }

  private void readPath(Map<String, String> notes) {
    body.append("## 1. Read path (`HapiReadBenchmark`)\n\n")
        .append("One message per operation. `tokenizeEveryField` unescapes every component of every field; ")
        .append("`tokenizeIndexFields` only what an indexer reads; `hapiPipeParser` is HAPI 2.6 `PipeParser` ")
        .append("(v2.5 structures, validation off) on the same decoded text.\n\n");
    for (String corpus : List.of("fixtures", "generated")) {
      List<RunResult> rs = select(r -> r.getParams().getBenchmark().contains("HapiReadBenchmark")
          && corpus.equals(r.getParams().getParam("corpus")));
      if (rs.isEmpty()) {
        continue;
      }
      double meanBytes = parse(notes.get("corpus-bytes." + corpus)).orElse(Double.NaN);
      body.append("### Corpus `").append(corpus).append("` (")
          .append(notes.getOrDefault("corpus-messages." + corpus, "?")).append(" messages, mean ")
          .append(fmt(meanBytes, 0)).append(" bytes)\n\n")
          .append("| Benchmark | messages/s | MB/s | × HAPI |\n|---|---:|---:|---:|\n");
      Optional<RunResult> hapi = find(rs, "hapiPipeParser");
      for (RunResult r : sorted(rs)) {
        Result p = r.getPrimaryResult();
        body.append("| ").append(method(r)).append(" | ").append(pm(p.getScore(), p.getScoreError(), 0))
            .append(" | ").append(fmt(p.getScore() * meanBytes / 1e6, 1)).append(" | ")
            .append(hapi.map(h -> pm(ratio(r, h), ratioError(r, h), 1)).orElse("")).append(" |\n");
      }
      body.append('\n');
      find(rs, "tokenizeEveryField").ifPresent(tok -> hapi.ifPresent(h -> target(
          "Tokenizer ≥ " + fmt(TOKENIZER_VS_HAPI, 0) + "× HAPI full parse (" + corpus + ", every field)",
          ratio(tok, h), ratioError(tok, h), "×", ratio(tok, h) >= TOKENIZER_VS_HAPI,
          "HAPI is " + fmt(ratio(tok, h), 1) + "× slower; target needs " + fmt(TOKENIZER_VS_HAPI, 0) + "×")));
      find(rs, "decodeAndTokenize").ifPresent(tok -> find(rs, "decodeAndHapi").ifPresent(h -> body
          .append("End to end from bytes (decode + tokenize vs decode + HAPI): ")
          .append(pm(ratio(tok, h), ratioError(tok, h), 1)).append("×.\n\n")));
    }
  }

  private void scanIndex(Map<String, String> notes) {
    body.append("## 2. Scan + index (`ScanIndexBenchmark`, generated `realistic` storage)\n\n")
        .append("One whole pass per operation (single-shot). `scanIoFloor` = walk + read every byte, nothing else ")
        .append("(parallel, warm page cache); `scanParse` = library walk + decode + tokenize; `indexFullBuild` = ")
        .append("full build of the patient index. Peak heap: sum of heap-pool peaks during the pass.\n\n")
        .append("| Patients | Files | MB | Benchmark | time (s) | files/s | MB/s | peak heap (MB) | × floor |\n")
        .append("|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
    for (String n : List.of("10000", "100000")) {
      List<RunResult> rs = select(r -> r.getParams().getBenchmark().contains("ScanIndexBenchmark")
          && n.equals(r.getParams().getParam("patients")));
      if (rs.isEmpty()) {
        continue;
      }
      double files = parse(notes.get("storage-files.realistic." + n)).orElse(Double.NaN);
      double mb = parse(notes.get("storage-bytes.realistic." + n)).orElse(Double.NaN) / 1e6;
      Optional<RunResult> floor = find(rs, "scanIoFloor");
      for (RunResult r : sorted(rs)) {
        double s = r.getPrimaryResult().getScore() / 1000;
        body.append("| ").append(fmt(Double.parseDouble(n), 0)).append(" | ").append(fmt(files, 0)).append(" | ")
            .append(fmt(mb, 0)).append(" | ").append(method(r)).append(" | ")
            .append(pm(s, r.getPrimaryResult().getScoreError() / 1000, 2)).append(" | ")
            .append(fmt(files / s, 0)).append(" | ").append(fmt(mb / s, 1)).append(" | ")
            .append(secondary(r, "peak-heap").map(v -> fmt(v, 0)).orElse("")).append(" | ")
            .append(floor.map(f -> pm(timeRatio(r, f), ratioError(r, f), 2)).orElse("")).append(" |\n");
      }
      find(rs, "indexFullBuild").ifPresent(ix -> floor.ifPresent(f -> target(
          "Full index ≤ " + fmt(INDEX_VS_FLOOR, 0) + "× I/O floor (" + fmt(Double.parseDouble(n), 0) + " patients)",
          timeRatio(ix, f), ratioError(ix, f), "× floor", timeRatio(ix, f) <= INDEX_VS_FLOOR,
          "missed by " + fmt(timeRatio(ix, f) / INDEX_VS_FLOOR, 1) + "× (" + fmt(timeRatio(ix, f), 1)
              + "× the floor against " + fmt(INDEX_VS_FLOOR, 0) + "×)")));
      parse(notes.get("index-bytes.realistic." + n)).ifPresent(b -> body.append("\nIndex size at ")
          .append(fmt(Double.parseDouble(n), 0)).append(" patients: ").append(fmt(b / 1e6, 1)).append(" MB (")
          .append(fmt(b / Double.parseDouble(n), 0)).append(" bytes/patient).\n"));
    }
    body.append('\n');
  }

  private void export(Map<String, String> notes) {
    body.append("## 6. Research export (`ExportBenchmark`, generated `realistic` storage)\n\n")
        .append("One whole pass per operation (single-shot), all in one run. `exportIoFloor` = walk + read ")
        .append("every byte; `exportReadFloor` = walk + read and parse every current file into records, nothing ")
        .append("written; `exportParquet` / `exportCsv` = `ssmix2 export tables` defaults (de-identified) into an ")
        .append("empty folder; `exportIndexFullBuild` = full build of the patient index.\n\n")
        .append("| Patients | Files | Benchmark | time (s) | files/s | peak heap (MB) | × floor |\n")
        .append("|---:|---:|---|---:|---:|---:|---:|\n");
    for (String n : List.of("10000", "100000")) {
      List<RunResult> rs = select(r -> r.getParams().getBenchmark().contains("ExportBenchmark")
          && n.equals(r.getParams().getParam("patients")));
      if (rs.isEmpty()) {
        continue;
      }
      double files = parse(notes.get("storage-files.realistic." + n)).orElse(Double.NaN);
      Optional<RunResult> floor = find(rs, "exportIoFloor");
      for (RunResult r : sorted(rs)) {
        double s = r.getPrimaryResult().getScore() / 1000;
        body.append("| ").append(fmt(Double.parseDouble(n), 0)).append(" | ").append(fmt(files, 0)).append(" | ")
            .append(method(r)).append(" | ").append(pm(s, r.getPrimaryResult().getScoreError() / 1000, 2))
            .append(" | ").append(fmt(files / s, 0)).append(" | ")
            .append(secondary(r, "peak-heap").map(v -> fmt(v, 0)).orElse("")).append(" | ")
            .append(floor.map(f -> pm(timeRatio(r, f), ratioError(r, f), 2)).orElse("")).append(" |\n");
      }
      find(rs, "exportParquet").ifPresent(ex -> floor.ifPresent(f -> target(
          "Parquet export ≤ " + fmt(EXPORT_VS_FLOOR, 0) + "× I/O floor (" + fmt(Double.parseDouble(n), 0)
              + " patients)",
          timeRatio(ex, f), ratioError(ex, f), "× floor", timeRatio(ex, f) <= EXPORT_VS_FLOOR,
          "missed by " + fmt(timeRatio(ex, f) / EXPORT_VS_FLOOR, 1) + "× (" + fmt(timeRatio(ex, f), 1)
              + "× the floor against " + fmt(EXPORT_VS_FLOOR, 0) + "×)")));
      parse(notes.get("export-rows.PARQUET." + n)).ifPresent(rows -> body.append("\nRows written at ")
          .append(fmt(Double.parseDouble(n), 0)).append(" patients: ").append(fmt(rows, 0)).append(".\n"));
    }
    body.append('\n');
  }

  private void search(Map<String, String> notes) {
    body.append("## 3. Search (`SearchQueryBenchmark`, one thread, top 10)\n\n")
        .append("Latency sampled per query (`Mode.SampleTime`), in ms. `found` = queries of the shape whose ")
        .append("patient is in the top 10 (first 100 of the 200 sampled patients per shape; queries made from ")
        .append("their registered kanji, kana and birth date). `kuromoji` = stock `JapaneseAnalyzer` over ")
        .append("kanji + kana name text.\n\n");
    Set<String> storages = new TreeSet<>(Comparator.reverseOrder());
    select(r -> r.getParams().getBenchmark().contains("SearchQueryBenchmark"))
        .forEach(r -> storages.add(r.getParams().getParam("storage")));
    for (String storage : storages) {
      body.append("### `").append(storage).append("`\n\n")
          .append("| Shape | Engine | p50 | p90 | p99 | max | samples | found |\n")
          .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
      double worstP99 = 0;
      double worstP50 = 0;
      String worstShape = "";
      for (QueryShape shape : QueryShape.values()) {
        for (String engine : List.of("ssmix2", "kuromoji")) {
          Optional<RunResult> r = select(x -> x.getParams().getBenchmark().contains("SearchQueryBenchmark")
              && storage.equals(x.getParams().getParam("storage")) && engine.equals(x.getParams().getParam("engine"))
              && shape.name().equals(x.getParams().getParam("shape"))).stream().findFirst();
          if (r.isEmpty()) {
            continue;
          }
          Statistics st = r.get().getPrimaryResult().getStatistics();
          double p50 = st.getPercentile(50) / 1000;
          double p99 = st.getPercentile(99) / 1000;
          body.append("| ").append(shape).append(" | ").append(engine).append(" | ").append(fmt(p50, 3))
              .append(" | ").append(fmt(st.getPercentile(90) / 1000, 3)).append(" | ").append(fmt(p99, 3))
              .append(" | ").append(fmt(st.getMax() / 1000, 2)).append(" | ").append(st.getN()).append(" | ")
              .append(notes.getOrDefault("found." + storage + "." + engine + "." + shape, "?")).append(" |\n");
          if (engine.equals("ssmix2") && p99 > worstP99) {
            worstP99 = p99;
            worstShape = shape.name();
          }
          if (engine.equals("ssmix2")) {
            worstP50 = Math.max(worstP50, p50);
          }
        }
      }
      body.append('\n');
      if (storage.endsWith("-1000000") && worstP99 > 0) {
        double p99 = worstP99;
        String shape = worstShape;
        target("1M-patient query p99 ≤ " + fmt(QUERY_P99_MS, 0) + " ms (worst shape, " + storage + ")", p99,
            Double.NaN, "ms (" + shape + ")", p99 <= QUERY_P99_MS,
            "missed by " + fmt(p99 - QUERY_P99_MS, 1) + " ms (" + fmt(p99 / QUERY_P99_MS, 1) + "× the target) on "
                + shape);
        target("1M-patient query p50 ≤ " + fmt(QUERY_P50_MS, 0) + " ms (worst shape)", worstP50, Double.NaN,
            "ms", worstP50 <= QUERY_P50_MS, "missed by " + fmt(worstP50 - QUERY_P50_MS, 2) + " ms");
      }
      for (String engine : List.of("ssmix2", "kuromoji")) {
        int dash = storage.lastIndexOf('-');
        String key = storage.substring(0, dash) + "." + storage.substring(dash + 1) + "." + engine;
        Optional<Double> secs = parse(notes.get("index-build-seconds." + key));
        Optional<Double> bytes = parse(notes.get("index-bytes." + key));
        if (secs.isPresent() || bytes.isPresent()) {
          double patients = Double.parseDouble(storage.substring(storage.lastIndexOf('-') + 1));
          body.append("- `").append(engine).append("` index of `").append(storage).append("`: built in ")
              .append(secs.map(s -> fmt(s, 0) + " s").orElse("an earlier run (time not recorded)"))
              .append(bytes.map(b -> ", " + fmt(b / 1e6, 0) + " MB, " + fmt(b / patients, 0) + " bytes/patient")
                  .orElse(""))
              .append(".\n");
        }
      }
      body.append('\n');
    }
    publicCases();
  }

  private void publicCases() {
    List<SearchCases.Outcome> outcomes;
    try {
      outcomes = SearchCases.run();
    } catch (RuntimeException e) {
      body.append("Public search cases could not be run: ").append(e.getMessage()).append("\n\n");
      return;
    }
    long ours = outcomes.stream().filter(SearchCases.Outcome::ssmix2Passes).count();
    long theirs = outcomes.stream().filter(SearchCases.Outcome::kuromojiPasses).count();
    body.append("### Public search cases (`queries.tsv`, ").append(outcomes.size()).append(" cases)\n\n")
        .append("Rank of the expected patient (— = not in the top 10); a case passes within its `must_be_within_top`.")
        .append("\n\n| Query | Category | Within | ssmix2 | kuromoji |\n|---|---|---:|---:|---:|\n");
    for (SearchCases.Outcome o : outcomes) {
      body.append("| `").append(o.c().query()).append("` | ").append(o.c().category()).append(" | ")
          .append(o.c().withinTop()).append(" | ").append(rank(o.ssmix2Rank(), o.ssmix2Passes())).append(" | ")
          .append(rank(o.kuromojiRank(), o.kuromojiPasses())).append(" |\n");
    }
    body.append("| **passed** | | | **").append(ours).append('/').append(outcomes.size()).append("** | **")
        .append(theirs).append('/').append(outcomes.size()).append("** |\n\n");
  }

  private static String rank(int rank, boolean passes) {
    return rank == 0 ? "— ✗" : rank + (passes ? " ✓" : " ✗");
  }

  private void incremental(Map<String, String> notes) {
    body.append("## 4. Incremental (`IncrementalBenchmark`)\n\n")
        .append("Before each iteration 1 % of the files get a new version through `StorageWriter` (old `_1` → ")
        .append("`_2`, new `_1`); the update is timed against a full build of the same storage in the same run.\n\n")
        .append("| Patients | Files | Changed | Benchmark | time (s) | peak heap (MB) | share of full build |\n")
        .append("|---:|---:|---:|---|---:|---:|---:|\n");
    Set<String> sizes = new TreeSet<>();
    select(r -> r.getParams().getBenchmark().contains("IncrementalBenchmark"))
        .forEach(r -> sizes.add(r.getParams().getParam("patients")));
    for (String n : sizes) {
      List<RunResult> rs = select(r -> r.getParams().getBenchmark().contains("IncrementalBenchmark")
          && n.equals(r.getParams().getParam("patients")));
      Optional<RunResult> fullBuild = find(rs, "incrementalFullBuild");
      for (RunResult r : sorted(rs)) {
        body.append("| ").append(fmt(Double.parseDouble(n), 0)).append(" | ")
            .append(notes.getOrDefault("incremental-all-files." + n, "?")).append(" | ")
            .append(notes.getOrDefault("incremental-changed-files." + n, "?")).append(" | ").append(method(r))
            .append(" | ")
            .append(pm(r.getPrimaryResult().getScore() / 1000, r.getPrimaryResult().getScoreError() / 1000, 2))
            .append(" | ").append(secondary(r, "peak-heap").map(v -> fmt(v, 0)).orElse("")).append(" | ")
            .append(fullBuild.map(f -> pm(100 * timeRatio(r, f), 100 * ratioError(r, f), 1) + " %").orElse(""))
            .append(" |\n");
      }
      find(rs, "incrementalUpdate1pct").ifPresent(u -> fullBuild.ifPresent(f -> target(
          "Incremental 1 % ≤ " + fmt(100 * INCREMENTAL_SHARE, 0) + " % of a full build ("
              + fmt(Double.parseDouble(n), 0) + " patients)", 100 * timeRatio(u, f), 100 * ratioError(u, f), "%",
          timeRatio(u, f) <= INCREMENTAL_SHARE, "missed: " + fmt(100 * timeRatio(u, f), 1) + " % against "
              + fmt(100 * INCREMENTAL_SHARE, 0) + " %")));
    }
    body.append('\n');
  }

  private void api() {
    List<RunResult> rs = select(r -> r.getParams().getBenchmark().contains("ApiSearchBenchmark"));
    if (rs.isEmpty()) {
      return;
    }
    body.append("## 5. Viewer API (`ApiSearchBenchmark`)\n\n")
        .append("`GET /api/search?q=…` against the real `ViewerServer` (audit log on) over the library index, ")
        .append(rs.get(0).getParams().getThreads()).append(" concurrent client threads in the same JVM, every query ")
        .append("shape in turn. Latency in ms.\n\n| Storage | p50 | p90 | p99 | max | samples |\n")
        .append("|---|---:|---:|---:|---:|---:|\n");
    for (RunResult r : rs) {
      Statistics st = r.getPrimaryResult().getStatistics();
      double p99 = st.getPercentile(99) / 1000;
      body.append("| ").append(r.getParams().getParam("storage")).append(" | ")
          .append(fmt(st.getPercentile(50) / 1000, 2)).append(" | ").append(fmt(st.getPercentile(90) / 1000, 2))
          .append(" | ").append(fmt(p99, 2)).append(" | ").append(fmt(st.getMax() / 1000, 1)).append(" | ")
          .append(st.getN()).append(" |\n");
      target("API `/api/search` p99 ≤ " + fmt(API_P99_MS, 0) + " ms, " + r.getParams().getThreads()
          + " clients (" + r.getParams().getParam("storage") + ")", p99, Double.NaN, "ms", p99 <= API_P99_MS,
          "missed by " + fmt(p99 - API_P99_MS, 1) + " ms (" + fmt(p99 / API_P99_MS, 1) + "× the target)");
    }
    body.append('\n');
  }

  private void generation(Map<String, String> notes) {
    List<String> lines = new ArrayList<>();
    notes.forEach((k, v) -> {
      if (k.startsWith("generate-seconds.")) {
        String[] p = k.split("\\.");
        lines.add("- generated " + fmt(Double.parseDouble(p[2]), 0) + " `" + p[1] + "` patients in "
            + fmt(Double.parseDouble(v), 0) + " s");
      }
    });
    if (!lines.isEmpty()) {
      body.append("## Storage generation (SyntheticStorage; measured when the cache was built)\n\n");
      lines.forEach(l -> body.append(l).append('\n'));
      body.append('\n');
    }
  }

  // ---------------------------------------------------------------- helpers

  private void target(String what, double value, double error, String unit, boolean met, String shortfall) {
    targets.add("| " + what + " | " + pm(value, error, value < 10 ? 2 : 1) + " " + unit + " | "
        + (met ? "met" : "**missed** — " + shortfall) + " |");
  }

  private List<RunResult> select(Predicate<RunResult> p) {
    return results.stream().filter(p).toList();
  }

  private static List<RunResult> sorted(List<RunResult> rs) {
    return rs.stream().sorted(Comparator.comparing(Report::method)).toList();
  }

  private static Optional<RunResult> find(List<RunResult> rs, String method) {
    return rs.stream().filter(r -> method(r).equals(method)).findFirst();
  }

  static String method(RunResult r) {
    String b = r.getParams().getBenchmark();
    return b.substring(b.lastIndexOf('.') + 1);
  }

  private static Optional<Double> secondary(RunResult r, String label) {
    return r.getSecondaryResults().entrySet().stream().filter(e -> e.getKey().contains(label)).findFirst()
        .map(e -> e.getValue().getScore());
  }

  /** a/b of two throughputs. */
  private static double ratio(RunResult a, RunResult b) {
    return a.getPrimaryResult().getScore() / b.getPrimaryResult().getScore();
  }

  /** a/b of two times. */
  private static double timeRatio(RunResult a, RunResult b) {
    return ratio(a, b);
  }

  private static double ratioError(RunResult a, RunResult b) {
    double ra = relError(a);
    double rb = relError(b);
    return ratio(a, b) * Math.sqrt(ra * ra + rb * rb);
  }

  private static double relError(RunResult r) {
    return r.getPrimaryResult().getScoreError() / r.getPrimaryResult().getScore();
  }

  private static Optional<Double> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static String fmt(double v, int decimals) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  static String pm(double v, double err, int decimals) {
    return fmt(v, decimals) + " ± " + fmt(err, decimals);
  }

  /** The machine and JVM, from /proc and the runtime. */
  static final class Machine {
    private Machine() {}

    static String describe() {
      String cpu = grep("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
      String mem = grep("/proc/meminfo", "MemTotal")
          .map(m -> fmt(Double.parseDouble(m.replaceAll("[^0-9]", "")) / 1024 / 1024, 1) + " GiB")
          .orElse("unknown");
      String kernel = read("/proc/version").map(v -> v.split(" ")[2]).orElse(System.getProperty("os.version"));
      return "Machine: " + cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + mem + " RAM, "
          + System.getProperty("os.name") + " " + kernel + ".  \nJVM: " + System.getProperty("java.vm.name") + " "
          + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.vendor")
          + "), forks with -Xmx" + System.getProperty("ssmix2.bench.heap", "6g") + "; JMH "
          + org.openjdk.jmh.util.Version.getPlainVersion() + ". Launcher heap: "
          + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024 * 1024) + " MB.\n";
    }

    static String loadAverage() {
      return read("/proc/loadavg").map(l -> String.join(" / ", List.of(l.split(" ")).subList(0, 3)))
          .orElse("unknown");
    }

    private static Optional<String> grep(String file, String key) {
      return read(file).flatMap(text -> text.lines().filter(l -> l.startsWith(key)).findFirst())
          .map(l -> l.substring(l.indexOf(':') + 1).trim());
    }

    private static Optional<String> read(String file) {
      try {
        return Optional.of(Files.readString(Path.of(file)));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
  }
}

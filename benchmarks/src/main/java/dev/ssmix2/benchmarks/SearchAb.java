package dev.ssmix2.benchmarks;

import dev.ssmix2.index.internal.search.PatientSearch;
import dev.ssmix2.index.name.ReadingGuesser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BooleanSimilarity;
import org.apache.lucene.store.FSDirectory;

/**
 * Search latency of two builds in one JVM, for a shared machine: each jar is loaded in its own class loader, both
 * search the same index, and every query runs on both back to back (which one goes first alternates), so a change of
 * load hits both alike. Prints per query shape the thread's CPU time (p50 / p99) and wall p50 of each, and how many
 * queries got different hits (patient, score or tags) from the two builds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.ssmix2.benchmarks.SearchAb \
 *     BEFORE_JAR AFTER_JAR INDEX_DIR[:AFTER_INDEX_DIR] QUERIES_TSV [WARMUP MEASURED]
 * </pre>
 *
 * A build may also be a class path of several entries ({@code module/target/classes:benchmarks.jar}: the classes
 * first win), to try a change without building the whole jar. {@code INDEX_DIR} may name one index per build
 * ({@code BEFORE_INDEX:AFTER_INDEX}), for a change of the index layout (each build reads the index it wrote); the
 * hits are then still compared. {@code QUERIES_TSV} as for {@link SearchSpotCheck}; 3 warm-up and 3 measured passes
 * unless given. Each build searches through its own {@code PatientSearch} over a read-only reader of the index (no
 * {@code PatientIndex}, which would lock it).
 */
public final class SearchAb {
  private SearchAb() {}

  /** Loaded into each build's class loader: searches as {@code PatientIndex} does, answers the hits as text. */
  public static final class Driver implements Function<String, Object> {
    private final IndexSearcher searcher;
    private final PatientSearch search = new PatientSearch(ReadingGuesser.create());

    public Driver(String indexDir) throws IOException {
      searcher = new IndexSearcher(DirectoryReader.open(FSDirectory.open(Path.of(indexDir))));
      searcher.setSimilarity(new BooleanSimilarity());
    }

    @Override
    public Object apply(String query) {
      try {
        StringBuilder hits = new StringBuilder();
        for (var h : search.searchResult(searcher, query, 10).hits()) {
          hits.append(h.patientId().value()).append(' ').append(h.score()).append(' ').append(h.matched()).append(';');
        }
        return hits.toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Function<String, Object> load(String classPath, Path index) throws Exception {
    byte[] driver;
    try (InputStream in = SearchAb.class.getResourceAsStream("SearchAb$Driver.class")) {
      driver = in.readAllBytes();
    }
    String name = Driver.class.getName();
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader()) {
      @Override
      protected Class<?> findClass(String n) throws ClassNotFoundException {
        return n.equals(name) ? defineClass(n, driver, 0, driver.length) : super.findClass(n);
      }
    };
    return (Function<String, Object>) loader.loadClass(name).getConstructor(String.class)
        .newInstance(index.toString());
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 4 && args.length != 6) {
      System.err.println(
          "usage: SearchAb BEFORE_JAR AFTER_JAR INDEX_DIR[:AFTER_INDEX_DIR] QUERIES_TSV [WARMUP MEASURED]");
      System.exit(2);
    }
    String[] indexes = args[2].split(File.pathSeparator);
    if (indexes.length > 2) {
      System.err.println(
          "INDEX_DIR is one index, or BEFORE_INDEX" + File.pathSeparator + "AFTER_INDEX; got " + args[2]);
      System.exit(2);
    }
    List<Function<String, Object>> builds = List.of(
        load(args[0], Path.of(indexes[0])), load(args[1], Path.of(indexes[indexes.length - 1])));
    List<String[]> queries = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[3]))) {
      String[] cols = line.split("\t");
      if (cols.length >= 3 && !cols[0].equals("shape")) {
        queries.add(cols);
      }
    }
    int warmup = args.length == 6 ? Integer.parseInt(args[4]) : 3;
    int measured = args.length == 6 ? Integer.parseInt(args[5]) : 3;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Map<String, List<Double>>> cpu = List.of(new TreeMap<>(), new TreeMap<>());
    List<Map<String, List<Double>>> wall = List.of(new TreeMap<>(), new TreeMap<>());
    int differ = 0;
    for (int pass = 0; pass < warmup + measured; pass++) {
      for (int i = 0; i < queries.size(); i++) {
        String[] q = queries.get(i);
        Object[] hits = new Object[2];
        for (int k = 0; k < 2; k++) {
          int b = (i + pass) % 2 == 0 ? k : 1 - k;
          long cpuStart = threads.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          hits[b] = builds.get(b).apply(q[1]);
          long end = System.nanoTime();
          long cpuEnd = threads.getCurrentThreadCpuTime();
          if (pass >= warmup) {
            cpu.get(b).computeIfAbsent(q[0], s -> new ArrayList<>()).add((cpuEnd - cpuStart) / 1e6);
            wall.get(b).computeIfAbsent(q[0], s -> new ArrayList<>()).add((end - start) / 1e6);
          }
        }
        if (pass == 0 && !hits[0].equals(hits[1])) {
          differ++;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d queries x %d passes after %d warm-up, one thread, top 10; %d differ%n",
        queries.size(), measured, warmup, differ);
    System.out.printf(Locale.ROOT, "%-14s %-34s %-34s %s%n", "shape", "before: cpu p50 / p99 (wall p50) ms",
        "after: cpu p50 / p99 (wall p50) ms", "cpu p50 after/before");
    List<List<Double>> all = List.of(new ArrayList<>(), new ArrayList<>());
    for (String shape : cpu.get(0).keySet()) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-14s", shape));
      for (int b = 0; b < 2; b++) {
        all.get(b).addAll(cpu.get(b).get(shape));
        line.append(String.format(Locale.ROOT, " %6.2f / %6.2f (%6.2f)%13s", at(cpu.get(b).get(shape), 0.5),
            at(cpu.get(b).get(shape), 0.99), at(wall.get(b).get(shape), 0.5), ""));
      }
      line.append(String.format(Locale.ROOT, " %.2f", at(cpu.get(1).get(shape), 0.5) / at(cpu.get(0).get(shape), 0.5)));
      System.out.println(line);
    }
    System.out.printf(Locale.ROOT, "%-14s %6.2f / %6.2f %22s %6.2f / %6.2f %22s %.2f%n", "ALL", at(all.get(0), 0.5),
        at(all.get(0), 0.99), "", at(all.get(1), 0.5), at(all.get(1), 0.99), "",
        at(all.get(1), 0.5) / at(all.get(0), 0.5));
  }

  private static double at(List<Double> values, double q) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q)));
  }
}

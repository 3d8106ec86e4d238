package dev.ssmix2.benchmarks;

import dev.ssmix2.index.population.ReceptionPopulation;
import dev.ssmix2.index.population.ReceptionPopulation.Query;
import dev.ssmix2.index.population.ReceptionPopulation.Recall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-kind recall of the search on a generated reception-desk population ({@code ReceptionPopulation}, from the
 * index module's tests): how often each kind of query (provisional marks, other surname readings, one-component and
 * foreign names, large kana, placeholders, homonyms, and plain kanji/kana as control) finds its patient within the
 * fair rank computed from the ground truth, how often the first hit is a patient the clerk could not tell apart from
 * it, and the search latency per kind (one thread, after one warm-up pass).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.ssmix2.benchmarks.ReceptionRecall [PATIENTS [SEED]]
 * </pre>
 *
 * The storage and index are cached under {@code benchmarks/target/work/reception-s<SEED>-n<PATIENTS>}.
 */
public final class ReceptionRecall {
  private ReceptionRecall() {}

  public static void main(String[] args) throws IOException {
    int patients = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 14L;
    ReceptionPopulation population = ReceptionPopulation.generate(patients, seed);
    Path folder = Workspace.work().resolve("reception-s" + seed + "-n" + patients);
    Path storage = folder.resolve("storage");
    if (!Files.exists(folder.resolve(".complete"))) {
      Workspace.deleteTree(folder);
      population.writeStorage(storage);
      Files.writeString(folder.resolve(".complete"), "written\n");
    }
    long t0 = System.nanoTime();
    try (LibraryIndex index = LibraryIndex.update(List.of(storage), folder.resolve("index"))) {
      System.out.printf(Locale.ROOT, "%,d patients (seed %d), index ready in %.1f s, %d queries%n", patients, seed,
          (System.nanoTime() - t0) / 1e9, population.queries().size());
      population.queries().forEach(q -> index.search(q.text(), ReceptionPopulation.limitFor(q)));
      Map<String, List<Double>> latency = new TreeMap<>();
      Map<String, Recall> recalls = ReceptionPopulation.evaluate(population.queries(), (Query q) -> {
        long start = System.nanoTime();
        List<String> ids = index.search(q.text(), ReceptionPopulation.limitFor(q));
        latency.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
        return ids;
      });
      String table = ReceptionPopulation.table(recalls);
      String[] lines = table.split("\n");
      System.out.println(lines[0] + "   p50 ms   p99 ms");
      for (int i = 1; i < lines.length; i++) {
        String kind = lines[i].substring(0, 16).strip();
        List<Double> l = kind.equals("ALL") ? all(latency) : latency.get(kind);
        System.out.printf(Locale.ROOT, "%s %8.2f %8.2f%n", lines[i], at(l, 0.5), at(l, 0.99));
      }
      recalls.values().forEach(r -> r.misses().forEach(m -> System.out.println("  miss [" + r.kind() + "] " + m)));
    }
  }

  private static List<Double> all(Map<String, List<Double>> latency) {
    List<Double> all = new ArrayList<>();
    latency.values().forEach(all::addAll);
    return all;
  }

  private static double at(List<Double> values, double q) {
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    return v.get(Math.min(v.size() - 1, (int) (v.size() * q)));
  }
}

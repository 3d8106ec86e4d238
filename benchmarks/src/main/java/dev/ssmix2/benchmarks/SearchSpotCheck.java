package dev.ssmix2.benchmarks;

import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.store.PatientIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A quick single-thread latency check of an existing index against a query set, for when a full JMH run does not fit:
 * three warm-up passes, then three measured passes, percentiles per query shape (wall time and the thread's CPU time)
 * and how many queries find their patient in the top 10.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.ssmix2.benchmarks.SearchSpotCheck INDEX_DIR QUERIES_TSV
 * </pre>
 *
 * {@code QUERIES_TSV} has the columns {@code shape, query, expected_patient_id}, as the work-folder cache writes them
 * ({@code benchmarks/target/work/storage-names-only-s42-n1000000/queries.tsv}). For a storage written by {@code
 * ssmix2 generate} instead, {@code SearchSpotCheck --queries FOLDER PATIENTS} writes {@code FOLDER/queries.tsv} for the storage
 * in {@code FOLDER/storage} the same way.
 */
public final class SearchSpotCheck {

  private static final int WARMUP_PASSES = 3;
  private static final int MEASURED_PASSES = 3;
  private static final int LIMIT = 10;

  private SearchSpotCheck() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 3 && args[0].equals("--queries")) {
      Path folder = Path.of(args[1]);
      QuerySet.forStorage(new GeneratedStorage("names-only", Integer.parseInt(args[2]), 0, folder, List.of(folder.resolve("storage")),
          folder.resolve("manifest.jsonl")));
      System.out.println("wrote " + folder.resolve("queries.tsv"));
      return;
    }
    if (args.length != 2) {
      System.err.println("usage: SearchSpotCheck INDEX_DIR QUERIES_TSV");
      System.exit(2);
    }
    List<String[]> queries = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      String[] cols = line.split("\t");
      if (cols.length >= 3 && !cols[0].equals("shape")) {
        queries.add(cols);
      }
    }
    try (PatientIndex index = PatientIndex.openExisting(Path.of(args[0]))) {
      for (int pass = 0; pass < WARMUP_PASSES; pass++) {
        queries.forEach(q -> index.search(q[1], LIMIT));
      }
      Map<String, List<Double>> latencies = new TreeMap<>();
      Map<String, List<Double>> cpu = new TreeMap<>();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      Map<String, int[]> found = new TreeMap<>();
      for (int pass = 0; pass < MEASURED_PASSES; pass++) {
        for (String[] q : queries) {
          long cpuStart = threads.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          List<PatientHit> hits = index.search(q[1], LIMIT);
          latencies.computeIfAbsent(q[0], k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
          cpu.computeIfAbsent(q[0], k -> new ArrayList<>()).add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
          if (pass == 0) {
            int[] f = found.computeIfAbsent(q[0], k -> new int[2]);
            f[1]++;
            if (hits.stream().anyMatch(h -> h.patientId().value().equals(q[2]))) {
              f[0]++;
            }
          }
        }
      }
      System.out.printf(Locale.ROOT, "%d patients, %d queries x %d passes, one thread, top %d%n",
          index.patientCount(), queries.size(), MEASURED_PASSES, LIMIT);
      List<Double> all = new ArrayList<>();
      List<Double> allCpu = new ArrayList<>();
      for (Map.Entry<String, List<Double>> e : latencies.entrySet()) {
        all.addAll(e.getValue());
        allCpu.addAll(cpu.get(e.getKey()));
        int[] f = found.get(e.getKey());
        System.out.println(line(e.getKey(), e.getValue()) + cpuLine(cpu.get(e.getKey()))
            + String.format(Locale.ROOT, "  found %d/%d", f[0], f[1]));
      }
      System.out.println(line("ALL", all) + cpuLine(allCpu));
    }
  }

  private static String line(String shape, List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    return String.format(Locale.ROOT, "%-14s n=%5d  p50 %6.2f  p90 %6.2f  p99 %6.2f ms", shape, v.size(),
        at(v, 0.50), at(v, 0.90), at(v, 0.99));
  }

  /**
   * The thread's CPU time per query: on a machine shared with other work, wall time mostly measures the wait for a
   * core, while CPU time still shows what the search itself costs.
   */
  private static String cpuLine(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    return String.format(Locale.ROOT, " | cpu p50 %6.2f  p99 %6.2f ms", at(v, 0.50), at(v, 0.99));
  }

  private static double at(List<Double> sorted, double q) {
    return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q)));
  }
}

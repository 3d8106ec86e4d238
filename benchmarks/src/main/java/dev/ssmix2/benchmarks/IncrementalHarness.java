package dev.ssmix2.benchmarks;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.storage.ConditionFlag;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.FileTimestamp;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageFilter;
import dev.ssmix2.core.storage.TransactionEntry.Operation;
import dev.ssmix2.core.synth.TransactionLogs;
import dev.ssmix2.core.write.StorageWriter;
import dev.ssmix2.core.write.TransactionLogWriter;
import dev.ssmix2.core.write.WriterOptions;
import dev.ssmix2.index.store.ChangeDetection;
import dev.ssmix2.index.store.IndexReport;
import dev.ssmix2.index.store.PatientIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Incremental indexing against a full build and the I/O floor, side by side in one JVM and one run (not JMH: every
 * operation needs the storage in the state the previous one left, and each is seconds long).
 *
 * <p>Setup: a private copy of the cached generated {@code realistic} storage (seed 42), the transaction log a writer
 * would have kept for it, and three indexes of it, one per change detection ({@code EVERY_FILE}, {@code FOLDER_TIMES},
 * {@code TRANSACTIONS}). Then, per round: 1 % of the storage's files get a new version through the library's
 * {@link StorageWriter} (the old {@code _1} renamed to {@code _2}, a new {@code _1} written — the commonest real change)
 * and a logged {@code INS} record, exactly as a writer does; after a pause longer than the update's trust margin for
 * folder times (an update runs some time after the writes it picks up), each of the three indexes is updated; then a
 * full build of the same storage into an empty folder and the I/O floor (walk + read every byte) are timed. Only
 * {@code PatientIndex.update} is timed, not opening the index (a viewer keeps it open and updates it now and then).
 * Wall time and the process's CPU time are both recorded (the CPU time is the one to read on a loaded machine).
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.ssmix2.benchmarks.IncrementalHarness [patients] [rounds] [share]}
 * (defaults 10000, 5, 0.01). Prints a markdown table of means ± standard deviations and the ratios.
 */
public final class IncrementalHarness {
  private IncrementalHarness() {}

  /** The change detections compared; {@code -Dharness.modes=TRANSACTIONS} runs fewer. */
  private static final String[] MODES = System.getProperty("harness.modes", "EVERY_FILE,FOLDER_TIMES,TRANSACTIONS")
      .split(",");
  /**
   * {@code -Dharness.jfr=DIR}: a JFR profile of each timed operation, {@code DIR/<mode>-<round>.jfr},
   * {@code DIR/build-<round>.jfr}, {@code DIR/floor-<round>.jfr}.
   */
  private static final String JFR = System.getProperty("harness.jfr", "");
  /**
   * {@code -Dharness.jfr.periodMillis=N}: the profiles' Java sampling period; JFR's "profile" setting samples every
   * 10 ms (20 ms by default), which leaves a one-second update with too few samples to split its cost.
   */
  private static final long JFR_PERIOD_MILLIS = Long.getLong("harness.jfr.periodMillis", 10);
  /** {@code -Dharness.build=false}: no full build or floor per round (for profiling the updates). */
  private static final boolean BUILD = Boolean.parseBoolean(System.getProperty("harness.build", "true"));

  public static void main(String[] args) throws Exception {
    int patients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    double share = args.length > 2 ? Double.parseDouble(args[2]) : 0.01;

    GeneratedStorage source = GeneratedStorage.realistic(patients, 42);
    Path work = Workspace.work().resolve("incremental-harness-" + patients);
    // -Dharness.reuse=true: keep the copy (and log) of the last run, changed as that run left it; only for profiling
    boolean reuse = Boolean.getBoolean("harness.reuse") && Files.isDirectory(work.resolve("transactions"));
    if (!reuse) {
      Workspace.deleteTree(work);
    }
    List<Path> roots = new ArrayList<>();
    for (Path root : source.roots()) {
      Path copy = work.resolve("storage").resolve(source.folder().relativize(root));
      if (!reuse) {
        copyTree(root, copy);
      }
      roots.add(copy);
    }
    Path txRoot = work.resolve("transactions");
    long logged = reuse ? 0 : TransactionLogs.write(Storage.open(roots), txRoot, TransactionLogs.FACILITY_ID);
    for (String mode : MODES) {
      Workspace.deleteTree(work.resolve("index-" + mode));
    }
    List<Path> withLog = new ArrayList<>(roots);
    withLog.add(txRoot);
    System.err.printf(Locale.ROOT, "copied %d roots, logged %,d transactions%n", roots.size(), logged);

    Map<String, Path> indexes = new LinkedHashMap<>();
    for (String mode : MODES) {
      Path dir = work.resolve("index-" + mode);
      try (PatientIndex index = PatientIndex.open(dir)) {
        index.update(Storage.open(withLog), ChangeDetection.valueOf(mode), ProgressListener.none());
      }
      indexes.put(mode, dir);
    }
    Thread.sleep(4_000); // past the trust margin: the first round's probe trusts the build's folder times

    Map<String, List<double[]>> samples = new LinkedHashMap<>();
    Random random = new Random(7);
    // a later day on reuse, so the log's new entries come after the last run's
    long[] nextTime = {reuse ? dayAfterNewestLog(txRoot) : 20990101000000000L};
    TransactionLogWriter log = TransactionLogWriter.create(txRoot, TransactionLogs.FACILITY_ID);
    long allFiles = 0;
    int changes = 0;
    for (int round = 0; round <= rounds; round++) {
      boolean warmup = round == 0;
      List<StorageFile> current;
      try (Stream<StorageFile> s = Storage.open(roots).files(StorageFilter.all().withFlags(ConditionFlag.CURRENT))) {
        current = new ArrayList<>(s.filter(f -> !f.isContentFolder()).toList());
      }
      try (Stream<StorageFile> s = Storage.open(roots).files()) {
        allFiles = s.count();
      }
      changes = (int) Math.max(1, Math.round(allFiles * share));
      Collections.shuffle(current, random);
      for (StorageFile f : current.subList(0, Math.min(changes, current.size()))) {
        String text = Hl7Decoder.decode(f.readBytes()).text();
        FileName n = f.name();
        FileTimestamp time = FileTimestamp.parse(Long.toString(nextTime[0]++));
        FileName next = new FileName(n.patientId(), n.date(), n.dataType(), n.orderNo(), time, n.department(),
            ConditionFlag.CURRENT);
        StorageWriter.create(f.root().path(), WriterOptions.defaults().withSubstituteUnencodable(true))
            .insert(text, next);
        log.append(Operation.INSERT, next.key(), next.department(), time, text.getBytes(StandardCharsets.UTF_8));
      }
      Thread.sleep(4_000);
      for (String mode : MODES) {
        double[] t;
        try (PatientIndex index = PatientIndex.open(indexes.get(mode))) {
          IndexReport[] r = new IndexReport[1];
          t = profiled(mode + "-" + round, () -> r[0] = index.update(Storage.open(withLog),
              ChangeDetection.valueOf(mode), ProgressListener.none()));
          System.err.printf(Locale.ROOT, "  %-12s %s: %,d files read, %,d patients walked, %,d re-derived %s%n",
              mode, r[0].basis(), r[0].filesIndexed(), r[0].patientsWalked(), r[0].patientsRederived(),
              r[0].notes());
        }
        if (!warmup) {
          samples.computeIfAbsent("update 1 % " + mode, k -> new ArrayList<>()).add(t);
        }
      }
      if (!BUILD) {
        continue;
      }
      Path full = work.resolve("full");
      Workspace.deleteTree(full);
      double[] build;
      try (PatientIndex index = PatientIndex.open(full)) {
        build = profiled("build-" + round, () -> index.update(Storage.open(roots), ProgressListener.none()));
      }
      double[] floor = profiled("floor-" + round, () -> IoFloor.read(roots));
      if (!warmup) {
        samples.computeIfAbsent("full build", k -> new ArrayList<>()).add(build);
        samples.computeIfAbsent("I/O floor", k -> new ArrayList<>()).add(floor);
      }
      System.err.printf(Locale.ROOT, "round %d%s: build %.2f s wall / %.2f s CPU, floor %.2f / %.2f%n", round,
          warmup ? " (warm-up)" : "", build[0], build[1], floor[0], floor[1]);
    }

    System.out.printf(Locale.ROOT, "%,d patients, %,d files, %,d changed per round (%.1f %%), %d rounds after one "
        + "warm-up; load %s%n%n", patients, allFiles, changes, 100.0 * changes / allFiles, rounds, load());
    System.out.println("| operation | wall s (mean ± sd) | CPU s (mean ± sd) |");
    System.out.println("|---|---|---|");
    Map<String, double[]> means = new LinkedHashMap<>();
    samples.forEach((name, list) -> {
      double[] wall = stats(list, 0);
      double[] cpu = stats(list, 1);
      means.put(name, new double[] {wall[0], cpu[0], wall[1], cpu[1]});
      System.out.printf(Locale.ROOT, "| %s | %.3f ± %.3f | %.3f ± %.3f |%n", name, wall[0], wall[1], cpu[0], cpu[1]);
    });
    double[] build = means.get("full build");
    double[] floor = means.get("I/O floor");
    if (build == null) {
      return;
    }
    System.out.println();
    for (String mode : MODES) {
      double[] u = means.get("update 1 % " + mode);
      System.out.printf(Locale.ROOT, "update %s / full build: %.1f %% wall, %.1f %% CPU%n", mode,
          100 * u[0] / build[0], 100 * u[1] / build[1]);
    }
    System.out.printf(Locale.ROOT, "full build / I/O floor: %.2f× wall, %.2f× CPU%n", build[0] / floor[0],
        build[1] / floor[1]);
  }

  /** The first time of the day after the newest day the harness logged (each run appends from a day of its own). */
  private static long dayAfterNewestLog(Path txRoot) throws IOException {
    java.time.LocalDate newest = java.time.LocalDate.of(2099, 1, 1);
    Path year = txRoot.resolve("2099");
    if (Files.isDirectory(year)) {
      try (Stream<Path> files = Files.list(year)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          String name = f.getFileName().toString();
          if (name.startsWith("TR_2099")) {
            java.time.LocalDate d = java.time.LocalDate.parse(name.substring(3, 11),
                java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            newest = d.isAfter(newest) ? d : newest;
          }
        }
      }
    }
    return Long.parseLong(newest.plusDays(1).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)) * 1_000_000_000L;
  }

  private interface Op {
    void run() throws Exception;
  }

  /** {@link #timed}, with a JFR profile of the operation in {@code DIR/<name>.jfr} when {@code -Dharness.jfr=DIR}. */
  private static double[] profiled(String name, Op op) throws Exception {
    if (JFR.isEmpty()) {
      return timed(op);
    }
    try (jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
      recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(JFR_PERIOD_MILLIS));
      recording.start();
      double[] t = timed(op);
      recording.stop();
      recording.dump(Files.createDirectories(Path.of(JFR)).resolve(name + ".jfr"));
      return t;
    }
  }

  /** Wall seconds and the whole process's CPU seconds of one operation. */
  private static double[] timed(Op op) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    op.run();
    return new double[] {(System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9};
  }

  private static double[] stats(List<double[]> samples, int column) {
    double mean = samples.stream().mapToDouble(s -> s[column]).average().orElse(0);
    double var = samples.stream().mapToDouble(s -> (s[column] - mean) * (s[column] - mean)).sum()
        / Math.max(1, samples.size() - 1);
    return new double[] {mean, Math.sqrt(var)};
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}

package dev.ssmix2.benchmarks;

import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.summary.ClinicalSummary;
import dev.ssmix2.core.synth.GenerationSummary;
import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.synth.SyntheticStorage;
import dev.ssmix2.examples.web.IndexViewerData;
import dev.ssmix2.examples.web.ViewerServer;
import dev.ssmix2.index.store.PatientIndex;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The chart API for a heavy patient: {@code GET /api/patients/{id}} of a long-stay inpatient (ten years, about 5,000
 * files) through the real {@link ViewerServer} over a library index.
 *
 * <ul>
 *   <li><b>cold</b>: a fresh JVM opens the index and starts the server, and the chart is asked for once (JIT cold,
 *       index just opened; the OS file cache is not dropped, which needs root), three ways taking turns: without the
 *       viewer's warm-up, with it started as {@code ssmix2 serve} does, and after it ended. Repeated in
 *       {@code --cold N} child JVMs per way. The clock runs from the server's start to the chart's last byte. The
 *       client is this (parent) JVM, warmed up beforehand, as a clinician's browser is a process of its own; the wall
 *       time is the parent's, the CPU time the server JVM's over the same span. {@code --cold-client child} measures
 *       as the harness did until session 6: the child itself builds a new {@code HttpClient} after the server started,
 *       so the client's class loading and JIT were on the clock and in the server's CPU.
 *   <li><b>first view</b>: the heavy patient's first chart in a server that has shown 20 other charts.
 *   <li><b>warm</b>: the same server asked {@code --rounds R} × {@code --requests K} times in a row; p50/p95 per round.
 *   <li><b>baseline</b> in the same run: the whole current record set of the patient read and summarised
 *       ({@link ClinicalSummary#read}), which is what a chart cost before the chart window (every current file read).
 * </ul>
 *
 * <p>Besides wall time each figure has the process CPU time it took (all threads: server, client, JIT and GC): on a
 * machine shared with other jobs the wall time mostly measures the wait for a core, the CPU time the work.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.ssmix2.benchmarks.ChartBenchmark [--cold 10] [--rounds 5] [--requests 60]
 *     [--cold-client parent|child] [--cold-modes none,concurrent,after] [--cold-only]
 * </pre>
 *
 * The storage (50 realistic patients + 1 long-stay, seed 7) and its index are generated once into the work folder.
 */
public final class ChartBenchmark {
  private static final int PATIENTS = 50;
  private static final long SEED = 7;

  private ChartBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> a = Arrays.asList(args);
    Path folder = prepare();
    PatientId id = longStayPatient();
    if (a.contains("--child-cold")) {
      childCold(folder, id, a.get(a.indexOf("--child-cold") + 1), a.contains("--client-in-child"));
      return;
    }
    int cold = option(a, "--cold", 10);
    boolean clientInChild = text(a, "--cold-client", "parent").equals("child");
    List<String> modes = List.of(text(a, "--cold-modes", "none,concurrent,after").split(","));
    HttpClient coldClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    warmClient(coldClient);
    int rounds = option(a, "--rounds", 5);
    int requests = option(a, "--requests", 60);
    long files;
    try (Stream<?> s = Storage.open(roots(folder)).files(id)) {
      files = s.count();
    }
    System.out.printf(Locale.ROOT, "patient %s: %,d files; load average at start %.2f on %d cores; cold client in the %s%n",
        id.value(), files, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors(), clientInChild ? "server JVM (as until session 6)" : "parent JVM");

    // the three kinds of cold chart take turns, so that a change of load touches them alike
    Map<String, List<Double>> coldWall = new LinkedHashMap<>();
    Map<String, List<Double>> coldCpu = new LinkedHashMap<>();
    Map<String, List<Double>> coldStartWall = new LinkedHashMap<>();
    Map<String, List<Double>> coldStartCpu = new LinkedHashMap<>();
    for (int i = 0; i < cold; i++) {
      for (String mode : modes) {
        double[] c = runChild(mode, clientInChild, coldClient);
        coldWall.computeIfAbsent(mode, k -> new ArrayList<>()).add(c[0]);
        coldCpu.computeIfAbsent(mode, k -> new ArrayList<>()).add(c[1]);
        coldStartWall.computeIfAbsent(mode, k -> new ArrayList<>()).add(c[2]);
        coldStartCpu.computeIfAbsent(mode, k -> new ArrayList<>()).add(c[3]);
      }
    }
    for (String mode : coldWall.keySet()) {
      String what = switch (mode) {
        case "none" -> "no warm-up, asked at once";
        case "concurrent" -> "warm-up started as serve does, asked at once";
        default -> "asked after the warm-up ended";
      };
      System.out.printf(Locale.ROOT, "cold first chart (%s), wall (ms, %d fresh JVMs): %s%n", what,
          coldWall.get(mode).size(), summary(coldWall.get(mode)));
      System.out.printf(Locale.ROOT, "cold first chart (%s), process CPU (ms): %s%n", what,
          summary(coldCpu.get(mode)));
      System.out.printf(Locale.ROOT, "  server JVM from index open to ready, wall (ms): %s%n", summary(coldStartWall.get(mode)));
      System.out.printf(Locale.ROOT, "  server JVM from index open to ready, process CPU (ms): %s%n",
          summary(coldStartCpu.get(mode)));
    }

    if (a.contains("--cold-only")) {
      System.out.printf(Locale.ROOT, "load average at end %.2f%n",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      return;
    }
    try (PatientIndex index = PatientIndex.openExisting(folder.resolve("index"))) {
      Path audit = Workspace.work().resolve("chart-audit.jsonl");
      Files.deleteIfExists(audit);
      try (ViewerServer server = ViewerServer.builder(new IndexViewerData(index)).port(0).auditLog(audit).build()
          .start()) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI chart = server.url().resolve("/api/patients/" + id.value());
        // first view of the heavy patient in a server that has shown other charts (its JIT is warm)
        for (int other = 1; other <= 20; other++) {
          get(client, server.url().resolve("/api/patients/" + String.format(Locale.ROOT, "%010d", 100_000 + other)));
        }
        long f0 = System.nanoTime();
        long fc0 = cpu();
        int bytes = get(client, chart).length;
        System.out.printf(Locale.ROOT, "first view in a running server: wall %.1f ms, process CPU %.1f ms%n",
            (System.nanoTime() - f0) / 1e6, (cpu() - fc0) / 1e6);
        for (int i = 0; i < 20; i++) {
          get(client, chart); // warm-up
        }
        List<Double> p95s = new ArrayList<>();
        List<Double> p50s = new ArrayList<>();
        List<Double> cpuPerRequest = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          List<Double> ms = new ArrayList<>();
          long c0 = cpu();
          for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            get(client, chart);
            ms.add((System.nanoTime() - t0) / 1e6);
          }
          cpuPerRequest.add((cpu() - c0) / 1e6 / requests);
          p50s.add(percentile(ms, 50));
          p95s.add(percentile(ms, 95));
        }
        System.out.printf(Locale.ROOT, "warm chart p50 per round, wall (ms): %s%n", summary(p50s));
        System.out.printf(Locale.ROOT, "warm chart p95 per round, wall (ms): %s%n", summary(p95s));
        System.out.printf(Locale.ROOT, "warm chart, process CPU per request (ms): %s%n", summary(cpuPerRequest));
        System.out.printf(Locale.ROOT, "chart JSON: %,d bytes (%.1f KB)%n", bytes, bytes / 1024.0);
      }
    }

    Storage storage = Storage.open(roots(folder));
    List<Double> full = new ArrayList<>();
    List<Double> fullCpu = new ArrayList<>();
    for (int i = 0; i < Math.max(3, rounds); i++) {
      long t0 = System.nanoTime();
      long c0 = cpu();
      ClinicalSummary s = ClinicalSummary.read(storage, id, LocalDate.now());
      full.add((System.nanoTime() - t0) / 1e6);
      fullCpu.add((cpu() - c0) / 1e6);
      if (s.medications().isEmpty()) {
        throw new IllegalStateException("the long-stay patient has no medications: " + s);
      }
    }
    System.out.printf(Locale.ROOT, "baseline, every current file read and summarised, wall (ms, warm): %s%n",
        summary(full));
    System.out.printf(Locale.ROOT, "baseline, process CPU (ms): %s%n", summary(fullCpu));
    System.out.printf(Locale.ROOT, "load average at end %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /**
   * One cold chart in this (fresh) JVM. {@code warmUp}: {@code none} asks at once with no warm-up; {@code concurrent}
   * starts the viewer's warm-up as {@code ssmix2 serve} does and asks at once; {@code after} waits for the warm-up to
   * end first (a clinician arriving after the viewer has been up for a few seconds).
   *
   * <p>With the client in the parent: prints {@code READY url openToReadyWallMs openToReadyCpuMs} once the server
   * listens, waits for a line on stdin (the parent has the chart's last byte), then prints {@code CPU ms} of this
   * process since READY. With {@code clientInChild}: builds a client, asks, and prints
   * {@code COLD wallMs cpuMs openToReadyWallMs openToReadyCpuMs} (the measure until session 6).
   */
  private static void childCold(Path folder, PatientId id, String warmUp, boolean clientInChild) throws Exception {
    long t0 = System.nanoTime();
    long c0 = cpu();
    try (PatientIndex index = PatientIndex.openExisting(folder.resolve("index"))) {
      IndexViewerData data = new IndexViewerData(index);
      if (!warmUp.equals("none")) {
        Thread warm = data.warmUpInBackground();
        if (warmUp.equals("after")) {
          warm.join();
        }
      }
      try (ViewerServer server = ViewerServer.builder(data).port(0)
          .auditLog(Workspace.work().resolve("chart-audit-cold.jsonl")).build().start()) {
        long t1 = System.nanoTime();
        long c1 = cpu();
        if (clientInChild) {
          HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
          get(client, server.url().resolve("/api/patients/" + id.value()));
          long t2 = System.nanoTime();
          long c2 = cpu();
          System.out.printf(Locale.ROOT, "COLD %.1f %.1f %.1f %.1f%n", (t2 - t1) / 1e6, (c2 - c1) / 1e6,
              (t1 - t0) / 1e6, (c1 - c0) / 1e6);
          return;
        }
        System.out.printf(Locale.ROOT, "READY %s %.1f %.1f%n", server.url(), (t1 - t0) / 1e6, (c1 - c0) / 1e6);
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        long c2 = cpu();
        System.out.printf(Locale.ROOT, "CPU %.1f%n", (c2 - c1) / 1e6);
        System.out.flush();
      }
    }
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Wall and CPU milliseconds of one cold chart in a fresh JVM, then the wall and CPU milliseconds from the index's
   * opening to the server's readiness.
   */
  private static double[] runChild(String warmUp, boolean clientInChild, HttpClient client)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        "-Dssmix2.bench.work=" + Workspace.work(), ChartBenchmark.class.getName(), "--child-cold", warmUp));
    if (clientInChild) {
      command.add("--client-in-child");
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    var lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    double[] result = new double[4];
    String prefix = clientInChild ? "COLD " : "READY ";
    String line;
    while ((line = lines.readLine()) != null && !line.startsWith(prefix)) {
      out.append(line).append('\n');
    }
    if (line == null) {
      p.waitFor();
      throw new IllegalStateException("cold child printed no time: " + out);
    }
    String[] f = line.split(" ");
    if (clientInChild) {
      for (int i = 0; i < 4; i++) {
        result[i] = Double.parseDouble(f[i + 1]);
      }
    } else {
      long t1 = System.nanoTime();
      get(client, URI.create(f[1]).resolve("/api/patients/" + longStayPatient().value()));
      result[0] = (System.nanoTime() - t1) / 1e6;
      result[2] = Double.parseDouble(f[2]);
      result[3] = Double.parseDouble(f[3]);
      p.getOutputStream().write("done\n".getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().flush();
      while ((line = lines.readLine()) != null && !line.startsWith("CPU ")) {
        out.append(line).append('\n');
      }
      if (line == null) {
        p.waitFor();
        throw new IllegalStateException("cold child printed no CPU time: " + out);
      }
      result[1] = Double.parseDouble(line.substring(4));
    }
    lines.transferTo(Writer.nullWriter());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("cold child failed: " + out);
    }
    return result;
  }

  /**
   * Warms the parent's client on a server of the JDK (not the viewer), so that the cold figures hold the server's cold
   * start and not the client's.
   */
  private static void warmClient(HttpClient client) throws IOException, InterruptedException {
    HttpServer jdk = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    byte[] body = "{\"warm\":true}".getBytes(StandardCharsets.UTF_8);
    jdk.createContext("/", x -> {
      x.sendResponseHeaders(200, body.length);
      try (var o = x.getResponseBody()) {
        o.write(body);
      }
    });
    jdk.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + jdk.getAddress().getPort() + "/api/patients/warm");
      for (int i = 0; i < 200; i++) {
        get(client, uri);
      }
    } finally {
      jdk.stop(0);
    }
  }

  private static byte[] get(HttpClient client, URI uri) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + uri + " answered " + r.statusCode());
    }
    return r.body();
  }

  /** The storage and its index, generated once. */
  static Path prepare() throws IOException {
    Path folder = Workspace.work().resolve("storage-longstay-s" + SEED + "-n" + PATIENTS + "+1");
    Path marker = folder.resolve(".complete");
    if (!Files.exists(marker)) {
      Workspace.deleteTree(folder);
      System.err.println("generating " + PATIENTS + " patients + 1 long-stay patient in " + folder + " …");
      GenerationSummary g = SyntheticStorage.builder().patients(PATIENTS).longStay(1).seed(SEED).build()
          .generate(folder.resolve("generated"), ProgressListener.none());
      try (PatientIndex index = PatientIndex.open(folder.resolve("index"))) {
        index.update(Storage.open(g.roots()), ProgressListener.none());
      }
      Files.writeString(marker, g.files() + " files\n");
    }
    return folder;
  }

  private static List<Path> roots(Path folder) {
    try (Stream<Path> s = Files.list(folder.resolve("generated"))) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Long-stay patients come after the others; IDs count from 0000100001 (see the generator). */
  private static PatientId longStayPatient() {
    return PatientId.of(String.format(Locale.ROOT, "%010d", 100_001 + PATIENTS));
  }

  private static String text(List<String> args, String name, String fallback) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
  }

  private static int option(List<String> args, String name, int fallback) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
  }

  static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
  }

  /** Median, min–max and the spread (max − min) as a share of the median. */
  private static String summary(List<Double> values) {
    double median = percentile(values, 50);
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return String.format(Locale.ROOT, "median %.1f, min %.1f, max %.1f, p95 %.1f (spread %.0f %% of median; n=%d)",
        median, min, max, percentile(values, 95), median == 0 ? 0 : 100 * (max - min) / median, values.size());
  }
}

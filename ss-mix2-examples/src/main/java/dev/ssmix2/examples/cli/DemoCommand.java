package dev.ssmix2.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.synth.GenerationSummary;
import dev.ssmix2.core.synth.Profile;
import dev.ssmix2.core.synth.SyntheticStorage;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.examples.web.IndexViewerData;
import dev.ssmix2.examples.web.PatientChart;
import dev.ssmix2.examples.web.RecordStatus;
import dev.ssmix2.examples.web.SearchHit;
import dev.ssmix2.examples.web.ViewerData;
import dev.ssmix2.examples.web.ViewerServer;
import dev.ssmix2.index.store.IndexReport;
import dev.ssmix2.index.store.PatientIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ssmix2 demo}: the main job on a fresh machine. Generates (or reuses) a sample storage with real-world quirks,
 * indexes it and opens the viewer on 127.0.0.1 — or, with {@code --no-serve}, prints sample searches and one chart.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Generate a sample storage (~2,000 patients), index it and start the viewer on 127.0.0.1.")
final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--workdir", defaultValue = "ssmix2-demo", paramLabel = "DIR",
      description = "Folder for the sample storage, index and audit log (default ${DEFAULT-VALUE}); reused if present.")
  Path workdir;

  @Option(names = "--patients", defaultValue = "2000", description = "Patients to generate (default ${DEFAULT-VALUE}).")
  int patients;

  @Option(names = "--seed", defaultValue = "7", description = "Generator seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--no-serve", description = "Print sample searches and one patient's chart instead of serving.")
  boolean noServe;

  @Option(names = "--port", defaultValue = "8080", description = "Viewer port (default ${DEFAULT-VALUE}; 0 = any).")
  int port;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!noServe && spec.commandLine().getParseResult().hasMatchedOption("--port")) {
      // an explicitly asked port that is taken fails now, not after generating and indexing
      try {
        ViewerServer.checkPortFree("127.0.0.1", port);
      } catch (java.io.UncheckedIOException e) {
        spec.commandLine().getErr().println("ssmix2 demo: " + e.getMessage());
        return Main.EXIT_USAGE;
      }
    }
    Path storageDir = workdir.resolve("storage");
    Path indexDir = workdir.resolve("index");
    List<Path> roots = ensureStorage(storageDir, out);
    try (PatientIndex index = PatientIndex.open(indexDir)) {
      IndexReport report;
      try (ConsoleProgress bar = ConsoleProgress.onStderr(spec, "indexing")) {
        report = index.update(Storage.open(roots),
            p -> bar.update(p.filesSeen(), p.filesExpected(), "files"));
      }
      out.println("index: " + indexDir + " — " + index.patientCount() + " patients, " + report.filesIndexed()
          + " files read this run");
      IndexViewerData data = new IndexViewerData(index);
      if (noServe) {
        printSamples(data, storageDir.resolve("manifest.jsonl"), out);
        return 0;
      }
      data.warmUpInBackground();
      try (ViewerServer server = startViewer(data)) {
        out.println();
        out.println("ss-mix2 viewer: " + server.url());
        printSuggestions(data, storageDir.resolve("manifest.jsonl"), out);
        out.println("Press Ctrl-C to stop.");
        out.flush();
        ServeCommand.awaitShutdown(server, index);
      }
    }
    return 0;
  }

  /** The viewer on the asked port; when the default port is taken, on any free one rather than failing. */
  private ViewerServer startViewer(IndexViewerData data) {
    ViewerServer.Builder b = ViewerServer.builder(data).auditLog(workdir.resolve("audit.log"));
    try {
      return b.port(port).build().start();
    } catch (java.io.UncheckedIOException e) {
      if (spec.commandLine().getParseResult().hasMatchedOption("--port")) {
        throw e;
      }
      spec.commandLine().getErr().println("port " + port + " is busy; using a free port instead");
      return b.port(0).build().start();
    }
  }

  private List<Path> ensureStorage(Path storageDir, PrintWriter out) {
    Path manifest = storageDir.resolve("manifest.jsonl");
    if (Files.isRegularFile(manifest)) {
      out.println("reusing sample storage in " + storageDir);
      return rootsIn(storageDir);
    }
    out.println("generating " + patients + " sample patients into " + storageDir + " (seed " + seed + ")");
    GenerationSummary s;
    try (ConsoleProgress bar = ConsoleProgress.onStderr(spec, "generating")) {
      s = storage(patients, seed).generate(storageDir, p -> bar.update(p.patientsDone(), p.patientsTotal(), "patients"));
    }
    out.println("generated " + s.files() + " files for " + s.patients() + " patients in " + s.roots().size()
        + " roots, with " + s.defects() + " deliberate real-world defects");
    return s.roots();
  }

  /** The demo storage: realistic defects, two roots, and the patients README's example searches find. */
  static SyntheticStorage storage(int patients, long seed) {
    return SyntheticStorage.builder().patients(patients).seed(seed).profile(Profile.REALISTIC).splitRoots(true)
        .teachingPatients(true).build();
  }

  /** The generator's root folders: every folder beside the manifest. */
  private static List<Path> rootsIn(Path storageDir) {
    try (Stream<Path> s = Files.list(storageDir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + storageDir + ": " + e.getMessage(), e);
    }
  }

  /** A search the demo suggests, and the patient it was checked to find. */
  record Sample(String query, String patientId, String name, String why) {}

  /** How many manifest lines the sample choice looks at; the generated storage puts its richest charts first. */
  private static final int SAMPLE_CANDIDATES = 200;

  /**
   * Five searches chosen from the generator's ground truth, each checked to find its patient: a name in hiragana for
   * a patient whose chart has allergies, lab results and superseded versions, then a kanji name, an ID without its
   * leading zeros, a birth date in the Japanese era and a kana prefix for other patients.
   */
  static List<Sample> samples(ViewerData data, Path manifest) throws IOException {
    List<JsonNode> people = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null && people.size() < SAMPLE_CANDIDATES) {
        people.add(json.readTree(line));
      }
    }
    List<Sample> samples = new ArrayList<>();
    java.util.Set<String> used = new java.util.HashSet<>();
    for (JsonNode p : people) {
      String id = text(p, "patientId");
      if (text(p, "familyKana").isEmpty() || text(p, "givenKana").isEmpty() || !isRich(data, id)) {
        continue;
      }
      Optional<Sample> s = checked(data, toHiragana(text(p, "familyKana") + " " + text(p, "givenKana")), p,
          "アレルギー・検査結果・訂正された版のある患者");
      if (s.isPresent()) {
        samples.add(s.get());
        used.add(id);
        break;
      }
    }
    List<java.util.function.Function<JsonNode, Optional<Sample>>> kinds = List.of(
        p -> text(p, "familyKanji").isEmpty() || text(p, "givenKanji").isEmpty() ? Optional.empty()
            : checked(data, text(p, "familyKanji") + text(p, "givenKanji"), p, "漢字氏名（空白なし）"),
        p -> checked(data, PatientId.of(text(p, "patientId")).unpadded(), p, "患者ID（先頭の 0 なし）"),
        p -> text(p, "birthDate").isEmpty() ? Optional.empty()
            : checked(data, wareki(LocalDate.parse(text(p, "birthDate"))), p, "生年月日（和暦）"),
        p -> text(p, "familyKana").length() < 3 ? Optional.empty()
            : checked(data, toHiragana(text(p, "familyKana")).substring(0, 3) + " " + wareki(LocalDate.parse(
                text(p, "birthDate"))), p, "よみの先頭 3 文字と生年月日"));
    int next = 0;
    for (var kind : kinds) {
      for (int i = 0; i < people.size(); i++) {
        JsonNode p = people.get((next + i) % people.size());
        if (used.contains(text(p, "patientId"))) {
          continue;
        }
        Optional<Sample> s = kind.apply(p);
        if (s.isPresent()) {
          samples.add(s.get());
          used.add(s.get().patientId());
          next = (next + i + 7) % people.size();
          break;
        }
      }
    }
    return samples;
  }

  /** Allergies, lab results and at least one superseded version: the chart that shows most of the viewer. */
  private static boolean isRich(ViewerData data, String id) {
    Optional<PatientChart> chart = data.patient(id);
    return chart.isPresent() && !chart.get().allergies().isEmpty() && !chart.get().labs().isEmpty()
        && data.records(id, true).orElse(List.of()).stream().anyMatch(r -> r.status() == RecordStatus.SUPERSEDED);
  }

  /** The sample, if the query really finds the patient among the first hits. */
  private static Optional<Sample> checked(ViewerData data, String query, JsonNode p, String why) {
    String id = text(p, "patientId");
    return data.search(query, 10).hits().stream().filter(h -> h.patientId().equals(id)).findFirst()
        .map(h -> new Sample(query, id, h.name(), why));
  }

  /** {@code S50.3.15}: the era letter and year as reception desks write birth dates. */
  static String wareki(LocalDate date) {
    java.time.chrono.JapaneseDate j = java.time.chrono.JapaneseDate.from(date);
    String era = switch (j.getEra().getValue()) {
      case -1 -> "M";
      case 0 -> "T";
      case 1 -> "S";
      case 2 -> "H";
      default -> "R";
    };
    return era + j.get(java.time.temporal.ChronoField.YEAR_OF_ERA) + "." + date.getMonthValue() + "."
        + date.getDayOfMonth();
  }

  private static void printSamples(ViewerData data, Path manifest, PrintWriter out) throws IOException {
    List<Sample> samples = samples(data, manifest);
    for (Sample sample : samples) {
      out.println();
      out.println("search: " + sample.query() + "   (" + sample.why() + ")");
      for (SearchHit h : data.search(sample.query(), 5).hits()) {
        out.printf("  %-12s %-14s %-16s %s %s  [%s]%n", h.patientId(), h.name(), h.kana(),
            h.birthDate().map(Object::toString).orElse("----------"), h.sex(), String.join(", ", h.matched()));
      }
    }
    if (!samples.isEmpty()) {
      data.patient(samples.get(0).patientId()).ifPresent(c -> printChart(c, out));
    }
    out.flush();
  }

  /** The suggestions printed when the viewer starts: query, then the patient it finds. */
  private static void printSuggestions(ViewerData data, Path manifest, PrintWriter out) throws IOException {
    List<Sample> samples = samples(data, manifest);
    if (samples.isEmpty()) {
      return;
    }
    out.println("Try these searches (each finds the patient shown):");
    int width = samples.stream().mapToInt(s -> columns(s.query())).max().orElse(10);
    for (Sample s : samples) {
      out.println("  " + s.query() + " ".repeat(width + 2 - columns(s.query())) + "→ " + s.name() + "  ID "
          + s.patientId() + "  (" + s.why() + ")");
    }
  }

  private static void printChart(PatientChart c, PrintWriter out) {
    out.println();
    out.println("=== " + c.name() + " (" + c.kana() + ")  ID " + c.patientId() + "  "
        + c.birthDate().map(Object::toString).orElse("生年月日不明")
        + (c.age().isPresent() ? " " + c.age().getAsInt() + "歳" : "") + "  " + c.sex() + " ===");
    if (!c.allergiesRecorded()) {
      out.println("アレルギー: 未登録 (有無不明)");
    } else if (c.allergies().isEmpty()) {
      out.println("アレルギー: なし");
    } else {
      c.allergies().forEach(a -> out.println("!! アレルギー: " + a.allergen() + " " + a.severity() + " " + a.reaction()));
    }
    out.println("-- 処方・注射 (" + c.prescriptions().size() + ")");
    c.prescriptions().stream().limit(8).forEach(p -> out.println("  " + p.date() + " " + p.kind() + " " + p.drug()
        + " " + p.dose() + p.unit() + " " + p.usage() + (p.days().isEmpty() ? "" : " " + p.days() + "日分")));
    out.println("-- 検査結果 (" + c.labs().size() + ")");
    c.labs().stream().limit(10).forEach(l -> out.println("  " + l.date() + " " + l.name() + " " + l.value() + " "
        + l.unit() + (l.referenceRange().isEmpty() ? "" : " (" + l.referenceRange() + ")")
        + (l.abnormalFlag().isEmpty() || l.abnormalFlag().equals("N") ? "" : " " + l.abnormalFlag())));
    out.println("-- 病名 (" + c.problems().size() + ")");
    c.problems().forEach(p -> out.println("  " + p.name() + (p.icd10().isEmpty() ? "" : " [" + p.icd10() + "]")));
    out.println("-- 受診・入退院 (" + c.encounters().size() + ")");
    c.encounters().stream().limit(8).forEach(e -> out.println("  " + e.date() + " " + e.kind() + " " + e.ward()));
    c.notes().forEach(n -> out.println("note: " + n));
  }

  /** Terminal columns: CJK and full-width characters take two. */
  private static int columns(String s) {
    return s.codePoints().map(c -> c >= 0x1100 && (c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF
        || c >= 0xAC00 && c <= 0xD7A3 || c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F
        || c >= 0xFF00 && c <= 0xFF60 || c >= 0xFFE0 && c <= 0xFFE6 || c >= 0x20000) ? 2 : 1).sum();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  private static String toHiragana(String katakana) {
    StringBuilder sb = new StringBuilder(katakana.length());
    katakana.codePoints().forEach(c -> sb.appendCodePoint(c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c));
    return sb.toString();
  }
}

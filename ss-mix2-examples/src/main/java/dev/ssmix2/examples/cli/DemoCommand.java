package dev.ssmix2.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.synth.GenerationSummary;
import dev.ssmix2.core.synth.Profile;
import dev.ssmix2.core.synth.SyntheticStorage;
import dev.ssmix2.examples.web.IndexViewerData;
import dev.ssmix2.examples.web.PatientChart;
import dev.ssmix2.examples.web.SearchHit;
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
import java.util.List;
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
      try (ViewerServer server = startViewer(data)) {
        out.println();
        out.println("ss-mix2 viewer: " + server.url());
        out.println("Try searching for a name in kana, kanji or romaji, an ID, or a birth date such as S50.3.15.");
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
      s = SyntheticStorage.builder().patients(patients).seed(seed).profile(Profile.REALISTIC).splitRoots(true)
          .build().generate(storageDir, p -> bar.update(p.patientsDone(), p.patientsTotal(), "patients"));
    }
    out.println("generated " + s.files() + " files for " + s.patients() + " patients in " + s.roots().size()
        + " roots, with " + s.defects() + " deliberate real-world defects");
    return s.roots();
  }

  /** The generator's root folders: every folder beside the manifest. */
  private static List<Path> rootsIn(Path storageDir) {
    try (Stream<Path> s = Files.list(storageDir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + storageDir + ": " + e.getMessage(), e);
    }
  }

  /** Searches built from the generator's ground truth, so the output shows what a desk would type. */
  private static void printSamples(IndexViewerData data, Path manifest, PrintWriter out) throws IOException {
    List<JsonNode> people = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null && people.size() < 40) {
        people.add(json.readTree(line));
      }
    }
    List<String> queries = new ArrayList<>();
    for (int i = 0; i < people.size() && queries.size() < 5; i += 7) {
      JsonNode p = people.get(i);
      switch (queries.size()) {
        case 0 -> queries.add(text(p, "familyKanji") + " " + text(p, "givenKanji"));
        case 1 -> queries.add(toHiragana(text(p, "familyKana") + " " + text(p, "givenKana")));
        case 2 -> queries.add(text(p, "patientId").replaceFirst("^0+", ""));
        case 3 -> queries.add(text(p, "familyKana") + " " + text(p, "birthDate"));
        default -> queries.add(toHiragana(text(p, "familyKana")).substring(0, 2));
      }
    }
    for (String q : queries) {
      if (q.isBlank()) {
        continue;
      }
      out.println();
      out.println("search: " + q);
      for (SearchHit h : data.search(q, 5).hits()) {
        out.printf("  %-12s %-14s %-16s %s %s  [%s]%n", h.patientId(), h.name(), h.kana(),
            h.birthDate().map(Object::toString).orElse("----------"), h.sex(), String.join(", ", h.matched()));
      }
    }
    if (!people.isEmpty()) {
      data.patient(text(people.get(0), "patientId")).ifPresent(c -> printChart(c, out));
    }
    out.flush();
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

package dev.ssmix2.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.synth.GenerationSummary;
import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.examples.web.IndexViewerData;
import dev.ssmix2.examples.web.RecordStatus;
import dev.ssmix2.examples.web.SearchHit;
import dev.ssmix2.index.store.PatientIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The searches README quotes, and those the demo prints, find someone on the demo storage (generated as
 * {@code ssmix2 demo} generates it, with fewer random patients so the test stays fast; the teaching patients the
 * examples rely on are the same at any size).
 */
class DemoSearchesTest {
  @TempDir static Path work;
  private static PatientIndex index;
  private static IndexViewerData data;
  private static Path manifest;

  @BeforeAll
  static void demoStorage() {
    GenerationSummary s = DemoCommand.storage(150, 7).generate(work.resolve("storage"), ProgressListener.none());
    manifest = s.manifest();
    index = PatientIndex.open(work.resolve("index"));
    index.update(Storage.open(s.roots()), ProgressListener.none());
    data = new IndexViewerData(index);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  /** A quoted query, the patient README says it finds (empty if none), and the tag it says it carries. */
  record Example(String query, String finds, String tag) {}

  @Test
  void everyQueryReadmeQuotesFindsThePatientItNamesWithTheTagItNames() throws IOException {
    List<Example> examples = readmeExamples();
    assertThat(examples).extracting(Example::query)
        .contains("やまだ たろう", "山田太郎", "777", "1948-04-05", "昭和23年4月5日", "S50.3.15", "浜田 健");

    SoftAssertions soft = new SoftAssertions();
    for (Example e : examples) {
      List<SearchHit> hits = data.search(e.query(), 30).hits();
      List<SearchHit> named = hits.stream().filter(h -> e.finds().isEmpty()
          || unspaced(h.name()).contains(unspaced(e.finds())) || unspaced(h.kana()).contains(unspaced(e.finds())))
          .toList();
      soft.assertThat(named).as("hits for %s naming '%s': %s", e.query(), e.finds(), hits).isNotEmpty();
      if (!e.tag().isEmpty()) {
        soft.assertThat(named).as("hits for %s tagged %s: %s", e.query(), e.tag(), named)
            .anySatisfy(h -> assertThat(h.matched()).contains(e.tag()));
      }
    }
    soft.assertAll();
  }

  @Test
  void theFiveQueriesOfTheFirstLineFindYamadaTaro() {
    for (String q : List.of("やまだ たろう", "山田太郎", "777", "1948-04-05", "昭和23年4月5日")) {
      assertThat(data.search(q, 30).hits()).as(q).anySatisfy(h -> {
        assertThat(h.patientId()).isEqualTo("0000000777");
        assertThat(h.birthDate()).contains(LocalDate.of(1948, 4, 5));
      });
    }
  }

  @Test
  void theDemoSuggestsFiveSearchesThatFindTheirPatientTheFirstARichChart() throws IOException {
    List<DemoCommand.Sample> samples = DemoCommand.samples(data, manifest);

    assertThat(samples).hasSize(5);
    assertThat(samples).extracting(DemoCommand.Sample::patientId).doesNotHaveDuplicates();
    for (DemoCommand.Sample s : samples) {
      assertThat(data.search(s.query(), 10).hits()).as(s.query())
          .anySatisfy(h -> assertThat(h.patientId()).isEqualTo(s.patientId()));
    }
    String rich = samples.get(0).patientId();
    var chart = data.patient(rich).orElseThrow();
    assertThat(chart.allergies()).isNotEmpty();
    assertThat(chart.labs()).isNotEmpty();
    assertThat(data.records(rich, true).orElseThrow()).anySatisfy(r ->
        assertThat(r.status()).isEqualTo(RecordStatus.SUPERSEDED));
  }

  @Test
  void warekiIsHowADeskWritesABirthDate() {
    assertThat(DemoCommand.wareki(LocalDate.of(1975, 3, 15))).isEqualTo("S50.3.15");
    assertThat(DemoCommand.wareki(LocalDate.of(1989, 6, 9))).isEqualTo("H1.6.9");
    assertThat(DemoCommand.wareki(LocalDate.of(1920, 1, 2))).isEqualTo("T9.1.2");
    assertThat(DemoCommand.wareki(LocalDate.of(2020, 5, 1))).isEqualTo("R2.5.1");
  }

  /** The quoted queries of README's search section: the free-text line, the tier table and the placeholder note. */
  static List<Example> readmeExamples() throws IOException {
    String readme = Files.readString(readme(), StandardCharsets.UTF_8);
    int from = readme.indexOf("## Search: what a reception desk can type");
    String section = readme.substring(from, readme.indexOf("\n## ", from + 10));
    List<Example> out = new ArrayList<>();
    String freeText = section.substring(section.indexOf("Free text in any order:"), section.indexOf("Hits are ranked"));
    Matcher q = Pattern.compile("`([^`]+)`(?: \\(finds ([^)]+)\\))?").matcher(freeText);
    while (q.find()) {
      out.add(new Example(q.group(1), q.group(2) == null ? "" : q.group(2), ""));
    }
    Matcher row = Pattern.compile("(?m)^\\| [^|]+ \\| (\\S+) \\| (.+) \\|$").matcher(section);
    while (row.find()) {
      if (row.group(1).equals("tag") || row.group(1).startsWith("-")) {
        continue;
      }
      Matcher cell = Pattern.compile("`([^`]+)`(?: for ([^,\\s]+))?").matcher(row.group(2));
      while (cell.find()) {
        out.add(new Example(cell.group(1), cell.group(2) == null ? "" : cell.group(2), row.group(1)));
      }
    }
    Matcher note = Pattern.compile("`([^`]+)` still finds a patient registered as `[^`/]+ / ([^`]+)`")
        .matcher(section.replace("\n", " "));
    while (note.find()) {
      out.add(new Example(note.group(1), note.group(2), ""));
    }
    return out;
  }

  private static String unspaced(String s) {
    return s.replace(" ", "").replace("\u3000", "");
  }

  private static Path readme() {
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("ss-mix2-core"))) {
        return p.resolve("README.md");
      }
    }
    throw new IllegalStateException("README.md of the project not found");
  }
}

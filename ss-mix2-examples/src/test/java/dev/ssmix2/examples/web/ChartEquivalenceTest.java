package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.summary.ChartWindow;
import dev.ssmix2.core.synth.GenerationSummary;
import dev.ssmix2.core.synth.SyntheticStorage;
import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.search.SearchResult;
import dev.ssmix2.index.store.ChangeDetection;
import dev.ssmix2.index.store.Facility;
import dev.ssmix2.index.store.IndexProgress;
import dev.ssmix2.index.store.IndexReport;
import dev.ssmix2.index.store.IndexedPatient;
import dev.ssmix2.index.store.PatientIndex;
import dev.ssmix2.index.store.PatientRecords;
import dev.ssmix2.index.store.PatientStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart built from the records the index chooses (doc values, {@code PatientIndex.chartRecords}) is the chart
 * built from the whole record list, as the viewer built it before: byte for byte the same JSON, on every patient of the
 * fixtures and on a generated ten-year long-stay patient, with the default window and narrow ones; so is every page
 * of older results and orders.
 */
class ChartEquivalenceTest {
  private static final List<ChartWindow> WINDOWS = List.of(ChartWindow.defaults(), new ChartWindow(1, 30, 0, 1, 1),
      new ChartWindow(3, 30, 5, 4, 2));

  @TempDir Path tmp;

  private static String chartJson(IndexViewerData data, String key) throws JsonProcessingException {
    return Json.mapper().writeValueAsString(data.patient(key).orElseThrow());
  }

  /** Compares the charts of every patient, and their first {@code pages} pages of older results and orders. */
  private static int compare(PatientIndex index, Clock clock, int pages) throws JsonProcessingException {
    List<Path> roots = index.roots().stream().filter(Files::isDirectory).toList();
    List<PatientId> ids;
    try (Stream<PatientFolder> s = Storage.open(roots).patients(u -> { })) {
      ids = s.map(PatientFolder::patientId).distinct().filter(id -> index.patient(id).isPresent()).toList();
    }
    int compared = 0;
    for (ChartWindow w : WINDOWS) {
      IndexViewerData chosen = new IndexViewerData(index, clock, w);
      IndexViewerData listed = new IndexViewerData(new ListedRecords(index), clock, w);
      for (PatientId id : ids) {
        assertThat(chartJson(chosen, id.value())).as(id + " " + w).isEqualTo(chartJson(listed, id.value()));
        comparePages(chosen, listed, id.value(), w, pages);
        compared++;
      }
    }
    return compared;
  }

  /** Every page of older results and orders, from the chart's own "older before" to the last, is the same. */
  private static void comparePages(IndexViewerData chosen, IndexViewerData listed, String id, ChartWindow w,
      int pages) throws JsonProcessingException {
    PatientChart chart = chosen.patient(id).orElseThrow();
    String before = chart.labTable().olderBefore();
    for (int page = 0; !before.isEmpty() && page < pages; page++) {
      LabTable a = chosen.labs(id, java.time.LocalDate.parse(before)).orElseThrow();
      LabTable b = listed.labs(id, java.time.LocalDate.parse(before)).orElseThrow();
      assertThat(Json.mapper().writeValueAsString(a)).as(id + " " + w + " labs before " + before)
          .isEqualTo(Json.mapper().writeValueAsString(b));
      before = a.olderBefore();
    }
    assertThat(pages == Integer.MAX_VALUE ? before : "").as("the pages end").isEmpty();
    before = chart.prescriptionsOlderBefore();
    for (int page = 0; !before.isEmpty() && page < pages; page++) {
      MedicationPage a = chosen.medications(id, java.time.LocalDate.parse(before)).orElseThrow();
      MedicationPage b = listed.medications(id, java.time.LocalDate.parse(before)).orElseThrow();
      assertThat(Json.mapper().writeValueAsString(a)).as(id + " " + w + " orders before " + before)
          .isEqualTo(Json.mapper().writeValueAsString(b));
      before = a.olderBefore();
    }
    assertThat(pages == Integer.MAX_VALUE ? before : "").as("the pages end").isEmpty();
  }

  @Test
  void theFixturesChartsAreTheSame() throws JsonProcessingException {
    for (String day : List.of("2025-03-12T03:00:00Z", "2012-01-10T03:00:00Z")) {
      Clock clock = Clock.fixed(Instant.parse(day), ZoneId.of("Asia/Tokyo"));
      assertThat(compare(FixtureIndex.shared(), clock, Integer.MAX_VALUE)).isGreaterThan(2 * WINDOWS.size());
    }
  }

  @Test
  void theLongStayPatientsChartIsTheSame() throws JsonProcessingException {
    GenerationSummary g = SyntheticStorage.builder().patients(2).longStay(1).seed(7).vitals(true)
        .supersedeRate(0.2).deleteRate(0.1).build().generate(tmp.resolve("generated"), ProgressListener.none());
    try (PatientIndex index = PatientIndex.open(tmp.resolve("index"))) {
      index.update(Storage.open(g.roots()), ProgressListener.none());
      assertThat(index.records(PatientId.of("0000100003"), false).records()).hasSizeGreaterThan(4_000);
      for (String day : List.of("2025-04-01T03:00:00Z", "2025-03-20T03:00:00Z", "2019-07-01T03:00:00Z")) {
        Clock clock = Clock.fixed(Instant.parse(day), ZoneId.of("Asia/Tokyo"));
        PatientChart chart = new IndexViewerData(index, clock).patient("0000100003").orElseThrow();
        assertThat(chart.labTable().olderBefore()).as("older results come on request").isNotEmpty();
        // ten years of daily labs are hundreds of pages: the first ones are compared
        assertThat(compare(index, clock, 4)).isEqualTo(3 * WINDOWS.size());
      }
    }
  }

  /** The same index seen through {@link PatientStore}'s own {@code chartRecords}: the whole record list. */
  private record ListedRecords(PatientIndex index) implements PatientStore {
    @Override
    public List<PatientHit> search(String freeText, int limit) {
      return index.search(freeText, limit);
    }

    @Override
    public SearchResult searchResult(String freeText, int limit) {
      return index.searchResult(freeText, limit);
    }

    @Override
    public SearchResult searchResult(String freeText, String facility, int limit) {
      return index.searchResult(freeText, facility, limit);
    }

    @Override
    public Optional<IndexedPatient> patient(String facility, PatientId id) {
      return index.patient(facility, id);
    }

    @Override
    public List<IndexedPatient> patients(PatientId id) {
      return index.patients(id);
    }

    @Override
    public PatientRecords records(String facility, PatientId id, boolean history) {
      return index.records(facility, id, history);
    }

    @Override
    public List<Path> roots() {
      return index.roots();
    }

    @Override
    public List<Path> roots(String facility) {
      return index.roots(facility);
    }

    @Override
    public List<Facility> facilities() {
      return index.facilities();
    }

    @Override
    public long patientCount() {
      return index.patientCount();
    }

    @Override
    public boolean isCurrentVersion() {
      return index.isCurrentVersion();
    }

    @Override
    public IndexReport update(Facility facility, Storage storage, ChangeDetection detection,
        ProgressListener<IndexProgress> listener) {
      throw new UnsupportedOperationException("read only");
    }

    @Override
    public String location() {
      return index.location();
    }

    @Override
    public OptionalLong version() {
      return OptionalLong.empty(); // nothing cached: every chart is built anew
    }

    @Override
    public Optional<LocalDateTime> newestFileTime() {
      return index.newestFileTime();
    }

    @Override
    public void close() {
      // the index belongs to the test
    }
  }
}

package dev.ssmix2.index.population;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.population.ReceptionPopulation.Query;
import dev.ssmix2.index.population.ReceptionPopulation.Quirk;
import dev.ssmix2.index.population.ReceptionPopulation.Recall;
import dev.ssmix2.index.search.SearchResult;
import dev.ssmix2.index.store.PatientIndex;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Held-out-like search over a generated population of 5,000 patients with homonyms and the reception-desk quirks
 * ({@link ReceptionPopulation}): every kind of query must find its patient within the fair rank computed from the
 * ground truth, and put a patient the clerk could not tell apart from it first. The per-kind figures are printed; the
 * recall harness in {@code benchmarks} prints the same table for larger populations.
 */
class ReceptionPopulationSearchTest {
  static final int PATIENTS = 5_000;

  @TempDir static Path work;
  static ReceptionPopulation population;
  static PatientIndex index;
  static Map<String, Recall> recalls;

  @BeforeAll
  static void build() {
    population = ReceptionPopulation.generate(PATIENTS, 14L);
    Path root = population.writeStorage(work.resolve("storage"));
    index = PatientIndex.open(work.resolve("index"));
    index.update(Storage.open(root), ProgressListener.none());
    recalls = ReceptionPopulation.evaluate(population.queries(), q -> index.search(q.text(),
        ReceptionPopulation.limitFor(q)).stream().map(h -> h.patientId().value()).toList());
    System.out.print(ReceptionPopulation.table(recalls));
    recalls.values().forEach(r -> r.misses().forEach(m -> System.out.println("  miss [" + r.kind() + "] " + m)));
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void populationHasEveryQuirkAndNaturalHomonyms() {
    assertThat(index.patientCount()).isEqualTo(PATIENTS);
    for (Quirk quirk : Quirk.values()) {
      assertThat(population.people(p -> p.quirk() == quirk)).as(quirk.name()).hasSizeGreaterThan(20);
    }
    assertThat(recalls).containsKeys("basic-kanji", "basic-kana", "homonym-kanji", "other-reading", "provisional",
        "one-component", "foreign-western", "foreign-romaji", "large-kana", "placeholder");
    assertThat(recalls.values()).allMatch(r -> r.queries() >= 20);
  }

  @Test
  void everyKindFindsItsPatientWithinTheFairRank() {
    Map<String, Double> floor = new HashMap<>();
    recalls.keySet().forEach(k -> floor.put(k, 0.95));
    floor.put("other-reading", 0.9); // the population's own readings table knows readings IPADIC does not
    floor.put("placeholder", 0.9);
    for (Recall r : recalls.values()) {
      assertThat(r.recall()).as("%s recall; misses %s", r.kind(), r.misses()).isGreaterThanOrEqualTo(
          floor.get(r.kind()));
    }
  }

  @Test
  void noKindPullsAWrongPatientFirst() {
    for (Recall r : recalls.values()) {
      assertThat(r.precisionAtOne()).as("%s right@1", r.kind()).isGreaterThanOrEqualTo(0.9);
    }
  }

  @Test
  void homonymQueriesHintToAddTheBirthDate() {
    int hinted = 0;
    int asked = 0;
    for (Query q : population.queries()) {
      if (q.kind().equals("homonym-kanji")) {
        SearchResult r = index.searchResult(q.text(), 20);
        asked++;
        if (r.hint().isPresent() && r.sameName() >= 2) {
          hinted++;
        }
      }
    }
    assertThat(hinted).as("homonym queries with the birth-date hint").isGreaterThanOrEqualTo(asked * 9 / 10);
  }
}

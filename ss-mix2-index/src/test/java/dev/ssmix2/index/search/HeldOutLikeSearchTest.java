package dev.ssmix2.index.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.store.PatientIndex;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Search cases of the same kinds as search-cases-public, over new patients and many look-alike distractors
 * (heldout-like/*.tsv): guards against tuning the search to the public cases only.
 */
class HeldOutLikeSearchTest {
  private static final int DISTRACTORS = 600;

  @TempDir static Path work;
  static PatientIndex index;

  @BeforeAll
  static void build() {
    List<Path> roots = HeldOutLikeStorage.write(work.resolve("storage"), DISTRACTORS, 20240101L);
    index = PatientIndex.open(work.resolve("index"));
    index.update(Storage.open(roots.get(0), roots.get(1)), ProgressListener.none());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static Stream<Arguments> queries() {
    return HeldOutLikeStorage.tsv("queries.tsv").stream()
        .skip(1)
        .map(c -> Arguments.of(c[0], c[1], Integer.parseInt(c[2].strip()), c[3]));
  }

  @ParameterizedTest(name = "[{3}] {0} → {1} within {2}")
  @MethodSource("queries")
  void findsExpectedPatientWithinTopK(String query, String expected, int k, String category) {
    List<PatientHit> hits = index.search(query, k);
    assertThat(hits).extracting(h -> h.patientId().value())
        .as("top %s for '%s' (%s): %s", k, query, category, hits)
        .contains(expected);
  }

  @Test
  void composedReadingsRankBelowARegisteredReadingAndSayTheyAreGuesses() {
    List<PatientHit> hits = index.search("おかだ しょうま", 5);
    assertThat(hits).extracting(h -> h.patientId().value()).startsWith("0000003031", "0000002501");
    assertThat(hits.get(0).matched()).contains(MatchTag.READING).doesNotContain(MatchTag.GUESSED_READING);
    assertThat(hits.get(1).matched()).contains(MatchTag.GUESSED_READING);
  }

  @Test
  void everyListedPatientAndTheDistractorsAreIndexed() {
    assertThat(index.patientCount()).isEqualTo(HeldOutLikeStorage.listed().size() + DISTRACTORS);
  }
}

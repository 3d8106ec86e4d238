package dev.ssmix2.index.store;

import static dev.ssmix2.index.search.MatchTag.BIRTH_DATE;
import static dev.ssmix2.index.search.MatchTag.EXACT;
import static dev.ssmix2.index.search.MatchTag.GUESSED_READING;
import static dev.ssmix2.index.search.MatchTag.ID;
import static dev.ssmix2.index.search.MatchTag.PREFIX;
import static dev.ssmix2.index.search.MatchTag.READING;
import static dev.ssmix2.index.search.MatchTag.VARIANT;
import static dev.ssmix2.index.store.Adt00Files.pid5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.search.MatchTag;
import dev.ssmix2.index.search.PatientHit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tags a nurse sees next to a hit: one per typed name token (its strongest tier), plus ID一致 and 生年月日一致.
 * 読み推定 only when the patient has no registered reading.
 */
class MatchTagsTest {
  @TempDir static Path work;
  static PatientIndex index;

  @BeforeAll
  static void build() {
    Path root = work.resolve("storage");
    String ts = "20240101093000000";
    Adt00Files.write(root, "0000000001", pid5("松本", "夏美", "マツモト", "ナツミ"), "19750315", "F", ts, '1');
    Adt00Files.write(root, "0000000002", pid5("末本", "夏美", "マツモト", "ナツミ"), "19760101", "F", ts, '1');
    Adt00Files.write(root, "0000000003", pid5("松本", "夏美", "", ""), "19770101", "F", ts, '1');
    Adt00Files.write(root, "0000000004", pid5("髙橋", "一生", "タカハシ", "イッセイ"), "19800101", "M", ts, '1');
    Adt00Files.write(root, "0000000005", pid5("原田", "健", "ハラダ", "ケン"), "19600101", "M", ts, '1');
    index = PatientIndex.open(work.resolve("index"));
    index.update(Storage.open(root), ProgressListener.none());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  static List<MatchTag> tags(String query, String id) {
    return index.search(query, 10).stream().filter(h -> h.patientId().value().equals(id)).findFirst()
        .map(PatientHit::matched).orElseThrow(() -> new AssertionError(id + " not found for " + query));
  }

  @Test
  void exactNameWithRegisteredReadingIsOnlyExact() {
    assertThat(tags("松本 夏美", "0000000001")).containsExactly(EXACT);
  }

  @Test
  void typedKanjiReachingARegisteredReadingIsAReadingMatchNotAGuess() {
    assertThat(tags("松本 夏美", "0000000002")).containsExactly(READING);
  }

  @Test
  void completeMatchOnlyWhenEveryNameTokenMatchedAsWritten() {
    assertThat(tags("浜田 健", "0000000005")).as("健 as written, ハラダ close to ハマダ").doesNotContain(EXACT)
        .isNotEmpty();
    assertThat(tags("原田 健", "0000000005")).containsExactly(EXACT);
  }

  @Test
  void guessedReadingOnlyForAPatientWithoutOne() {
    assertThat(tags("まつもと なつみ", "0000000003")).containsExactly(GUESSED_READING);
    assertThat(tags("まつもと なつみ", "0000000001")).containsExactly(READING);
  }

  @Test
  void eachTokenShowsItsOwnStrongestTier() {
    assertThat(tags("松本 なつみ", "0000000001")).containsExactly(READING);
    assertThat(tags("高橋 いっせい", "0000000004")).containsExactly(VARIANT, READING);
    assertThat(tags("まつもと な", "0000000001")).containsExactly(READING, PREFIX);
  }

  @Test
  void idAndBirthDateAreListedBesideTheName() {
    assertThat(tags("松本 夏美 S50.3.15", "0000000001")).containsExactly(EXACT, BIRTH_DATE);
    assertThat(tags("1 松本", "0000000001")).containsExactly(ID, EXACT);
  }
}

package dev.ssmix2.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.UnplacedEntry.Problem;
import dev.ssmix2.index.store.TopLevelEntries.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopLevelEntriesTest {

  @Test
  void keepsEntriesAndTellsNoneKeptFromNoneThere() {
    List<Entry> entries = List.of(new Entry(0, "zzz/tmp/lock", Problem.STRAY_FILE, "a file"),
        new Entry(1, "000/𠮷", Problem.BAD_FOLDER, "not a patient folder"));
    assertThat(TopLevelEntries.decode(Map.of(TopLevelEntries.KEY, TopLevelEntries.encode(entries))))
        .contains(entries);
    assertThat(TopLevelEntries.decode(Map.of(TopLevelEntries.KEY, TopLevelEntries.encode(List.of()))))
        .contains(List.of());
    assertThat(TopLevelEntries.decode(Map.of())).as("an index from before").isEmpty();
    assertThat(TopLevelEntries.decode(Map.of(TopLevelEntries.KEY, "not base64!"))).isEmpty();
  }

  @Test
  void tooManyAreNotKeptSoTheNextRunWalksEverything() {
    List<Entry> many = new ArrayList<>();
    for (int i = 0; i <= TopLevelEntries.MAX_KEPT; i++) {
      many.add(new Entry(0, "000/000/stray" + i, Problem.STRAY_FILE, "a file"));
    }
    assertThat(TopLevelEntries.decode(Map.of(TopLevelEntries.KEY, TopLevelEntries.encode(many)))).isEmpty();
  }
}

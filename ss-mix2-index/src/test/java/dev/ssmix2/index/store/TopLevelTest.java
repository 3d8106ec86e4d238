package dev.ssmix2.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.store.TopLevel.Place;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopLevelTest {
  @TempDir Path root;

  @Test
  void listsThePatientFolderLevelByNameAndTheStraysAboveIt() throws IOException {
    Files.createDirectories(root.resolve("000/000/0000000001/-"));
    Files.createDirectories(root.resolve("000/012/0000012001"));
    Files.writeString(root.resolve("000/000/notes.txt"), "x");
    Files.writeString(root.resolve("000/readme.txt"), "x");
    TopLevel top = TopLevel.list(Storage.open(root).roots()).orElseThrow();
    assertThat(top.names()).containsExactlyInAnyOrder(new Place(0, "000/000/0000000001"),
        new Place(0, "000/000/notes.txt"), new Place(0, "000/012/0000012001"));
    assertThat(top.odd()).containsExactly(new Place(0, "000/readme.txt"));
  }

  @Test
  void onlyAPatientFolderWhereItsIdBelongsIsReachedByAFilteredWalk() {
    assertThat(Updater.isHome("000/001/0000012001")).isTrue();
    assertThat(Updater.isHome("000/000/0000012001")).as("other prefix folders").isFalse();
    assertThat(Updater.isHome("zzz/tmp/lock")).isFalse();
    assertThat(Updater.isHome("000/000")).isFalse();
  }
}

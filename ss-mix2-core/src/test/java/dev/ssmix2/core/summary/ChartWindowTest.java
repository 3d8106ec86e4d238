package dev.ssmix2.core.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageRoot;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartWindowTest {
  private static final LocalDate AS_OF = LocalDate.of(2024, 3, 31);
  private static final StorageRoot ROOT = new StorageRoot(Path.of("/nonexistent/root"));

  private static StorageFile file(StandardDataType type, String date, String orderNo, String timestamp) {
    FileName name = ChartFiles.name(type, date, orderNo, timestamp);
    return new StorageFile(ROOT, "000/012/0000123456/" + date + "/" + type.code() + "/" + name.format(), name, false);
  }

  /** Ten days of labs (two files on the 31st), daily prescriptions for a year, visits, the undated lists. */
  private static List<StorageFile> patient() {
    List<StorageFile> files = new ArrayList<>();
    files.add(file(StandardDataType.ADT_00, "-", FileName.NO_ORDER, "20200101100000000"));
    files.add(file(StandardDataType.ADT_61, "-", FileName.NO_ORDER, "20200101100000000"));
    files.add(file(StandardDataType.PPR_01, "-", FileName.NO_ORDER, "20240101100000000"));
    for (int d = 0; d < 10; d++) {
      String day = String.format("202403%02d", 31 - d);
      files.add(file(StandardDataType.OML_11, day, "1000000000000" + String.format("%02d", d), day + "100000000"));
      files.add(file(StandardDataType.OML_01, day, "1000000000000" + String.format("%02d", d), day + "090000000"));
      files.add(file(StandardDataType.ADT_12, day, FileName.NO_ORDER, day + "080000000"));
    }
    files.add(file(StandardDataType.OML_11, "20240331", "200000000000000", "20240331150000000"));
    for (LocalDate d = AS_OF.minusDays(500); !d.isAfter(AS_OF); d = d.plusDays(1)) {
      String day = d.toString().replace("-", "");
      files.add(file(StandardDataType.OMP_01, day, "3" + day + "000000", day + "110000000"));
    }
    return files;
  }

  @Test
  void readsTheUndatedListsTheNewestLabDatesRecentOrdersAndNewestVisits() {
    ChartWindow.Choice<StorageFile> s = new ChartWindow(3, 30, 0, 4, 2).select(patient(), AS_OF);
    List<StorageFile> read = s.read();
    assertThat(read).filteredOn(f -> f.name().date().isUndated()).hasSize(3);
    assertThat(read).filteredOn(f -> f.dataType() == StandardDataType.OML_11)
        .extracting(f -> f.name().date().token()).containsExactly("20240331", "20240331", "20240330", "20240329");
    assertThat(read).filteredOn(f -> f.dataType() == StandardDataType.OMP_01).hasSize(31)
        .allMatch(f -> !f.name().date().date().orElseThrow().isBefore(LocalDate.of(2024, 3, 1)));
    assertThat(read).filteredOn(f -> f.dataType() == StandardDataType.ADT_12).hasSize(4);
    assertThat(read).as("lab orders are not part of the summary").noneMatch(f -> f.dataType() == StandardDataType.OML_01);
    assertThat(s.read().size() + s.notRead().size()).isEqualTo(patient().size());
    assertThat(s.olderLabsBefore()).contains(LocalDate.of(2024, 3, 29));
    assertThat(s.olderMedicationsBefore()).contains(LocalDate.of(2024, 3, 1));
  }

  @Test
  void pagesContinueWhereTheWindowEnds() {
    ChartWindow w = new ChartWindow(3, 30, 0, 4, 2);
    List<StorageFile> labs = w.labsBefore(patient(), LocalDate.of(2024, 3, 29));
    assertThat(labs).extracting(f -> f.name().date().token()).containsExactly("20240328", "20240327", "20240326");
    assertThat(w.labsBefore(patient(), LocalDate.of(2024, 3, 22))).isEmpty();
    List<StorageFile> rx = w.medicationsBefore(patient(), LocalDate.of(2024, 3, 1), 5);
    assertThat(rx).extracting(f -> f.name().date().token())
        .containsExactly("20240229", "20240228", "20240227", "20240226", "20240225");
  }

  @Test
  void theNewestOrdersAreReadHoweverOldTheyAre() {
    ChartWindow.Choice<StorageFile> s = new ChartWindow(3, 30, 5, 4, 2).select(patient(), AS_OF.plusYears(3));
    assertThat(s.read()).filteredOn(f -> f.dataType() == StandardDataType.OMP_01)
        .extracting(f -> f.name().date().token())
        .containsExactly("20240331", "20240330", "20240329", "20240328", "20240327");
    assertThat(s.olderMedicationsBefore()).contains(LocalDate.of(2024, 3, 27));
  }

  @Test
  void aSmallPatientHasNothingOlderToPageTo() {
    ChartWindow.Choice<StorageFile> s = ChartWindow.defaults().select(patient().subList(0, 6), AS_OF);
    assertThat(s.olderLabsBefore()).isEmpty();
    assertThat(s.olderMedicationsBefore()).isEmpty();
  }

  @Test
  void badWindowsAreRejected() {
    assertThatThrownBy(() -> new ChartWindow(0, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("labDates is 0");
  }

  @Test
  void entriesOfAnyKindAreChosenAsTheFilesAreAndThePathIsAskedOnlyForTies() {
    List<StorageFile> files = patient();
    files.add(file(StandardDataType.ADT_12, "20240331", FileName.NO_ORDER, "20240331080000000")); // a tie
    java.util.Collections.shuffle(files, new java.util.Random(7));
    java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
    record Counted(StorageFile file, java.util.concurrent.atomic.AtomicInteger asked) implements ChartWindow.Entry {
      @Override
      public dev.ssmix2.core.storage.DataType dataType() {
        return file.dataType();
      }

      @Override
      public int day() {
        return ChartWindow.dayOf(file.name().date());
      }

      @Override
      public long time() {
        return ChartWindow.timeOf(file.name().timestamp());
      }

      @Override
      public boolean contentFolder() {
        return file.isContentFolder();
      }

      @Override
      public String relativePath() {
        asked.incrementAndGet();
        return file.relativePath();
      }
    }
    List<Counted> entries = files.stream().map(f -> new Counted(f, asked)).toList();
    for (ChartWindow w : List.of(new ChartWindow(3, 30, 0, 4, 2), new ChartWindow(1, 1, 5, 10, 0))) {
      for (LocalDate asOf : List.of(AS_OF, AS_OF.minusDays(200), AS_OF.plusYears(2))) {
        ChartWindow.Choice<StorageFile> s = w.select(files, asOf);
        ChartWindow.Choice<Counted> c = w.choose(entries, asOf);
        assertThat(c.read()).extracting(Counted::file).containsExactlyElementsOf(s.read());
        assertThat(c.notRead()).extracting(Counted::file).containsExactlyElementsOf(s.notRead());
        assertThat(c.olderLabsBefore()).isEqualTo(s.olderLabsBefore());
        assertThat(c.olderMedicationsBefore()).isEqualTo(s.olderMedicationsBefore());
        assertThat(w.labEntriesBefore(entries, asOf)).extracting(Counted::file)
            .containsExactlyElementsOf(w.labsBefore(files, asOf));
        assertThat(w.medicationEntriesBefore(entries, asOf, 7)).extracting(Counted::file)
            .containsExactlyElementsOf(w.medicationsBefore(files, asOf, 7));
      }
    }
    assertThat(asked.get()).as("only ties of 診療日 and 発生日時 ask for the path").isPositive()
        .isLessThan(files.size());
    Counted newest = ChartWindow.newest(entries).orElseThrow();
    assertThat(entries).allSatisfy(e -> assertThat(e.time()).isLessThanOrEqualTo(newest.time()));
    assertThat(entries.indexOf(newest)).as("the first of the newest on a tie")
        .isEqualTo(entries.stream().filter(e -> e.time() == newest.time()).map(entries::indexOf).min(Integer::compare)
            .orElseThrow());
    assertThat(ChartWindow.newest(List.<Counted>of())).isEmpty();
  }

  @Test
  void dayNumbersSortAsTheDatesAndUndatedFirst() {
    assertThat(ChartWindow.dayOf(dev.ssmix2.core.storage.CareDate.UNDATED)).isEqualTo(ChartWindow.UNDATED);
    LocalDate d = LocalDate.of(1999, 12, 31);
    int previous = ChartWindow.UNDATED;
    for (int i = 0; i < 800; i++, d = d.plusDays(1)) {
      int day = ChartWindow.dayOf(d);
      assertThat(day).isGreaterThan(previous);
      previous = day;
    }
    assertThat(ChartWindow.dayOf(LocalDate.of(2024, 3, 1))).isEqualTo(20240301);
    assertThat(ChartWindow.timeOf(new dev.ssmix2.core.storage.FileTimestamp("20240301101010")))
        .isEqualTo(20240301101010000L);
  }
}

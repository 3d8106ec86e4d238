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
    ChartWindow.Selection s = new ChartWindow(3, 30, 0, 4, 2).select(patient(), AS_OF);
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
    ChartWindow.Selection s = new ChartWindow(3, 30, 5, 4, 2).select(patient(), AS_OF.plusYears(3));
    assertThat(s.read()).filteredOn(f -> f.dataType() == StandardDataType.OMP_01)
        .extracting(f -> f.name().date().token())
        .containsExactly("20240331", "20240330", "20240329", "20240328", "20240327");
    assertThat(s.olderMedicationsBefore()).contains(LocalDate.of(2024, 3, 27));
  }

  @Test
  void aSmallPatientHasNothingOlderToPageTo() {
    ChartWindow.Selection s = ChartWindow.defaults().select(patient().subList(0, 6), AS_OF);
    assertThat(s.olderLabsBefore()).isEmpty();
    assertThat(s.olderMedicationsBefore()).isEmpty();
  }

  @Test
  void badWindowsAreRejected() {
    assertThatThrownBy(() -> new ChartWindow(0, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("labDates is 0");
  }
}

package dev.ssmix2.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StorageRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkUnitsTest {
  @TempDir
  Path tmp;

  private void patients(Path root, String prefix, int from, int count) throws IOException {
    for (int i = from; i < from + count; i++) {
      String id = prefix.replace("/", "") + String.format("%04d", i);
      Files.createDirectories(root.resolve(prefix).resolve(id));
    }
  }

  @Test
  void splitsBigPrefixFoldersAndGroupsSmallOnesEveryPatientOnce() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    patients(a, "000/010", 0, 70);
    patients(b, "000/010", 70, 30);   // the same prefix folder in a second root: 100 patients
    patients(a, "000/011", 0, 5);
    patients(a, "000/012", 0, 4);
    patients(b, "000/013", 0, 20);
    patients(a, "000/014", 0, 2);
    Files.createDirectories(a.resolve("000/012/not-an-id"));
    List<StorageRoot> roots = List.of(new StorageRoot(a), new StorageRoot(b));
    List<WorkUnits.Stray> top = new ArrayList<>();
    List<String> prefixes = WorkUnits.prefixes(roots, top::add);
    assertThat(prefixes).containsExactly("000/010", "000/011", "000/012", "000/013", "000/014");

    List<WorkUnits.Unit> units = WorkUnits.units(roots, prefixes, 25);

    // 100 patients → 4 buckets; 5 + 4 + 20 grouped into one unit (reaches 25 with 000/013); 2 left over alone.
    assertThat(units).extracting(WorkUnits.Unit::name)
        .containsExactly("000-010-00", "000-010-01", "000-010-02", "000-010-03", "000-011-00", "000-014-00");
    assertThat(units.subList(0, 4)).allSatisfy(u -> assertThat(u.patients().size()).isBetween(10, 40));
    assertThat(units.get(4).patients()).hasSize(29);
    assertThat(units.get(5).patients()).hasSize(2);
    TreeSet<String> all = new TreeSet<>();
    int total = 0;
    for (WorkUnits.Unit u : units) {
      u.patients().forEach(p -> all.add(p.value()));
      total += u.patients().size();
    }
    assertThat(total).isEqualTo(131).isEqualTo(all.size());
    assertThat(units.get(4).strays()).extracting(WorkUnits.Stray::relativePath).containsExactly("000/012/not-an-id");
    assertThat(units.stream().filter(u -> !u.strays().isEmpty())).hasSize(1);

    // The same storage gives the same units in every run: a marker names the same patients next time.
    assertThat(WorkUnits.units(roots, prefixes, 25)).isEqualTo(units);
    // At the smallest size every prefix folder is split into as many hash buckets as it has patients (a bucket
    // may stay empty or take two); one unit for all at a size above the storage.
    List<WorkUnits.Unit> smallest = WorkUnits.units(roots, prefixes, 1);
    assertThat(smallest.stream().mapToInt(u -> u.patients().size()).sum()).isEqualTo(131);
    assertThat(smallest).hasSizeGreaterThan(20);
    assertThat(WorkUnits.units(roots, prefixes, 1000)).singleElement()
        .satisfies(u -> assertThat(u.patients()).hasSize(131).contains(PatientId.of("0000130019")));
    // A prefix folder at or above the size is split even amid small ones; the open group carries on past it.
    assertThat(WorkUnits.units(roots, prefixes, 20)).extracting(WorkUnits.Unit::name)
        .containsExactly("000-010-00", "000-010-01", "000-010-02", "000-010-03", "000-010-04", "000-013-00",
            "000-011-00");
    assertThatThrownBy(() -> WorkUnits.units(roots, prefixes, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}

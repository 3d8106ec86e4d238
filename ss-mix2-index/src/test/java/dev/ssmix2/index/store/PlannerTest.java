package dev.ssmix2.index.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.storage.CareDate;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.storage.UnplacedEntry.Problem;
import dev.ssmix2.index.store.IndexReport.Basis;
import dev.ssmix2.index.store.Planner.ProbedPatient;
import dev.ssmix2.index.store.TopLevel.Place;
import dev.ssmix2.index.store.TopLevelEntries.Entry;
import dev.ssmix2.index.store.TransactionFeed.Changes;
import dev.ssmix2.index.store.TransactionFeed.TypeFolder;
import dev.ssmix2.index.store.UpdatePlan.Settled;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planning step alone: the same facts give the same plan, without touching a file or an index. */
class PlannerTest {
  static final List<UpdateSource> SOURCES = UpdateSource.of(List.of(new StorageRoot(Path.of("/storage"))));

  static ProbedPatient known(String pid, boolean unchanged) {
    String folder = pid.substring(0, 3) + "/" + pid.substring(3, 6) + "/" + pid;
    return new ProbedPatient(pid, unchanged, 3, List.of(), true, List.of(new Place(0, folder)));
  }

  @Test
  void sourcesWithoutAFacilityGoToTheDefaultOne() {
    assertThat(SOURCES).extracting(UpdateSource::facility).containsExactly(Facility.DEFAULT);
  }

  @Test
  void theProbeSettlesUnchangedPatientsAndWalksChangedAndNewOnes() {
    List<ProbedPatient> probed = List.of(known("0000000001", true), known("0000000002", false),
        known("0000000003", true));
    TopLevel top = new TopLevel(Set.of(new Place(0, "000/000/0000000001"), new Place(0, "000/000/0000000002"),
        new Place(0, "000/000/0000000003"), new Place(0, "000/000/0000000004")), Set.of());
    UpdatePlan plan = Planner.fromProbe(SOURCES, probed, Optional.of(top), Optional.of(List.of()), Optional.empty(),
        List.of());
    assertThat(plan.basis()).isEqualTo(Basis.FOLDER_PROBE);
    assertThat(plan.settled()).extracting(Settled::patient).containsExactly("0000000001", "0000000003");
    assertThat(plan.walkAll()).isFalse();
    assertThat(plan.walk()).containsExactlyInAnyOrder("0000000002", "0000000004");
  }

  @Test
  void anUnknownStrayAboveThePatientFoldersMakesAFullWalk() {
    List<ProbedPatient> probed = List.of(known("0000000001", true), known("0000000003", true));
    TopLevel top = new TopLevel(Set.of(new Place(0, "000/000/0000000001"), new Place(0, "000/000/0000000003")),
        Set.of(new Place(0, "000/notes.txt")));
    UpdatePlan plan = Planner.fromProbe(SOURCES, probed, Optional.of(top), Optional.of(List.of()), Optional.empty(),
        List.of());
    assertThat(plan.basis()).isEqualTo(Basis.FULL_WALK);
    assertThat(plan.walkAll()).isTrue();
    assertThat(plan.settled()).hasSize(2);

    Entry known = new Entry(0, "000/notes.txt", Problem.STRAY_FILE, "a file");
    UpdatePlan again = Planner.fromProbe(SOURCES, probed, Optional.of(top), Optional.of(List.of(known)),
        Optional.empty(), List.of());
    assertThat(again.basis()).isEqualTo(Basis.FOLDER_PROBE);
    assertThat(again.walk()).isEmpty();
    assertThat(again.outside()).containsExactly(known);
  }

  @Test
  void theFeedRefreshesTheNamedPatientsAndSettlesTheRestWithoutProbing() {
    TypeFolder orders = new TypeFolder(CareDate.parse("20240310"), StandardDataType.OMP_01);
    TransactionFeed.Position end = new TransactionFeed.Position(LocalDateTime.of(2099, 1, 1, 0, 0), Optional.empty());
    Changes changes = new Changes(Map.of("0000000002", Set.of(orders), "0000000009", Set.of(orders)), end, 2);
    UpdatePlan plan = Planner.fromFeed(SOURCES, List.of(known("0000000001", false), known("0000000002", false)),
        Set.of("0000000005"), changes, List.of(), List.of());
    assertThat(plan.basis()).isEqualTo(Basis.TRANSACTIONS);
    assertThat(plan.settled()).as("the probe's answer is not asked for").extracting(Settled::patient)
        .containsExactly("0000000001");
    assertThat(plan.refresh()).containsOnlyKeys("0000000002");
    assertThat(plan.walk()).as("named but unknown, and known without a manifest")
        .containsExactlyInAnyOrder("0000000009", "0000000005");
    assertThat(plan.feedPosition()).contains(end);
    assertThat(plan.notes()).anyMatch(n -> n.contains("transaction storage"));
  }
}

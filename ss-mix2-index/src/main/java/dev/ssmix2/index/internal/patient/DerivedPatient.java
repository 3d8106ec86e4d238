package dev.ssmix2.index.internal.patient;

import com.google.common.base.Preconditions;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.version.VersionStatus;
import dev.ssmix2.index.store.Facility;
import dev.ssmix2.index.store.IndexedPatient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demographics of one patient derived from all of its files, and every name it is searchable under.
 *
 * @param patient what is shown
 * @param names the display name first (if any), then former names (aliases); each indexed with all its keys
 */
public record DerivedPatient(IndexedPatient patient, List<RegisteredName> names) {

  public DerivedPatient {
    Preconditions.checkNotNull(patient, "patient must not be null");
    names = List.copyOf(names);
  }

  private static final Comparator<FileVersion> NEWEST_FIRST =
      Comparator.comparing((FileVersion v) -> v.file().name().timestamp()).reversed();

  /**
   * Picks the demographics: the current readable ADT-00; else the newest readable ADT-00 of any status (a writer
   * may have flagged the last one 0); else the newest readable message with a PID. All other names become aliases.
   */
  public static DerivedPatient of(Facility facility, PatientId id, List<FileVersion> versions) {
    List<FileVersion> withPid = versions.stream()
        .filter(v -> v.facts().pid().isPresent())
        .sorted(NEWEST_FIRST)
        .toList();
    Optional<FileVersion> source = withPid.stream()
        .filter(v -> isAdt00(v) && v.status() == VersionStatus.CURRENT)
        .findFirst()
        .or(() -> withPid.stream().filter(DerivedPatient::isAdt00).findFirst())
        .or(() -> withPid.stream().filter(v -> v.status() == VersionStatus.CURRENT).findFirst())
        .or(() -> withPid.stream().findFirst());
    Optional<PidFacts> facts = source.flatMap(v -> v.facts().pid());
    Optional<RegisteredName> current = facts.flatMap(PidFacts::name);

    Set<RegisteredName> names = new LinkedHashSet<>();
    current.ifPresent(names::add);
    withPid.forEach(v -> v.facts().pid().flatMap(PidFacts::name).ifPresent(names::add));
    List<String> former = new ArrayList<>();
    String display = current.map(RegisteredName::display).orElse("");
    for (RegisteredName n : names) {
      if (!n.display().equals(display) && !former.contains(n.display())) {
        former.add(n.display());
      }
    }
    Optional<LocalDate> lastSeen = versions.stream()
        .map(v -> v.file().name().date().date())
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder());
    IndexedPatient patient = new IndexedPatient(
        facility,
        id,
        display,
        current.map(RegisteredName::kanaDisplay).orElse(""),
        facts.flatMap(PidFacts::birthDate),
        facts.map(PidFacts::sex).orElse(dev.ssmix2.core.record.Sex.UNKNOWN),
        former,
        source.map(DerivedPatient::isAdt00).orElse(false),
        lastSeen);
    return new DerivedPatient(patient, new ArrayList<>(names));
  }

  private static boolean isAdt00(FileVersion v) {
    return v.file().dataType() == StandardDataType.ADT_00;
  }
}

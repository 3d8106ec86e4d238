package dev.ssmix2.index.internal.patient;

import com.google.common.base.Preconditions;
import dev.ssmix2.core.read.PatientReader;
import dev.ssmix2.core.record.Patient;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.version.VersionStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Demographics for a patient with no readable ADT-00 (患者基本情報): the PID segment of the newest current message
 * is read on demand, as {@link PatientReader#current} does. Reading every message's PID up front would parse most
 * files twice for nothing, since almost every patient has an ADT-00.
 */
public final class FallbackPid {
  private FallbackPid() {}

  /** Newest current message first, then newest of any status; the order {@link DerivedPatient} picks in. */
  private static final Comparator<FileVersion> PREFERRED =
      Comparator.comparing((FileVersion v) -> v.status() == VersionStatus.CURRENT)
          .thenComparing(v -> v.file().name().timestamp())
          .reversed();

  /**
   * Makes sure the message {@link DerivedPatient} would take demographics from carries them, reading PID segments
   * only while there is no ADT-00 and no already-read message ahead in the preferred order. Replaces elements of
   * {@code versions} in place.
   */
  public static void fill(List<FileVersion> versions) {
    Preconditions.checkNotNull(versions, "versions must not be null");
    boolean hasAdt00 = versions.stream().anyMatch(v -> isAdt00(v) && v.facts().pid().isPresent());
    if (hasAdt00) {
      return;
    }
    List<FileVersion> candidates = versions.stream()
        .filter(v -> !isAdt00(v) && v.facts().isReadable())
        .sorted(PREFERRED)
        .toList();
    for (FileVersion v : candidates) {
      if (v.facts().pid().isPresent()) {
        return;
      }
      Optional<Patient> p = PatientReader.fromFile(v.file());
      if (p.isPresent()) {
        versions.set(versions.indexOf(v), new FileVersion(v.file(), v.status(), v.facts().withPid(p.get())));
        return;
      }
    }
  }

  private static boolean isAdt00(FileVersion v) {
    return v.file().dataType() == StandardDataType.ADT_00;
  }
}

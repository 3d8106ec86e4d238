package dev.ssmix2.core.read;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.Patient;
import dev.ssmix2.core.storage.PatientFolder;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.version.History;
import dev.ssmix2.core.version.Version;
import dev.ssmix2.core.version.VersionResolver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A patient's demographics (患者基本情報) from their files.
 *
 * <pre>{@code
 * Optional<Patient> p = storage.patient(PatientId.of("0000000111")).flatMap(PatientReader::current);
 * List<Patient> names = PatientReader.history(folder.files());  // every ADT-00 version, newest first
 * }</pre>
 */
public final class PatientReader {
  private PatientReader() {}

  /** {@link #current(Collection)} over a patient folder's files. */
  public static Optional<Patient> current(PatientFolder folder) {
    checkNotNull(folder, "folder must not be null");
    return current(folder.files());
  }

  /**
   * The current demographics: from the current ADT-00, or — when the patient has no readable current ADT-00 —
   * from the PID of the newest other readable message ({@link Patient#fromAdt00()} is then false). Empty when no
   * file of the patient can be read.
   */
  public static Optional<Patient> current(Collection<StorageFile> files) {
    checkNotNull(files, "files must not be null");
    List<StorageFile> adt00 = files.stream().filter(f -> f.dataType() == StandardDataType.ADT_00).toList();
    for (History h : VersionResolver.resolve(adt00)) {
      Optional<Patient> p = h.current().flatMap(PatientReader::fromFile);
      if (p.isPresent()) {
        return p;
      }
    }
    return files.stream()
        .filter(f -> f.dataType() != StandardDataType.ADT_00)
        .sorted(Comparator.comparing((StorageFile f) -> f.flag() == dev.ssmix2.core.storage.ConditionFlag.CURRENT)
            .thenComparing(f -> f.name().timestamp()).reversed())
        .map(PatientReader::fromFile)
        .flatMap(Optional::stream)
        .findFirst();
  }

  /**
   * Every readable ADT-00 version of the patient, newest first: the current one and the superseded or deleted ones
   * (some writers mark replaced ADT-00 files {@code _0} instead of {@code _2}). The index keeps earlier names as
   * search aliases.
   */
  public static List<Patient> history(Collection<StorageFile> files) {
    checkNotNull(files, "files must not be null");
    List<StorageFile> adt00 = files.stream().filter(f -> f.dataType() == StandardDataType.ADT_00).toList();
    List<Patient> out = new ArrayList<>();
    for (History h : VersionResolver.resolve(adt00)) {
      List<Version> versions = new ArrayList<>(h.versions());
      java.util.Collections.reverse(versions);
      for (Version v : versions) {
        fromFile(v.file()).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The patient in one file's PID segment, if the file reads and has a PID. */
  public static Optional<Patient> fromFile(StorageFile file) {
    checkNotNull(file, "file must not be null");
    if (RecordReader.read(file) instanceof MessageRead ok) {
      Optional<Segment> pid = ok.message().segment("PID");
      return pid.map(s -> PatientExtractor.fromPid(s, file));
    }
    return Optional.empty();
  }
}

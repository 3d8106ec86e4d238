package dev.ssmix2.core.read;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.record.Patient;
import dev.ssmix2.core.record.Sex;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.StorageFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds a {@link Patient} from a PID segment; the patient ID always comes from the storage path. */
final class PatientExtractor {
  private PatientExtractor() {}

  static Patient fromPid(Segment pid, StorageFile source) {
    PidNames names = PidNames.of(pid.field(5));
    Field address = pid.field(11);
    String zip = address.component(5).strip();
    String free = address.component(8).strip();
    if (free.isEmpty()) {
      free = String.join("", address.component(4), address.component(3), address.component(1),
          address.component(2)).strip();
    }
    List<String> phones = new ArrayList<>();
    addPhones(pid.field(13), phones);
    addPhones(pid.field(14), phones);
    return new Patient(
        source.patientId(),
        names.kanji,
        names.kana,
        names.romaji,
        Hl7Timestamp.parse(pid.field(7).value()).flatMap(Hl7Timestamp::toLocalDate),
        Sex.ofCode(pid.field(8).value()),
        optional(zip),
        optional(free),
        phones,
        source,
        source.dataType() == StandardDataType.ADT_00);
  }

  private static void addPhones(Field field, List<String> out) {
    for (int rep = 0; rep < field.repetitionCount(); rep++) {
      String number = field.component(rep, 12).strip();
      if (number.isEmpty()) {
        number = field.component(rep, 1).strip();
      }
      if (!number.isEmpty() && !out.contains(number)) {
        out.add(number);
      }
    }
  }

  private static Optional<String> optional(String s) {
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }
}

package dev.ssmix2.core.summary;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.record.Coded;
import dev.ssmix2.core.record.Hl7Timestamp;
import dev.ssmix2.core.storage.StorageFile;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One vital-sign measurement (体温, 血圧, 脈拍 …) from the extended storage (ORU^R30), as sent.
 *
 * @param item what was measured (OBX-3, e.g. {@code 8310-5^体温^LN})
 * @param value OBX-5 as sent; when {@code ambiguity} is present this is the raw text of the whole field, never a
 *     parsed number
 * @param unit the unit as a person reads it (the UCUM code, else the text)
 * @param time when it was measured (OBX-14, else OBR-7), if sent
 * @param day the 診療日 of the file, if dated (the fallback when no time was sent)
 * @param ambiguity why the value cannot be read unambiguously, when it cannot; the chart must mark it
 * @param file the content folder's main document
 */
public record Vital(Coded item, String value, String unit, Optional<Hl7Timestamp> time, Optional<LocalDate> day,
    Optional<String> ambiguity, StorageFile file) {

  public Vital {
    checkNotNull(item, "item must not be null");
    checkNotNull(value, "value must not be null; use \"\"");
    checkNotNull(unit, "unit must not be null; use \"\"");
    checkNotNull(time, "time must not be null; use Optional.empty()");
    checkNotNull(day, "day must not be null; use Optional.empty()");
    checkNotNull(ambiguity, "ambiguity must not be null; use Optional.empty()");
    checkNotNull(file, "file must not be null");
  }

  /** The day it belongs to: the measurement's own date, else the file's 診療日. */
  public Optional<LocalDate> date() {
    return time.flatMap(Hl7Timestamp::toLocalDate).or(() -> day);
  }
}

package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Optional;

/**
 * Vital signs (バイタルサイン) from an extended-storage content folder: an ORU^R30 main document such as
 * {@code L-OBSERVATIONS^OBSERVATIONS^99ZL01/<content folder>/main_document.hl7}, one measurement per OBX.
 *
 * @param measurements the OBX rows, in message order
 * @param attachments every payload file of the content folder (the main document included); empty when the record
 *     was not read from a content folder
 */
public record VitalSignsRecord(RecordSource source, List<Measurement> measurements, List<Attachment> attachments)
    implements ClinicalRecord {

  public VitalSignsRecord {
    checkArgument(source != null && measurements != null && attachments != null,
        "vital signs fields must not be null");
    measurements = List.copyOf(measurements);
    attachments = List.copyOf(attachments);
  }

  /**
   * One measured item.
   *
   * @param item OBX-3, e.g. {@code 8310-5^体温^LN}
   * @param valueType OBX-2 (NM, ST …)
   * @param value OBX-5 as written; the raw text of the whole field when {@code ambiguity} is present
   * @param unit OBX-6, e.g. {@code Cel^Cel^UCUM}
   * @param time OBX-14, else OBR-7 of its order
   * @param ambiguity present when OBX-5 does not fit its declared type; show the raw value marked
   */
  public record Measurement(Coded item, String valueType, String value, Coded unit, Optional<Hl7Timestamp> time,
      Optional<AmbiguousValue> ambiguity) {
    public Measurement {
      checkArgument(item != null && valueType != null && value != null && unit != null && time != null
          && ambiguity != null, "measurement fields must not be null");
    }

    /** The value as it should be shown: the raw text with {@link AmbiguousValue#MARK} when ambiguous. */
    public String displayValue() {
      return ambiguity.map(AmbiguousValue::marked).orElse(value);
    }

    /** The unit as a person reads it: the code (UCUM such as {@code mm[Hg]}), else the text. */
    public String unitDisplay() {
      return unit.code().isBlank() ? unit.text() : unit.code();
    }
  }

  @Override
  public String summary() {
    return Summaries.line(source, "バイタル", Summaries.list(measurements.stream()
        .map(m -> Summaries.words(m.item().display(), m.displayValue(), m.unitDisplay())).toList()));
  }
}

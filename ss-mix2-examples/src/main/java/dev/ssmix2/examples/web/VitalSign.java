package dev.ssmix2.examples.web;

/**
 * One vital-sign measurement from the extended storage (ORU^R30 OBX).
 *
 * @param recordId the record it comes from, for the raw view
 * @param time 測定日時 ({@code yyyy-MM-dd HH:mm}), empty when unknown
 * @param item 項目 (OBX-3 text, e.g. 体温)
 * @param value 値 as sent; the raw text of the whole field when {@code ambiguity} is set
 * @param unit 単位 (UCUM code or text)
 * @param ambiguity why the value cannot be read unambiguously ("" when it can); shown with a ⚠ mark
 */
public record VitalSign(String recordId, String time, String item, String value, String unit, String ambiguity) {
  public VitalSign {
    recordId = Texts.orEmpty(recordId);
    time = Texts.orEmpty(time);
    item = Texts.orEmpty(item);
    value = Texts.orEmpty(value);
    unit = Texts.orEmpty(unit);
    ambiguity = Texts.orEmpty(ambiguity);
  }
}

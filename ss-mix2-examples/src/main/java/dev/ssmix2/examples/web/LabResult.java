package dev.ssmix2.examples.web;

/**
 * One specimen lab value from OML-11 (OBX segment).
 *
 * @param recordId the record it comes from, for the raw view
 * @param date 採取日 ({@code yyyy-MM-dd}) or 採取日時 ({@code yyyy-MM-dd HH:mm}); the UI makes one column per distinct value
 * @param code 検査項目コード (JLAC10 or local)
 * @param name 検査項目名
 * @param value 結果値 as stored (numeric or text); the raw text of the whole field when {@code ambiguity} is set
 * @param unit 単位
 * @param referenceRange 基準値 (OBX-7)
 * @param abnormalFlag 異常フラグ (OBX-8: {@code H}, {@code L}, {@code A}, {@code HH}, {@code LL} …); empty or {@code N} when
 *     normal
 * @param specimen 検体 (SPM-4 text)
 * @param ambiguity why the value cannot be read unambiguously ("" when it can); the UI then shows the raw value with
 *     a ⚠ mark, never a parsed number
 */
public record LabResult(
    String recordId,
    String date,
    String code,
    String name,
    String value,
    String unit,
    String referenceRange,
    String abnormalFlag,
    String specimen,
    String ambiguity) {

  public LabResult {
    recordId = Texts.orEmpty(recordId);
    date = Texts.orEmpty(date);
    code = Texts.orEmpty(code);
    name = Texts.orEmpty(name);
    value = Texts.orEmpty(value);
    unit = Texts.orEmpty(unit);
    referenceRange = Texts.orEmpty(referenceRange);
    abnormalFlag = Texts.orEmpty(abnormalFlag);
    specimen = Texts.orEmpty(specimen);
    ambiguity = Texts.orEmpty(ambiguity);
  }

  /** A value read without ambiguity. */
  public LabResult(String recordId, String date, String code, String name, String value, String unit,
      String referenceRange, String abnormalFlag, String specimen) {
    this(recordId, date, code, name, value, unit, referenceRange, abnormalFlag, specimen, "");
  }
}

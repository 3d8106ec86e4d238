package dev.ssmix2.examples.web;

/**
 * One stored record (one HL7 message file) in a patient's timeline.
 *
 * @param recordId opaque URL-safe token for {@link ViewerData#raw(String)}
 * @param dataType データ種別 folder code (OMP-01, OML-11 …)
 * @param dataTypeName its Japanese meaning (処方オーダ …)
 * @param date 診療日 ({@code yyyy-MM-dd}), empty for undated types (ADT-00, ADT-61, PPR-01 …)
 * @param orderNo オーダNo, empty when the type has none
 * @param timestamp the file name's 発生日時 as stored
 * @param status current, superseded or deleted
 * @param file the file's path relative to the storage root, for display only
 * @param summary one line describing the content (drug names, test names …)
 */
public record RecordRow(
    String recordId,
    String dataType,
    String dataTypeName,
    String date,
    String orderNo,
    String timestamp,
    RecordStatus status,
    String file,
    String summary) {

  public RecordRow {
    recordId = Texts.orEmpty(recordId);
    dataType = Texts.orEmpty(dataType);
    dataTypeName = Texts.orEmpty(dataTypeName);
    date = Texts.orEmpty(date);
    orderNo = Texts.orEmpty(orderNo);
    timestamp = Texts.orEmpty(timestamp);
    status = status == null ? RecordStatus.CURRENT : status;
    file = Texts.orEmpty(file);
    summary = Texts.orEmpty(summary);
  }
}

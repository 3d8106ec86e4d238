package dev.ssmix2.examples.web;

/**
 * One record's HL7 message, decoded to text.
 *
 * @param recordId the token it was asked for by
 * @param file the file's path relative to the storage root, for display only
 * @param charset the charset it was decoded with (ISO-2022-JP, UTF-8 …)
 * @param status current, superseded or deleted
 * @param text the message, one segment per line ({@code \n}), undecodable bytes replaced
 */
public record RawRecord(String recordId, String file, String charset, RecordStatus status, String text) {

  public RawRecord {
    recordId = Texts.orEmpty(recordId);
    file = Texts.orEmpty(file);
    charset = Texts.orEmpty(charset);
    status = status == null ? RecordStatus.CURRENT : status;
    text = Texts.orEmpty(text);
  }
}

package dev.ssmix2.core.read;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.hl7.DecodedText;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.record.ClinicalRecord;
import dev.ssmix2.core.storage.StorageFile;

/**
 * A file read successfully. The text may still contain U+FFFD for undecodable bytes
 * ({@code decoded().replacements()}): one bad character should not hide a prescription during an outage, so such
 * files are read and validation reports them.
 */
public record MessageRead(StorageFile file, DecodedText decoded, Hl7Message message, ClinicalRecord record)
    implements ReadResult {
  public MessageRead {
    checkNotNull(file, "file must not be null");
    checkNotNull(decoded, "decoded must not be null");
    checkNotNull(message, "message must not be null");
    checkNotNull(record, "record must not be null");
  }
}

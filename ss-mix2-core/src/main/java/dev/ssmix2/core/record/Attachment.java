package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One payload file of an extended-storage content folder (コンテンツフォルダ): the HL7 main document
 * ({@code main_document.hl7}), a CDA document, images, PDF, style sheets …
 *
 * @param name the file name inside the content folder
 * @param mediaType the media type guessed from the file extension, {@code application/octet-stream} when unknown
 * @param size bytes, -1 when the size could not be read
 */
public record Attachment(String name, String mediaType, long size) {
  public Attachment {
    checkArgument(name != null && !name.isBlank(), "attachment name must not be blank");
    checkArgument(mediaType != null && !mediaType.isBlank(), "attachment media type must not be blank");
  }
}

package dev.ssmix2.index.patient;

import dev.ssmix2.core.hl7.DecodedText;
import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.hl7.Hl7FormatException;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.storage.StorageFile;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads one storage file into {@link FileFacts}. Never throws for bad content: an empty, truncated or undecodable file
 * becomes a fact with a reason, so one bad file cannot stop an indexing run.
 */
public final class FileFactsReader {
  private FileFactsReader() {}

  public static FileFacts read(StorageFile file) {
    byte[] bytes;
    try {
      bytes = file.readBytes();
    } catch (UncheckedIOException e) {
      return FileFacts.unreadable("cannot be read: " + e.getMessage());
    }
    return read(bytes);
  }

  static FileFacts read(byte[] bytes) {
    if (bytes.length == 0) {
      return FileFacts.unreadable("empty file (0 bytes)");
    }
    DecodedText text = Hl7Decoder.decode(bytes);
    Hl7Message message;
    try {
      message = Hl7Message.parse(text.text());
    } catch (Hl7FormatException e) {
      return FileFacts.unreadable("not an HL7 message: " + e.getMessage());
    }
    if (message.segments().size() < 2 || message.messageType().code().isEmpty()) {
      return FileFacts.unreadable("truncated: " + bytes.length + " bytes, "
          + (message.messageType().code().isEmpty() ? "MSH has no message type (MSH-9)" : "nothing after MSH"));
    }
    try {
      return new FileFacts(PidReader.read(message), SummaryLine.of(message), Optional.empty());
    } catch (RuntimeException e) {
      // a malformed field deep inside must not cost us the whole run; the file is still listed with the reason
      return FileFacts.unreadable("cannot be interpreted: " + e.getMessage());
    }
  }
}

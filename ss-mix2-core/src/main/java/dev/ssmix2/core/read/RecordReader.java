package dev.ssmix2.core.read;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.hl7.DecodedText;
import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.hl7.Hl7FormatException;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.read.ReadProblem.Code;
import dev.ssmix2.core.record.ClinicalRecord;
import dev.ssmix2.core.record.RecordSource;
import dev.ssmix2.core.storage.ConditionFlag;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.version.VersionStatus;
import dev.ssmix2.core.storage.FileRefusedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads storage files into typed records: bytes → {@link DecodedText} (charset chosen per file) →
 * {@link Hl7Message} → {@link ClinicalRecord}. Never throws for one bad file: the result is either a
 * {@link MessageRead} or a {@link ReadProblem} naming the file and the reason.
 *
 * <pre>{@code
 * try (Stream<StorageFile> files = storage.files(patientId)) {
 *   files.map(RecordReader::read).forEach(result -> {
 *     if (result instanceof MessageRead ok) {
 *       System.out.println(ok.record().summary());
 *     } else {
 *       System.err.println(result);  // a ReadProblem: file, code, reason
 *     }
 *   });
 * }
 * }</pre>
 *
 * <p>Without a version history the status comes from the file's コンディションフラグ ({@code _1} current,
 * {@code _2} superseded, {@code _0} deleted); pass the status resolved by
 * {@link dev.ssmix2.core.version.VersionResolver} when several {@code _1} files compete.
 */
public final class RecordReader {
  /** How much of a file that does not start with MSH is decoded to tell undecodable bytes from other text. */
  static final int SNIFF_BYTES = 64 * 1024;

  private RecordReader() {}

  /** Reads one file; the version status follows its condition flag. */
  public static ReadResult read(StorageFile file) {
    checkNotNull(file, "file must not be null");
    return read(file, statusOf(file.flag()));
  }

  /** Reads one file with the status its version history gave it. */
  public static ReadResult read(StorageFile file, VersionStatus status) {
    checkNotNull(file, "file must not be null");
    checkNotNull(status, "status must not be null");
    byte[] bytes;
    try {
      bytes = file.readBytes();
    } catch (UncheckedIOException e) {
      return unreadable(file, e.getCause());
    }
    return read(file, status, bytes);
  }

  /** Reads already loaded bytes of {@code file} (for callers that read bytes themselves, e.g. validation). */
  public static ReadResult read(StorageFile file, VersionStatus status, byte[] bytes) {
    checkNotNull(file, "file must not be null");
    checkNotNull(status, "status must not be null");
    checkNotNull(bytes, "bytes must not be null");
    if (isBlank(bytes)) {
      return new ReadProblem(file, Code.EMPTY_FILE, bytes.length == 0
          ? "the file is empty (0 bytes); a message file must hold one HL7 message"
          : "the file holds only blanks or framing bytes (" + bytes.length + " bytes), no HL7 message");
    }
    if (!startsLikeMsh(bytes) && bytes.length > SNIFF_BYTES) {
      // Not a message, whatever follows: decode only the start to say why, so a huge garbage file costs no more
      // than its bytes (see docs/hostile-input.md).
      Optional<ReadProblem> bad = checkText(file, Hl7Decoder.decode(Arrays.copyOf(bytes, SNIFF_BYTES)),
          " in its first " + SNIFF_BYTES / 1024 + " KB");
      if (bad.isPresent()) {
        return bad.get();
      }
    }
    DecodedText decoded = Hl7Decoder.decode(bytes);
    Optional<ReadProblem> bad = checkText(file, decoded, "");
    if (bad.isPresent()) {
      return bad.get();
    }
    Hl7Message message;
    try {
      message = Hl7Message.parse(decoded);
    } catch (Hl7FormatException e) {
      return new ReadProblem(file, Code.HL7_STRUCTURE, e.getMessage());
    }
    if (message.messageType().code().isEmpty()) {
      return new ReadProblem(file, Code.TRUNCATED, "the message ends inside the MSH header (" + bytes.length
          + " bytes, no MSH-9 message type); the file was probably cut off while being written or copied");
    }
    if (message.segments().size() == 1) {
      return new ReadProblem(file, Code.TRUNCATED,
          "the message has only its MSH header, no PID or data segments; the file was probably cut off");
    }
    RecordSource source = new RecordSource(file, status, message.messageType(),
        Cancels.isCancel(message, file.dataType()));
    ClinicalRecord record = RecordExtractor.extract(message, source);
    return new MessageRead(file, decoded, message, record);
  }

  private static ReadProblem unreadable(StorageFile file, IOException cause) {
    if (cause instanceof FileRefusedException refused) {
      Code code = switch (refused.reason()) {
        case SYMBOLIC_LINK -> Code.SYMBOLIC_LINK;
        case NOT_REGULAR_FILE -> Code.NOT_REGULAR_FILE;
        case TOO_LARGE -> Code.FILE_TOO_LARGE;
      };
      return new ReadProblem(file, code, refused.getMessage());
    }
    if (cause instanceof NoSuchFileException) {
      return new ReadProblem(file, Code.UNREADABLE, "the file no longer exists (deleted or moved since the storage "
          + "was walked or indexed)");
    }
    if (cause instanceof AccessDeniedException) {
      return new ReadProblem(file, Code.UNREADABLE, "cannot read the file: permission denied");
    }
    // Messages of the file system name absolute paths; a report names files relative to their root only.
    String why = cause instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
        : String.valueOf(cause.getMessage());
    why = why.replace(file.path().toString(), file.relativePath()).replace(file.root().toString() + "/", "");
    return new ReadProblem(file, Code.UNREADABLE, "cannot read the file: " + why);
  }

  /** The status a condition flag implies when no history is at hand. */
  public static VersionStatus statusOf(ConditionFlag flag) {
    return switch (flag) {
      case CURRENT -> VersionStatus.CURRENT;
      case SUPERSEDED -> VersionStatus.SUPERSEDED;
      case DELETED -> VersionStatus.DELETED;
    };
  }

  /** Whether the bytes start with "MSH" after framing bytes, blanks and a UTF-8 BOM. */
  static boolean startsLikeMsh(byte[] bytes) {
    int i = 0;
    while (i < bytes.length) {
      byte b = bytes[i];
      if (b == 0x0B || b == 0x1C || b == '\r' || b == '\n' || b == ' ' || b == '\t') {
        i++;
      } else if (b == (byte) 0xEF && i + 2 < bytes.length && bytes[i + 1] == (byte) 0xBB
          && bytes[i + 2] == (byte) 0xBF) {
        i += 3;
      } else {
        break;
      }
    }
    return i + 2 < bytes.length && bytes[i] == 'M' && bytes[i + 1] == 'S' && bytes[i + 2] == 'H';
  }

  private static Optional<ReadProblem> checkText(StorageFile file, DecodedText decoded, String where) {
    String text = decoded.text().stripLeading();
    if (text.startsWith("MSH")) {
      return Optional.empty();
    }
    if (!decoded.isClean()) {
      return Optional.of(new ReadProblem(file, Code.UNDECODABLE, "the bytes are not text in any supported charset ("
          + decoded.replacementCount() + " undecodable sequences" + where + ", first at byte "
          + decoded.replacements().get(0).offset() + ": " + decoded.replacements().get(0).hexBytes() + ")"));
    }
    return Optional.of(new ReadProblem(file, Code.NOT_HL7, "not an HL7 message: it starts with '"
        + abbreviate(text) + "' instead of an MSH segment (decoded as " + decoded.charset().name() + ")"));
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != 0x0B && b != 0x1C && b != '\r' && b != '\n' && b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static String abbreviate(String s) {
    String line = s.lines().findFirst().orElse("");
    int n = line.codePointCount(0, line.length());
    return n <= 20 ? line : line.substring(0, line.offsetByCodePoints(0, 20)) + "…";
  }
}

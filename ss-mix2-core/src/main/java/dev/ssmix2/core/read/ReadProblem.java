package dev.ssmix2.core.read;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.StorageFile;

/** A file that could not be read as an SS-MIX2 message, with a stable code and a reason people understand. */
public record ReadProblem(StorageFile file, Code code, String reason) implements ReadResult {

  /** Why a file could not be read. */
  public enum Code {
    /** The file has zero bytes (or only framing bytes and blanks). */
    EMPTY_FILE("empty-file"),
    /** The file starts like a message but ends inside the MSH header (no message type) or right after it. */
    TRUNCATED("truncated-message"),
    /** The bytes could not be decoded as text in any supported charset, and are no message. */
    UNDECODABLE("undecodable-bytes"),
    /** Text, but not an HL7 message: it does not start with an MSH segment. */
    NOT_HL7("not-hl7"),
    /** An HL7 message whose structure cannot be used (unusable delimiters). */
    HL7_STRUCTURE("hl7-structure"),
    /** The file could not be read from disk. */
    UNREADABLE("unreadable"),
    /** Larger than the maximum file size ({@link dev.ssmix2.core.storage.ReadLimits}): reported, not read. */
    FILE_TOO_LARGE("file-too-large"),
    /** A FIFO, device or socket: never opened. */
    NOT_REGULAR_FILE("not-a-regular-file"),
    /** The file, or a folder above it inside the root, is a symbolic link (e.g. swapped in after indexing). */
    SYMBOLIC_LINK("symbolic-link");

    private final String id;

    Code(String id) {
      this.id = id;
    }

    /** Stable lower-case identifier for reports and JSON. */
    public String id() {
      return id;
    }
  }

  public ReadProblem {
    checkNotNull(file, "file must not be null");
    checkNotNull(code, "code must not be null");
    checkNotNull(reason, "reason must not be null");
  }

  @Override
  public String toString() {
    return file.relativePath() + ": " + code.id() + ": " + reason;
  }
}

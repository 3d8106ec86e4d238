package dev.ssmix2.core.storage;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a reading of the transaction storage stopped, so that the next reading starts there instead of at the start
 * of the newest file (docs/index-design.md, "Resuming the log"). Per root of the storage it names the
 * last file read ({@code YYYY/TR_…DAT}), the byte offset and line where the reading ended, and a checksum of the bytes
 * just before that offset; a root that had no transaction file has no mark and is read from its start next time.
 *
 * <p>Its text form ({@link #toString()}, read back by {@link #parse(String)}) is what a caller keeps between runs.
 * Obtain one from {@link Storage#readTransactions(java.time.LocalDateTime, java.util.function.Consumer)} and continue
 * with {@link Storage#readTransactions(TransactionCursor, java.util.function.Consumer)}.
 */
public final class TransactionCursor {
  /** Text-form version: a cursor of another version is not parsed. */
  private static final String VERSION = "c1";

  /**
   * One root's position.
   *
   * @param file the file below the root, {@code YYYY/TR_…DAT}
   * @param offset the byte offset where the reading ended
   * @param line the line number the byte at {@code offset} is on (1-based, counted as a full reading counts)
   * @param check CRC-32 of the (up to) {@link TransactionLog#CHECKED} bytes before {@code offset}
   */
  record Mark(String file, long offset, int line, long check) {
    Mark {
      checkArgument(file.length() > 5 && file.charAt(4) == '/' && CareDate.isDigits(file.substring(0, 4)),
          "file must be YYYY/TR_…DAT, got '%s'", file);
      checkArgument(offset >= 0 && line >= 1, "offset must be >= 0 and line >= 1, got %s and %s", offset, line);
    }
  }

  private final List<Optional<Mark>> marks;

  TransactionCursor(List<Optional<Mark>> marks) {
    this.marks = List.copyOf(marks);
  }

  /** Per root of the storage, in the storage's root order. */
  List<Optional<Mark>> marks() {
    return marks;
  }

  /** The cursor of a text form made by {@link #toString()}; empty when {@code text} is not one. */
  public static Optional<TransactionCursor> parse(String text) {
    checkNotNull(text, "text must not be null");
    String[] parts = text.split(";", -1);
    if (parts.length < 2 || !parts[0].equals(VERSION)) {
      return Optional.empty();
    }
    List<Optional<Mark>> marks = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].equals("-")) {
        marks.add(Optional.empty());
        continue;
      }
      String[] f = parts[i].split(":", -1);
      if (f.length != 4) {
        return Optional.empty();
      }
      try {
        marks.add(Optional.of(new Mark(f[0], Long.parseLong(f[1]), Integer.parseInt(f[2]),
            Long.parseLong(f[3], 16))));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.of(new TransactionCursor(marks));
  }

  /** The text form: {@code c1;<root 1>;<root 2>…}, each {@code YYYY/TR_…DAT:offset:line:crc} or {@code -}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(VERSION);
    for (Optional<Mark> m : marks) {
      sb.append(';');
      if (m.isEmpty()) {
        sb.append('-');
      } else {
        Mark k = m.get();
        sb.append(k.file()).append(':').append(k.offset()).append(':').append(k.line()).append(':')
            .append(Long.toHexString(k.check()));
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransactionCursor c && c.marks.equals(marks);
  }

  @Override
  public int hashCode() {
    return marks.hashCode();
  }

  /** What reading from a cursor gives: the entries after it, or why it cannot be followed. */
  public sealed interface Reading permits Tail, Lost {}

  /**
   * Entries read, in time order, and the cursor at the end of what was read.
   *
   * @param entries the entries read
   * @param end where the reading stopped: the next reading starts there
   */
  public record Tail(List<TransactionEntry> entries, TransactionCursor end) implements Reading {
    public Tail {
      checkNotNull(end, "end must not be null");
      entries = List.copyOf(entries);
    }
  }

  /**
   * The cursor cannot be followed: its file is gone, shorter than the offset, or its bytes before the offset are not
   * those the cursor was taken from (the log was rotated, truncated or replaced). The caller reads in another way.
   *
   * @param reason what did not match, in words
   */
  public record Lost(String reason) implements Reading {
    public Lost {
      checkNotNull(reason, "reason must not be null");
    }
  }
}

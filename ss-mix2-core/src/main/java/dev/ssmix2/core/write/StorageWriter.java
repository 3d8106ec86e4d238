package dev.ssmix2.core.write;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.CareDate;
import dev.ssmix2.core.storage.ConditionFlag;
import dev.ssmix2.core.storage.DataType;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.VersionKey;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes HL7 messages into one standardized-storage root (標準化ストレージ) following the guideline's update and delete
 * rules (docs/storage-rules.md, "Condition flag and versions"):
 *
 * <ul>
 *   <li>{@link #insert}: earlier {@code _1} files of the same key (患者ID, 診療日, データ種別, オーダNo) are renamed to
 *       {@code _2}, then the new message is written with flag {@code 1};
 *   <li>{@link #delete}: every earlier file of the key is renamed to {@code _0}, then the delete message itself is
 *       written with flag {@code 0}.
 * </ul>
 *
 * <p>The message is encoded completely (and refused if a character does not fit the charset) before anything on
 * disk changes; it is written to a hidden temporary file in the target folder and moved into place, so a reader never
 * sees a half-written file. A writer is immutable and safe to share between threads as long as two threads do not
 * write the same key at once.
 *
 * <pre>{@code
 * StorageWriter writer = StorageWriter.create(Path.of("/ssmix2/root"));
 * writer.insert(adtA08, FileName.parse("0000012345_-_ADT-00_999999999999999_20240401093000123_-_1"));
 * }</pre>
 */
public final class StorageWriter {
  private final Path root;
  private final WriterOptions options;
  private final MessageEncoder encoder;

  private StorageWriter(Path root, WriterOptions options) {
    this.root = root;
    this.options = options;
    this.encoder = new MessageEncoder(options);
  }

  /** A writer with {@linkplain WriterOptions#defaults() default options}; the root folder is created if missing. */
  public static StorageWriter create(Path root) {
    return create(root, WriterOptions.defaults());
  }

  /**
   * A writer for {@code root} (created if missing).
   *
   * @throws StorageWriteException when the root exists but is not a folder or cannot be created
   */
  public static StorageWriter create(Path root, WriterOptions options) {
    checkNotNull(root, "storage root must not be null");
    checkNotNull(options, "options must not be null; use WriterOptions.defaults()");
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new StorageWriteException(root, "cannot create the storage root folder: " + e, e);
    }
    return new StorageWriter(root, options);
  }

  /** The same root written with other options (e.g. a CP932 file among ISO-2022-JP ones). */
  public StorageWriter withOptions(WriterOptions other) {
    checkNotNull(other, "options must not be null");
    return new StorageWriter(root, other);
  }

  public Path root() {
    return root;
  }

  public WriterOptions options() {
    return options;
  }

  /**
   * Writes a new or updated message. The flag of {@code name} is ignored: the new file always gets {@code _1}, and
   * the key's current {@code _1} becomes {@code _2}.
   */
  public WriteResult insert(String message, FileName name) {
    return write(message, name.withFlag(ConditionFlag.CURRENT), ConditionFlag.CURRENT);
  }

  /**
   * Deletes a key: all its files become {@code _0} and {@code message} (the cancel message, e.g. ORC-1 {@code CA} or
   * ADT^A23) is written as a further {@code _0}. The flag of {@code name} is ignored.
   */
  public WriteResult delete(String message, FileName name) {
    return write(message, name.withFlag(ConditionFlag.DELETED), ConditionFlag.DELETED);
  }

  /** The data-type folder a file of this patient, date and type goes to. */
  public Path folder(PatientId patient, CareDate date, DataType type) {
    return root.resolve(patient.firstFolder()).resolve(patient.secondFolder()).resolve(patient.value())
        .resolve(date.token()).resolve(type.code());
  }

  private WriteResult write(String message, FileName name, ConditionFlag renameFrom) {
    checkNotNull(message, "message must not be null");
    checkArgument(!message.isBlank(), "message for %s is empty", name);
    PatientId id = name.patientId();
    checkArgument(id.value().length() >= options.minimumIdLength(),
        "patient ID %s has %s characters; this writer requires at least %s because the folder levels are "
            + "characters 1–3 and 4–6 of the ID (pad the ID, or lower WriterOptions.minimumIdLength)",
        id, id.value().length(), options.minimumIdLength());
    Path dir = folder(id, name.date(), name.dataType());
    Path target = dir.resolve(name.format());
    byte[] bytes = encoder.encode(message, target);
    Path temp = dir.resolve("." + name.format() + ".tmp");
    try {
      Files.createDirectories(dir);
      if (Files.exists(target)) {
        throw new StorageWriteException(target, "a file of this name already exists; a new version needs a new "
            + "発生日時 (timestamp)");
      }
      Files.write(temp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new StorageWriteException(target, "temporary file " + temp.getFileName()
          + " exists: another writer is writing this file now, or a crash left it behind", e);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new StorageWriteException(target, "cannot write: " + e, e);
    }
    try {
      List<WriteResult.Rename> renamed = renameEarlierVersions(dir, name.key(), renameFrom, target);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return new WriteResult(target, renamed);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new StorageWriteException(target, "cannot move the message into place: " + e, e);
    } catch (RuntimeException e) {
      deleteQuietly(temp);
      throw e;
    }
  }

  /**
   * Insert: {@code _1} → {@code _2}. Delete: {@code _1} and {@code _2} → {@code _0}. Sorted so the rename order (and
   * any error) is repeatable.
   */
  private List<WriteResult.Rename> renameEarlierVersions(Path dir, VersionKey key, ConditionFlag newFlag,
      Path target) throws IOException {
    List<FileName> matches = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path p : files) {
        String fileName = p.getFileName().toString();
        if (fileName.startsWith(".")) {
          continue;
        }
        Optional<FileName> parsed = FileName.tryParse(fileName);
        if (parsed.isPresent() && parsed.get().key().equals(key)) {
          matches.add(parsed.get());
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    }
    matches.sort((a, b) -> a.format().compareTo(b.format()));
    List<WriteResult.Rename> renamed = new ArrayList<>();
    for (FileName old : matches) {
      boolean rename = newFlag == ConditionFlag.CURRENT
          ? old.flag() == ConditionFlag.CURRENT
          : old.flag() != ConditionFlag.DELETED;
      if (!rename) {
        continue;
      }
      ConditionFlag to = newFlag == ConditionFlag.CURRENT ? ConditionFlag.SUPERSEDED : ConditionFlag.DELETED;
      Path from = dir.resolve(old.format());
      Path dest = dir.resolve(old.withFlag(to).format());
      if (dest.equals(target)) {
        throw new StorageWriteException(target, "the earlier version " + old + " would be renamed onto the new file; "
            + "a new version needs a new 発生日時 (timestamp)");
      }
      try {
        Files.move(from, dest);
      } catch (FileAlreadyExistsException e) {
        throw new StorageWriteException(from, "cannot rename to " + dest.getFileName() + ": that file exists", e);
      }
      renamed.add(new WriteResult.Rename(from, dest));
    }
    return renamed;
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // The original error is the one worth reporting.
    }
  }

  @Override
  public String toString() {
    return "StorageWriter[" + root + ", " + options + "]";
  }
}

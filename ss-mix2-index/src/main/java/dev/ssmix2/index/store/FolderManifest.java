package dev.ssmix2.index.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.UnplacedEntry.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What one patient's folders looked like at the last commit, per root: every folder with its modification time, every
 * placed file with its size and time, and the entries that could not be placed. An update that finds every folder
 * time (and, by default, every file stamp) unchanged knows the walk would give the same result, so it neither lists
 * the folders nor touches the patient's documents.
 *
 * <p>A folder time is only trusted when it was older than the run that recorded it by a safety margin (see
 * {@link FolderRecorder}); otherwise it is stored as {@link #UNTRUSTED} and the next run walks the patient again.
 *
 * @param patient the patient ID
 * @param parts one part per root that holds the patient's folder
 */
record FolderManifest(String patient, List<Part> parts) {

  /** A folder time that must not be trusted: too recent when recorded, so a change in the same clock tick may hide. */
  static final long UNTRUSTED = Long.MIN_VALUE;

  private static final byte FORMAT = 1;

  FolderManifest {
    checkNotNull(patient, "patient must not be null");
    checkArgument(!patient.isEmpty(), "manifest needs a patient ID");
    parts = List.copyOf(parts);
  }

  /**
   * The patient's folder in one root.
   *
   * @param root index into the storage's root list
   * @param folder the patient folder relative to the root ({@code L1/L2/患者ID})
   * @param folders folders inside it, relative to it ({@code ""} is the patient folder itself)
   * @param files placed files (and content folders), relative to the patient folder
   * @param unplaced entries inside the patient folder that could not be placed, reported again on every run
   */
  record Part(int root, String folder, List<FolderTime> folders, List<FileTime> files, List<Unplaced> unplaced) {
    Part {
      checkArgument(root >= 0, "root index must be >= 0, was %s", root);
      folders = List.copyOf(folders);
      files = List.copyOf(files);
      unplaced = List.copyOf(unplaced);
    }
  }

  /** A folder and its modification time in nanoseconds since the epoch, or {@link #UNTRUSTED}. */
  record FolderTime(String path, long modifiedNanos) {}

  /** A placed file's size (-1 for a content folder) and modification time in epoch milliseconds, as FileStamp. */
  record FileTime(String path, long size, long modifiedMillis) {}

  /** An entry that could not be placed, with the walker's problem and reason. */
  record Unplaced(String path, Problem problem, String reason) {}

  long fileCount() {
    return parts.stream().mapToLong(p -> p.files().size()).sum();
  }

  /** The manifest deflated: paths repeat the patient ID, dates and data types, and doc values are stored raw. */
  BytesRef encode() {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      out.writeString(patient);
      out.writeVInt(parts.size());
      for (Part p : parts) {
        out.writeVInt(p.root());
        out.writeString(p.folder());
        out.writeVInt(p.folders().size());
        for (FolderTime f : p.folders()) {
          out.writeString(f.path());
          out.writeLong(f.modifiedNanos());
        }
        out.writeVInt(p.files().size());
        for (FileTime f : p.files()) {
          out.writeString(f.path());
          out.writeZLong(f.size());
          out.writeZLong(f.modifiedMillis());
        }
        out.writeVInt(p.unplaced().size());
        for (Unplaced u : p.unplaced()) {
          out.writeString(u.path());
          out.writeVInt(u.problem().ordinal());
          out.writeString(u.reason());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the folder manifest of " + patient, e);
    }
    return new BytesRef(deflate(out.toArrayCopy()));
  }

  /**
   * Decodes what {@link #encode} wrote.
   *
   * @throws IllegalArgumentException when the bytes are not a manifest of this format
   */
  static FolderManifest decode(BytesRef bytes) {
    try {
      return read(new ByteArrayDataInput(inflate(bytes)));
    } catch (IOException | DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not a folder manifest: " + e.getMessage(), e);
    }
  }

  /**
   * A manifest without its folder times and file stamps: what a plan from the transaction feed needs of a patient the
   * log does not name (its roots, folders, unplaced entries and file count).
   *
   * @param manifest the manifest, every part's {@code folders} and {@code files} left empty
   * @param fileCount the number of files the full manifest lists
   */
  record Outline(FolderManifest manifest, long fileCount) {}

  /**
   * Decodes what {@link #encode} wrote, skipping the folder times and file stamps instead of making a string of each
   * path (a plan from the feed reads all 10,000 manifests of the 10k storage, 6 % of a 1 % update in the profile of
   * benchmarks/README.md, "Update cost, session 8").
   *
   * @throws IllegalArgumentException when the bytes are not a manifest of this format
   */
  static Outline outline(BytesRef bytes) {
    try {
      ByteArrayDataInput in = new ByteArrayDataInput(inflate(bytes));
      String patient = in.readString();
      int partCount = in.readVInt();
      List<Part> parts = new ArrayList<>(partCount);
      Problem[] problems = Problem.values();
      long files = 0;
      for (int i = 0; i < partCount; i++) {
        int root = in.readVInt();
        String folder = in.readString();
        for (int n = in.readVInt(); n > 0; n--) {
          in.skipBytes(in.readVInt());
          in.readLong();
        }
        for (int n = in.readVInt(); n > 0; n--) {
          in.skipBytes(in.readVInt());
          in.readZLong();
          in.readZLong();
          files++;
        }
        parts.add(new Part(root, folder, List.of(), List.of(), unplaced(in, problems, patient)));
      }
      return new Outline(new FolderManifest(patient, parts), files);
    } catch (IOException | DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not a folder manifest: " + e.getMessage(), e);
    }
  }

  /** A part's unplaced entries, as {@link #encode} wrote them (the last list of a part). */
  private static List<Unplaced> unplaced(ByteArrayDataInput in, Problem[] problems, String patient)
      throws IOException {
    List<Unplaced> unplaced = new ArrayList<>();
    for (int n = in.readVInt(); n > 0; n--) {
      String path = in.readString();
      int problem = in.readVInt();
      checkArgument(problem < problems.length, "unknown unplaced-entry problem %s in the manifest of %s", problem,
          patient);
      unplaced.add(new Unplaced(path, problems[problem], in.readString()));
    }
    return unplaced;
  }

  private static FolderManifest read(ByteArrayDataInput in) throws IOException {
    String patient = in.readString();
    int partCount = in.readVInt();
    List<Part> parts = new ArrayList<>(partCount);
    Problem[] problems = Problem.values();
    for (int i = 0; i < partCount; i++) {
      int root = in.readVInt();
      String folder = in.readString();
      List<FolderTime> folders = new ArrayList<>();
      for (int n = in.readVInt(); n > 0; n--) {
        folders.add(new FolderTime(in.readString(), in.readLong()));
      }
      List<FileTime> files = new ArrayList<>();
      for (int n = in.readVInt(); n > 0; n--) {
        files.add(new FileTime(in.readString(), in.readZLong(), in.readZLong()));
      }
      parts.add(new Part(root, folder, folders, files, unplaced(in, problems, patient)));
    }
    return new FolderManifest(patient, parts);
  }

  /** Format byte, raw length (4 bytes, big-endian), deflated bytes. */
  private static byte[] deflate(byte[] raw) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    try {
      deflater.setInput(raw);
      deflater.finish();
      byte[] out = new byte[raw.length + 64];
      out[0] = FORMAT;
      ByteBuffer.wrap(out, 1, 4).putInt(raw.length);
      int length = 5;
      while (!deflater.finished()) {
        if (length == out.length) {
          out = Arrays.copyOf(out, out.length * 2);
        }
        length += deflater.deflate(out, length, out.length - length);
      }
      return Arrays.copyOf(out, length);
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(BytesRef bytes) throws DataFormatException {
    checkArgument(bytes.length > 5 && bytes.bytes[bytes.offset] == FORMAT, "folder manifest format %s; expected %s",
        bytes.length > 0 ? bytes.bytes[bytes.offset] : -1, FORMAT);
    int rawLength = ByteBuffer.wrap(bytes.bytes, bytes.offset + 1, 4).getInt();
    checkArgument(rawLength >= 0, "folder manifest length %s must not be negative", rawLength);
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(bytes.bytes, bytes.offset + 5, bytes.length - 5);
      byte[] raw = new byte[rawLength];
      int n = 0;
      while (n < rawLength && !inflater.finished()) {
        int got = inflater.inflate(raw, n, rawLength - n);
        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("folder manifest ends early");
        }
        n += got;
      }
      checkArgument(n == rawLength, "folder manifest holds %s bytes; expected %s", n, rawLength);
      return raw;
    } finally {
      inflater.end();
    }
  }
}

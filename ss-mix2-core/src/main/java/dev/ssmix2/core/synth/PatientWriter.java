package dev.ssmix2.core.synth;

import dev.ssmix2.core.storage.CareDate;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.FileTimestamp;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.write.StorageWriteException;
import dev.ssmix2.core.write.StorageWriter;
import dev.ssmix2.core.write.WriteResult;
import dev.ssmix2.core.write.WriterOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one patient's messages through {@link StorageWriter} (so the flag rules are the writer's) and keeps the
 * ground truth: which files are current, which defects went where.
 */
final class PatientWriter {
  /** A defect in one file; the path follows the file when the flag rules rename it. */
  record Defect(DefectKind kind, Path root, Path file) {
    FileRef ref() {
      return FileRef.of(root, file);
    }
  }

  /** A file by its root folder's name and its path below that root. */
  record FileRef(String root, String path) {
    static FileRef of(Path root, Path file) {
      return new FileRef(Roots.name(root), root.relativize(file).toString().replace('\\', '/'));
    }
  }

  private final Roots roots;
  private final PatientId id;
  private final WriterOptions options;
  private final List<DefectKind> perFileDefects;
  private final Map<Path, FileRef> current = new LinkedHashMap<>();
  private final List<Defect> defects = new ArrayList<>();
  private int files;

  PatientWriter(Roots roots, PatientId id, WriterOptions options, List<DefectKind> perFileDefects) {
    this.roots = roots;
    this.id = id;
    this.options = options;
    this.perFileDefects = perFileDefects;
  }

  static FileName name(PatientId id, LocalDate date, StandardDataType type, String orderNo, LocalDateTime ts,
      String dept) {
    CareDate cd = type.isDated() ? CareDate.of(date) : CareDate.UNDATED;
    return new FileName(id, cd, type, orderNo, new FileTimestamp(Clock.fileTimestamp(ts)),
        Optional.ofNullable(dept), dev.ssmix2.core.storage.ConditionFlag.CURRENT);
  }

  Path insert(FileName name, CharSequence text) {
    return record(writer(name).insert(text.toString(), name), true);
  }

  Path delete(FileName name, CharSequence text) {
    return record(writer(name).delete(text.toString(), name), false);
  }

  private StorageWriter writer(FileName name) {
    return roots.forDated(!name.date().isUndated()).withOptions(options);
  }

  private Path record(WriteResult r, boolean isCurrent) {
    files++;
    for (WriteResult.Rename rn : r.renamed()) {
      current.remove(rn.from());
      defects.replaceAll(d -> d.file().equals(rn.from()) ? new Defect(d.kind(), d.root(), rn.to()) : d);
    }
    StorageWriter w = rootOf(r.written());
    if (isCurrent) {
      current.put(r.written(), FileRef.of(w.root(), r.written()));
    }
    for (DefectKind k : perFileDefects) {
      defect(k, w.root(), r.written());
    }
    return r.written();
  }

  private StorageWriter rootOf(Path written) {
    return written.startsWith(roots.dated().root()) ? roots.dated() : roots.undated();
  }

  void defect(DefectKind kind, Path root, Path file) {
    defects.add(new Defect(kind, root, file));
  }

  /** Writes a non-message file (junk, truncated copy) in place, atomically like the writer does. */
  void writeRaw(Path root, Path file, byte[] bytes, DefectKind kind) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StorageWriteException(file, "cannot write: " + e, e);
    }
    files++;
    defect(kind, root, file);
  }

  /** Writes an extended-storage content folder with its {@code main_document.hl7}. */
  void writeExtended(Path extRoot, String dateToken, String typeFolder, String contentFolder, byte[] bytes) {
    Path dir = extRoot.resolve(id.firstFolder()).resolve(id.secondFolder()).resolve(id.value()).resolve(dateToken)
        .resolve(typeFolder).resolve(contentFolder);
    Path file = dir.resolve("main_document.hl7");
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(".main_document.hl7.tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StorageWriteException(file, "cannot write: " + e, e);
    }
    files++;
    current.put(file, FileRef.of(extRoot, file));
  }

  Map<Path, FileRef> current() {
    return current;
  }

  List<Defect> defects() {
    return defects;
  }

  int files() {
    return files;
  }

  StorageWriter undatedWriter() {
    return roots.undated();
  }

  StorageWriter datedWriter() {
    return roots.dated();
  }

  Path rootPathOf(Path file) {
    return rootOf(file).root();
  }
}

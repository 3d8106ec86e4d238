package dev.ssmix2.index.internal.patient;

import static dev.ssmix2.index.internal.patient.PatientFields.KIND;
import static dev.ssmix2.index.internal.patient.PatientFields.KIND_FILE;
import static dev.ssmix2.index.internal.patient.PatientFields.PID;

import com.google.common.base.Splitter;
import dev.ssmix2.core.record.Sex;
import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StorageRoot;
import dev.ssmix2.core.version.VersionStatus;
import dev.ssmix2.index.store.Facility;
import dev.ssmix2.index.store.PatientRecords;
import dev.ssmix2.index.store.RecordEntry;
import dev.ssmix2.index.store.RecordProblem;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

/**
 * The record-index document of one placed storage file: where it is, its version status, its one-line summary or the
 * reason it is unreadable, and the PID facts read from it, so an update can re-derive a patient without re-reading
 * unchanged files.
 */
public final class FileDocument {
  private FileDocument() {}

  public static final String ROOT = "file_root";
  public static final String PATH = "file_path";
  public static final String SIZE = "file_size";
  public static final String MODIFIED = "file_modified";
  public static final String CONTENT_FOLDER = "file_folder";
  public static final String STATUS = "file_status";
  /** The version status's ordinal as a doc value: an update compares it without reading stored fields. */
  public static final String STATUS_ORD = "file_status_ord";
  public static final String SUMMARY = "file_summary";
  public static final String PROBLEM = "file_problem";
  /** Indexed marker of an unreadable file, so every run can list them without reading unchanged patients. */
  public static final String UNREADABLE = "file_unreadable";
  public static final String PID_NAME = "file_pid_name";
  public static final String PID_BIRTH = "file_pid_birth";
  public static final String PID_SEX = "file_pid_sex";
  /**
   * 発生日時 of the file name as a 17-digit number: a point, so the newest time of the storage is one look per segment,
   * and a doc value, which a chart window chooses by.
   */
  public static final String TIME = "file_time";
  /**
   * The データ種別 code of the file name as a sorted doc value; with {@link #DATE}, {@link #TIME}, {@link #PATH} and
   * {@link #CONTENT_FOLDER} (doc values too) it is what a chart window chooses by without reading stored fields
   * (docs/index-design.md, "Chart window").
   */
  public static final String TYPE = "file_type";
  /** The 診療日 token of the file name ({@code yyyyMMdd} or {@code -}) as a sorted doc value. */
  public static final String DATE = "file_date";

  /**
   * Facility, root and path ({@link #keyOf}), indexed only: the term an update replaces or deletes one record by.
   */
  public static final String FILE_KEY = "file_key";

  private static final char SEP = '\u001F';

  /** The {@link #FILE_KEY} of a file of {@code facility}: the facility code, then {@link FileStamp#key()}. */
  public static String keyOf(String facility, FileStamp stamp) {
    return facility + '\u0000' + stamp.key();
  }

  public static Term key(String facility, FileStamp stamp) {
    return new Term(FILE_KEY, keyOf(facility, stamp));
  }

  public static Document build(Facility facility, FileVersion v, FileStamp stamp) {
    Document doc = new Document();
    String patient = v.file().patientId().value();
    doc.add(new StringField(KIND, KIND_FILE, Field.Store.NO));
    doc.add(new StringField(PID, patient, Field.Store.YES));
    doc.add(new StringField(PatientFields.FACILITY, facility.code(), Field.Store.YES));
    doc.add(new StoredField(PatientFields.FACILITY_NAME, facility.name()));
    doc.add(new StringField(PatientFields.PATIENT_REF, PatientFields.patientRef(facility.code(), patient),
        Field.Store.NO));
    doc.add(new StringField(FILE_KEY, keyOf(facility.code(), stamp), Field.Store.NO));
    doc.add(new StoredField(ROOT, stamp.root()));
    doc.add(new StoredField(PATH, stamp.path()));
    doc.add(new SortedDocValuesField(PATH, new BytesRef(stamp.path())));
    doc.add(new StoredField(SIZE, stamp.size()));
    doc.add(new StoredField(MODIFIED, stamp.modified()));
    doc.add(new StoredField(CONTENT_FOLDER, v.file().isContentFolder() ? 1 : 0));
    doc.add(new NumericDocValuesField(CONTENT_FOLDER, v.file().isContentFolder() ? 1 : 0));
    long time = Long.parseLong(v.file().name().timestamp().padded());
    doc.add(new LongPoint(TIME, time));
    doc.add(new NumericDocValuesField(TIME, time));
    doc.add(new SortedDocValuesField(TYPE, new BytesRef(v.file().name().dataType().code())));
    doc.add(new SortedDocValuesField(DATE, new BytesRef(v.file().name().date().token())));
    doc.add(new StringField(STATUS, v.status().label(), Field.Store.YES));
    doc.add(new NumericDocValuesField(STATUS_ORD, v.status().ordinal()));
    doc.add(new StoredField(SUMMARY, v.facts().summary()));
    v.facts().problem().ifPresent(p -> {
      doc.add(new StoredField(PROBLEM, p));
      doc.add(new StringField(UNREADABLE, "1", Field.Store.NO));
    });
    v.facts().pid().ifPresent(pid -> {
      pid.name().ifPresent(n -> doc.add(new StoredField(PID_NAME, String.join(String.valueOf(SEP),
          n.kanjiFamily(), n.kanjiGiven(), n.kanaFamily(), n.kanaGiven(), n.romajiFamily(), n.romajiGiven()))));
      pid.birthDate().ifPresent(b -> doc.add(new StoredField(PID_BIRTH, PatientDocument.yyyymmdd(b))));
      doc.add(new StoredField(PID_SEX, pid.sex().code()));
    });
    return doc;
  }

  public static FileStamp stamp(Document doc) {
    return new FileStamp(doc.get(ROOT), doc.get(PATH), doc.getField(SIZE).numericValue().longValue(),
        doc.getField(MODIFIED).numericValue().longValue());
  }

  public static FileFacts facts(Document doc) {
    String problem = doc.get(PROBLEM);
    if (problem != null) {
      return FileFacts.unreadable(problem);
    }
    Optional<PidFacts> pid = Optional.empty();
    if (doc.get(PID_SEX) != null) {
      Optional<RegisteredName> name = Optional.ofNullable(doc.get(PID_NAME)).map(FileDocument::name);
      Optional<LocalDate> birth = Optional.ofNullable(doc.getField(PID_BIRTH))
          .map(f -> LocalDate.parse(String.format(Locale.ROOT, "%08d", f.numericValue().intValue()),
              DateTimeFormatter.BASIC_ISO_DATE));
      pid = Optional.of(new PidFacts(name, birth, Sex.ofCode(doc.get(PID_SEX))));
    }
    return new FileFacts(pid, doc.get(SUMMARY), Optional.empty());
  }

  private static RegisteredName name(String joined) {
    List<String> p = Splitter.on(SEP).splitToList(joined);
    return new RegisteredName(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4), p.get(5));
  }

  /** The storage file a document describes, rebuilt from its stored root and path. */
  public static StorageFile storageFile(Document doc) {
    return storageFile(doc, new Shared());
  }

  private static StorageFile storageFile(Document doc, Shared shared) {
    String path = doc.get(PATH);
    String name = path.substring(path.lastIndexOf('/') + 1);
    return new StorageFile(shared.root(doc.get(ROOT)), path, FileName.parse(name),
        doc.getField(CONTENT_FOLDER).numericValue().intValue() == 1);
  }

  public static VersionStatus status(Document doc) {
    String s = doc.get(STATUS);
    for (VersionStatus v : VersionStatus.values()) {
      if (v.label().equals(s)) {
        return v;
      }
    }
    throw new IllegalStateException("file document has unknown status '" + s + "'");
  }

  public static RecordEntry entry(Document doc) {
    return entry(doc, new Shared());
  }

  /**
   * What the documents of one patient share: the facility, the patient ID and a few roots, made once per list rather
   * than once per document (a long-stay patient has thousands of file documents).
   */
  private static final class Shared {
    private final Map<String, StorageRoot> roots = new HashMap<>();
    private @Nullable Facility facility;
    private @Nullable PatientId patient;

    StorageRoot root(String path) {
      return roots.computeIfAbsent(path, p -> new StorageRoot(Path.of(p)));
    }

    Facility facility(Document doc) {
      Facility f = facility;
      if (f == null || !f.code().equals(doc.get(PatientFields.FACILITY))
          || !f.name().equals(Objects.requireNonNullElse(doc.get(PatientFields.FACILITY_NAME), ""))) {
        f = PatientDocument.facility(doc);
        facility = f;
      }
      return f;
    }

    PatientId patient(String id) {
      PatientId p = patient;
      if (p == null || !p.value().equals(id)) {
        p = PatientId.of(id);
        patient = p;
      }
      return p;
    }
  }

  private static RecordEntry entry(Document doc, Shared shared) {
    StorageFile f = storageFile(doc, shared);
    FileName n = f.name();
    return new RecordEntry(shared.facility(doc), shared.patient(doc.get(PID)), n.dataType().code(),
        n.date().token(), n.orderNo(),
        n.timestamp().digits(), status(doc), f.root().path(), f.relativePath(), doc.get(SUMMARY));
  }

  public static Optional<RecordProblem> problem(Document doc) {
    return Optional.ofNullable(doc.get(PROBLEM))
        .map(reason -> new RecordProblem(Path.of(doc.get(ROOT)), doc.get(PATH), reason));
  }

  /**
   * A patient's records from its file documents, newest 診療日 and 発生日時 first: only current versions, or every
   * version when {@code history}; unreadable files are listed as problems, never as records. ADT-00 files are not
   * records: their content is the patient's demographics.
   */
  public static PatientRecords records(Iterable<Document> fileDocuments, boolean history) {
    List<RecordEntry> records = new ArrayList<>();
    List<RecordProblem> problems = new ArrayList<>();
    Shared shared = new Shared();
    for (Document d : fileDocuments) {
      Optional<RecordProblem> problem = problem(d);
      if (problem.isPresent()) {
        problems.add(problem.get());
        continue;
      }
      RecordEntry e = entry(d, shared);
      // ADT-00 holds the demographics shown as the chart's header, not a clinical record
      if (!e.dataType().equals(StandardDataType.ADT_00.code()) && (history || e.status() == VersionStatus.CURRENT)) {
        records.add(e);
      }
    }
    records.sort(Comparator.comparing(RecordEntry::date).thenComparing(RecordEntry::timestamp).reversed()
        .thenComparing(RecordEntry::file));
    problems.sort(Comparator.comparing(RecordProblem::file));
    return new PatientRecords(records, problems);
  }
}

package dev.ssmix2.index.store;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.summary.ChartWindow;
import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.search.SearchResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the command line and the viewer need from a patient index, whatever engine holds it: the embedded Lucene index
 * ({@link PatientIndex}, the default, nothing to install) or a SolrCloud collection
 * ({@code dev.ssmix2.index.solr.SolrPatientIndex}, for a network whose index outgrows one machine or must survive one
 * machine's failure). Both compute every name key with {@code NameKeys} in this JVM and run the same tiered plan, so
 * the same query gives the same hits, in the same order, with the same match tags.
 *
 * <p>A patient is known by facility and patient ID (docs/index-design.md, "Facilities"): one index may hold the
 * storages of several facilities, each registered under its 医療機関コード ({@link Facility}); roots indexed without
 * one belong to {@link Facility#DEFAULT}, which the methods without a facility address.
 *
 * <p>Methods throw only the engine's {@link dev.ssmix2.core.SsMix2Exception} ({@link PatientIndexException} for the
 * embedded index), whose message names the index.
 */
public interface PatientStore extends AutoCloseable {

  /** Free-text search: IDs, birth dates (西暦/和暦), sex and names in any script and order; best first. */
  List<PatientHit> search(String freeText, int limit);

  /** As {@link #search}, with the count of exact homonyms tied at the top and the hint to add a birth date. */
  SearchResult searchResult(String freeText, int limit);

  /**
   * As {@link #searchResult(String, int)}, only among the patients of one facility ({@code facility} is its code):
   * the same hits, scores and tags as the search over every facility, less the other facilities' patients.
   */
  SearchResult searchResult(String freeText, String facility, int limit);

  /** The demographics of one patient of one facility (its code), if indexed. */
  Optional<IndexedPatient> patient(String facility, PatientId id);

  /** The demographics of one patient of {@link Facility#DEFAULT}, if indexed. */
  default Optional<IndexedPatient> patient(PatientId id) {
    return patient(Facility.DEFAULT_CODE, id);
  }

  /**
   * Every indexed patient with this ID, one per facility that has one, by facility code: more than one means the ID
   * alone does not say which patient is meant.
   */
  List<IndexedPatient> patients(PatientId id);

  /**
   * A patient's records (the patient of one facility, by its code), newest first: only current versions, or every
   * version when {@code history}.
   */
  PatientRecords records(String facility, PatientId id, boolean history);

  /**
   * The records a chart of the patient (of one facility, by its code) reads as of {@code asOf}, chosen by
   * {@code window}, with what the chart says of the others: the same choice as {@link ChartWindow#select} over every
   * current record of {@link #records}. This default lists every record; the embedded index chooses from doc values
   * and reads only the chosen records (docs/index-design.md, "Chart window").
   */
  default ChartRecords chartRecords(String facility, PatientId id, ChartWindow window, LocalDate asOf) {
    return ChartRecords.choose(records(facility, id, false), window, asOf);
  }

  /**
   * The next page of older lab results for a chart: {@link ChartWindow#labsBefore} over the patient's current
   * records, newest first.
   */
  default List<RecordEntry> labRecordsBefore(String facility, PatientId id, ChartWindow window, LocalDate before) {
    return ChartRecords.labsBefore(records(facility, id, false), window, before);
  }

  /**
   * The next page of older prescriptions and injections for a chart: {@link ChartWindow#medicationsBefore} over the
   * patient's current records, newest first.
   */
  default List<RecordEntry> medicationRecordsBefore(String facility, PatientId id, ChartWindow window,
      LocalDate before, int limit) {
    return ChartRecords.medicationsBefore(records(facility, id, false), window, before, limit);
  }

  /** The records of a patient of {@link Facility#DEFAULT}; see {@link #records(String, PatientId, boolean)}. */
  default PatientRecords records(PatientId id, boolean history) {
    return records(Facility.DEFAULT_CODE, id, history);
  }

  /** The storage roots of every facility's last update, facility by facility; empty before the first update. */
  List<Path> roots();

  /** The storage roots of one facility's last update (by its code); empty when the index does not hold it. */
  List<Path> roots(String facility);

  /** The facilities the index holds, by code, with the names their last update gave them. */
  List<Facility> facilities();

  /** Patients in the index. */
  long patientCount();

  /** Whether the index was built by this schema and NameKeys table version (else the next update rebuilds it). */
  boolean isCurrentVersion();

  /**
   * Brings the documents of {@link Facility#DEFAULT} up to date with {@code storage}; see
   * {@link PatientIndex#update(Storage, ChangeDetection, ProgressListener)}.
   */
  default IndexReport update(Storage storage, ChangeDetection detection, ProgressListener<IndexProgress> listener) {
    return update(Facility.DEFAULT, storage, detection, listener);
  }

  /**
   * Brings the documents of {@code facility} up to date with {@code storage}, its roots; the other facilities'
   * documents stay as they are. See {@link PatientIndex#update(Facility, Storage, ChangeDetection, ProgressListener)}.
   */
  IndexReport update(Facility facility, Storage storage, ChangeDetection detection,
      ProgressListener<IndexProgress> listener);

  /** Where the index is, for messages: its folder, or the SolrCloud collection and its ZooKeeper address. */
  String location();

  /**
   * A number that changes with every update the searches see, when the engine can tell (the embedded index can): what
   * was read for a patient can be cached while it stays the same. Empty: nothing read may be cached.
   */
  default OptionalLong version() {
    return OptionalLong.empty();
  }

  /** The newest 発生日時 among the indexed files (how recent the backup is), when the engine keeps it. */
  default Optional<LocalDateTime> newestFileTime() {
    return Optional.empty();
  }

  @Override
  void close();
}

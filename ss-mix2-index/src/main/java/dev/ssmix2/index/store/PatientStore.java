package dev.ssmix2.index.store;

import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.search.SearchResult;
import java.nio.file.Path;
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
 * <p>Methods throw only the engine's {@link dev.ssmix2.core.SsMix2Exception} ({@link PatientIndexException} for the
 * embedded index), whose message names the index.
 */
public interface PatientStore extends AutoCloseable {

  /** Free-text search: IDs, birth dates (西暦/和暦), sex and names in any script and order; best first. */
  List<PatientHit> search(String freeText, int limit);

  /** As {@link #search}, with the count of exact homonyms tied at the top and the hint to add a birth date. */
  SearchResult searchResult(String freeText, int limit);

  /** The demographics of one patient, if indexed. */
  Optional<IndexedPatient> patient(PatientId id);

  /** A patient's records, newest first: only current versions, or every version when {@code history}. */
  PatientRecords records(PatientId id, boolean history);

  /** The storage roots of the last update, in the order given; empty before the first update. */
  List<Path> roots();

  /** Patients in the index. */
  long patientCount();

  /** Whether the index was built by this schema and NameKeys table version (else the next update rebuilds it). */
  boolean isCurrentVersion();

  /** Brings the index up to date with {@code storage}; see {@link PatientIndex#update(Storage, ChangeDetection, ProgressListener)}. */
  IndexReport update(Storage storage, ChangeDetection detection, ProgressListener<IndexProgress> listener);

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

package dev.ssmix2.examples.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the outage viewer needs from a backup of an SS-MIX2 storage: the seam between {@link ViewerServer} and the data
 * layer (core reader + patient index).
 *
 * <p>Implementations must be thread-safe: the server calls them from several request threads at once. Every string they
 * return is treated by the server and the UI as untrusted text (it is rendered with {@code textContent}, never as markup).
 *
 * <p>Identifiers ({@code patientId}, {@code recordId}) arrive exactly as issued by this interface, after the server has
 * rejected anything that looks like a path ({@code /}, {@code \}, {@code ..}, control characters; see {@link PathSegment}).
 * A {@code recordId} is an opaque, URL-safe token chosen by the implementation (for example an index document key or a
 * keyed hash); implementations must look it up, never resolve it against the file system.
 *
 * <pre>{@code
 * ViewerData data = ...;                    // the lead's adapter over Storage + PatientIndex
 * SearchResponse r = data.search("やまだ たろう", 20);
 * data.patient(r.hits().get(0).patientId()).ifPresent(chart -> ...);
 * }</pre>
 */
public interface ViewerData {

  /**
   * Searches patients by free text (氏名, よみ, ローマ字, 患者ID, 生年月日) as typed into the search box.
   *
   * @param query the text as typed, never blank
   * @param limit the maximum number of hits, 1 to {@value ViewerServer#MAX_SEARCH_LIMIT}
   */
  SearchResponse search(String query, int limit);

  /**
   * As {@link #search(String, int)}, only among the patients of one facility ({@code facility} is its code; {@code ""}
   * for every facility).
   */
  default SearchResponse search(String query, int limit, String facility) {
    SearchResponse all = search(query, limit);
    return facility.isEmpty() ? all : new SearchResponse(all.query(),
        all.hits().stream().filter(h -> h.facility().code().equals(facility)).toList(), all.hint());
  }

  /** The facilities of the backup, by code; the UI offers a facility filter when there are several. */
  default List<FacilityInfo> facilities() {
    return List.of();
  }

  /**
   * Who a patient key names, before it is served (the audit line names the facility): a key as issued in
   * {@link SearchHit#key()}, or a plain 患者ID that one facility alone has. Empty when it names nobody.
   *
   * @throws AmbiguousPatientException when a plain 患者ID belongs to patients of several facilities
   */
  default Optional<PatientRef> resolve(String patientKey) {
    return Optional.of(new PatientRef(patientKey, FacilityInfo.DEFAULT, patientKey));
  }

  /**
   * One patient as a URL names it.
   *
   * @param key the key the other methods take ({@code patientId} there)
   * @param facility the patient's facility
   * @param patientId the 患者ID
   */
  record PatientRef(String key, FacilityInfo facility, String patientId) {}

  /** The chart of one patient, or empty when no such patient is stored. */
  Optional<PatientChart> patient(String patientId);

  /**
   * The records of one patient, newest 診療日 first, or empty when no such patient is stored.
   *
   * @param history {@code false} for the current (latest valid) version of each order only; {@code true} to add superseded
   *     versions and deletions (コンディションフラグ D), each marked by {@link RecordRow#status()}
   */
  Optional<List<RecordRow>> records(String patientId, boolean history);

  /**
   * Older lab results of one patient, a page of collection dates before {@code before} (exclusive), or empty when no
   * such patient is stored (or this data layer does not page).
   */
  default Optional<LabTable> labs(String patientId, LocalDate before) {
    return Optional.empty();
  }

  /**
   * Older prescriptions and injections of one patient, a page of orders with a 診療日 before {@code before}
   * (exclusive), or empty when no such patient is stored (or this data layer does not page).
   */
  default Optional<MedicationPage> medications(String patientId, LocalDate before) {
    return Optional.empty();
  }

  /** The facility of a record, for the audit line of its raw view; empty when the id is unknown. */
  default Optional<FacilityInfo> recordFacility(String recordId) {
    return Optional.empty();
  }

  /** One record's decoded HL7 message, or empty when the id is unknown. */
  Optional<RawRecord> raw(String recordId);

  /**
   * The patient's current data as a FHIR R4 JP Core collection Bundle (JSON), or empty when no such patient is
   * stored (or the implementation does not export FHIR).
   */
  default Optional<String> fhir(String patientId) {
    return Optional.empty();
  }
}

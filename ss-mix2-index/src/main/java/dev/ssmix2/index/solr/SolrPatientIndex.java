package dev.ssmix2.index.solr;

import static dev.ssmix2.index.internal.patient.PatientFields.KIND;
import static dev.ssmix2.index.internal.patient.PatientFields.KIND_FILE;
import static dev.ssmix2.index.internal.patient.PatientFields.KIND_PATIENT;
import static dev.ssmix2.index.internal.patient.PatientFields.LAST_SEEN;
import static dev.ssmix2.index.internal.patient.PatientFields.FACILITY;
import static dev.ssmix2.index.internal.patient.PatientFields.FACILITY_NAME;
import static dev.ssmix2.index.internal.patient.PatientFields.PATIENT_REF;
import static dev.ssmix2.index.internal.patient.PatientFields.PID;
import static dev.ssmix2.index.internal.patient.PatientFields.patientRef;

import com.google.common.base.Preconditions;
import dev.ssmix2.core.ProgressListener;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.FileTimestamp;
import dev.ssmix2.index.internal.patient.FileDocument;
import dev.ssmix2.index.internal.patient.HitFields;
import dev.ssmix2.index.internal.patient.PatientDocument;
import dev.ssmix2.index.internal.search.PatientSearch;
import dev.ssmix2.index.internal.search.XmlQueries;
import dev.ssmix2.index.name.NameKeys;
import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.search.PatientHit;
import dev.ssmix2.index.search.SearchResult;
import dev.ssmix2.index.store.ChangeDetection;
import dev.ssmix2.index.store.Facility;
import dev.ssmix2.index.store.IndexProgress;
import dev.ssmix2.index.store.IndexReport;
import dev.ssmix2.index.store.IndexedPatient;
import dev.ssmix2.index.store.PatientRecords;
import dev.ssmix2.index.store.PatientStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudLegacySolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.params.SolrParams;

/**
 * The patient index as a SolrCloud collection: the same documents, the same tiered plan, hits, order and match tags as
 * the embedded {@link dev.ssmix2.index.store.PatientIndex}, spread over shards and replicas so that the index can
 * outgrow one machine and keep answering when one Solr node fails.
 *
 * <pre>{@code
 * SolrPatientIndex.createCollection("zk1:2181,zk2:2181,zk3:2181/ssmix2", "patients", 2, 2);   // once
 * try (SolrPatientIndex index = SolrPatientIndex.connect("zk1:2181,zk2:2181,zk3:2181/ssmix2", "patients")) {
 *   index.update(Storage.open(Path.of("/mnt/ssmix2")), ChangeDetection.EVERY_FILE, ProgressListener.none());
 *   index.search("やまだ たろう S50.3.15", 10);
 * }
 * }</pre>
 *
 * <p>Every name key is computed by {@code NameKeys} in this JVM, for documents and queries alike, and a plan reaches
 * Solr as the planner's own Lucene query ({@link XmlQueries}), so Solr needs nothing but the configset this jar ships
 * (no plugin, no custom analysis). Searches are thread-safe and see the last committed update. Document IDs are the
 * facility and patient ID, or facility, patient ID and file path for a record, so an update that died can simply be
 * run again.
 */
public final class SolrPatientIndex implements PatientStore {
  /** Bump whenever fields, document IDs or the configset change: an update then rebuilds the collection. */
  static final String SCHEMA = "ssmix2-solr-3";
  /** Schemas of collections written before facilities: read by patient ID alone, refused until rebuilt. */
  private static final List<String> BEFORE_FACILITIES = List.of("ssmix2-solr-1", "ssmix2-solr-2");
  static final String META_ID = "_meta";
  static final String KIND_META = "meta";
  /** One document per facility about its last update, ID {@link #facilityMetaId}. */
  static final String KIND_META_FACILITY = "meta_facility";
  static final String META_FACILITY = "meta_facility";
  static final String META_FACILITY_NAME = "meta_facility_name";
  static final String META_SCHEMA = "meta_schema";
  static final String META_TABLES = "meta_tables";
  static final String META_ROOTS = "meta_roots";
  static final String META_FILES = "meta_files";
  static final String META_PATIENTS = "meta_patients";

  private static final String[] CONFIGSET_FILES = {"schema.xml", "solrconfig.xml"};
  private static final String ORDER = "score desc,last_seen desc," + PID + " asc," + FACILITY + " asc";
  private static final int PAGE = 1000;

  private final CloudSolrClient client;
  private final String collection;
  private final String location;
  private final ReadingGuesser guesser;
  private final PatientSearch search;
  /** Whether the collection was found to be of a layout with facilities; looked at once, and after each update. */
  private volatile boolean layoutChecked;

  private SolrPatientIndex(CloudSolrClient client, String collection, String location, ReadingGuesser guesser) {
    this.client = client;
    this.collection = collection;
    this.location = location;
    this.guesser = guesser;
    this.search = new PatientSearch(guesser);
  }

  /**
   * Connects to an existing collection. {@code zkHost} is the ZooKeeper ensemble as Solr writes it,
   * {@code HOST:PORT[,HOST:PORT...][/chroot]}. Throws {@link SolrIndexException} naming both when ZooKeeper cannot
   * be reached or there is no such collection (create it with {@link #createCollection}).
   */
  public static SolrPatientIndex connect(String zkHost, String collection) {
    String where = location(zkHost, collection);
    CloudSolrClient client = client(zkHost, where);
    try {
      if (!CollectionAdminRequest.listCollections(client).contains(collection)) {
        throw new SolrIndexException(where, "no such collection; create it with 'ssmix2 solr init --zk " + zkHost
            + " --collection " + collection + "'");
      }
      SolrPatientIndex index = new SolrPatientIndex(client, collection, where, ReadingGuesser.create());
      client = null; // the index owns it now
      return index;
    } catch (IOException | SolrServerException | SolrException e) {
      throw new SolrIndexException(where, "cannot be reached: " + message(e), e);
    } finally {
      closeQuietly(client);
    }
  }

  /**
   * Uploads this jar's configset to ZooKeeper under the collection's name and creates the collection with
   * {@code shards} shards of {@code replicas} replicas each, waiting until every replica is active; when the
   * collection exists already, uploads the configset again and reloads it (so running it twice is harmless). Returns
   * whether the collection was created.
   */
  public static boolean createCollection(String zkHost, String collection, int shards, int replicas) {
    Preconditions.checkArgument(shards >= 1, "shards must be at least 1, got %s", shards);
    Preconditions.checkArgument(replicas >= 1, "replicas must be at least 1, got %s", replicas);
    String where = location(zkHost, collection);
    try (CloudSolrClient client = client(zkHost, where)) {
      uploadConfigset(client, collection);
      if (CollectionAdminRequest.listCollections(client).contains(collection)) {
        CollectionAdminRequest.reloadCollection(collection).process(client);
        return false;
      }
      var create = CollectionAdminRequest.createCollection(collection, collection, shards, replicas);
      create.setWaitForFinalState(true);
      create.process(client);
      return true;
    } catch (IOException | SolrServerException | SolrException e) {
      throw new SolrIndexException(where, "cannot be created: " + message(e), e);
    }
  }

  private static void uploadConfigset(CloudSolrClient client, String name) throws IOException {
    SolrZkClient zk = ZkStateReader.from(client).getZkClient();
    try {
      for (String file : CONFIGSET_FILES) {
        byte[] data;
        try (InputStream in = SolrPatientIndex.class.getResourceAsStream("configset/" + file)) {
          if (in == null) {
            throw new IOException("the jar lacks its configset file " + file);
          }
          data = in.readAllBytes();
        }
        String path = "/configs/" + name + "/" + file;
        if (zk.exists(path, true)) {
          zk.setData(path, data, true);
        } else {
          zk.makePath(path, data, true);
        }
      }
    } catch (org.apache.zookeeper.KeeperException e) {
      throw new IOException("ZooKeeper refused the configset: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while uploading the configset", e);
    }
  }

  static String location(String zkHost, String collection) {
    Preconditions.checkNotNull(zkHost, "ZooKeeper address must not be null");
    Preconditions.checkNotNull(collection, "collection must not be null");
    Preconditions.checkArgument(!zkHost.isBlank(), "ZooKeeper address must be HOST:PORT[/chroot], got '%s'", zkHost);
    Preconditions.checkArgument(collection.matches("[A-Za-z0-9][A-Za-z0-9._-]*"),
        "collection must be letters, digits, '.', '_' or '-', got '%s'", collection);
    return "Solr collection " + collection + " (ZooKeeper " + zkHost + ")";
  }

  private static CloudSolrClient client(String zkHost, String where) {
    int slash = zkHost.indexOf('/');
    String hosts = slash < 0 ? zkHost : zkHost.substring(0, slash);
    Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(zkHost.substring(slash));
    List<String> list = List.of(hosts.split(","));
    for (String h : list) {
      Preconditions.checkArgument(h.matches("[^:\\s]+:\\d{1,5}"),
          "ZooKeeper address must be HOST:PORT[,HOST:PORT...][/chroot], got '%s'", zkHost);
    }
    CloudSolrClient client = new CloudLegacySolrClient.Builder(list, chroot).build();
    try {
      client.connect(30, TimeUnit.SECONDS);
      return client;
    } catch (Exception e) {
      closeQuietly(client);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new SolrIndexException(where, "ZooKeeper cannot be reached: " + message(e), e);
    }
  }

  @Override
  public List<PatientHit> search(String freeText, int limit) {
    return searchResult(freeText, limit).hits();
  }

  @Override
  public SearchResult searchResult(String freeText, int limit) {
    checkLayout();
    try {
      return search.searchResult(this::run, freeText, limit);
    } catch (IOException e) {
      throw failed("search", e);
    }
  }

  /** Only among one facility's patients: the planner's query with a filter clause, sent as it is (XmlQueries). */
  @Override
  public SearchResult searchResult(String freeText, String facility, int limit) {
    Facility.checkCode(facility);
    checkLayout();
    try {
      return search.searchResult(this::run, freeText, Optional.of(facility), limit);
    } catch (IOException e) {
      throw failed("search", e);
    }
  }

  /** Refuses a collection written before facilities, which cannot be read by facility and patient ID. */
  private void checkLayout() {
    if (layoutChecked) {
      return;
    }
    Optional<SolrDocument> meta = meta();
    if (meta.isPresent() && BEFORE_FACILITIES.contains(meta.get().getFirstValue(META_SCHEMA))) {
      throw new SolrIndexException(location, "was built by an older version of ss-mix2, before facilities (a patient "
          + "is now known by facility and patient ID); rebuild it with 'ssmix2 index --solr ZK --collection "
          + collection + " ROOT...' (or '--facility CODE:NAME ROOT...' for each facility), which builds it anew");
    }
    layoutChecked = true;
  }

  /** Runs a plan's query: hits in the embedded order, each with a flag per tagged clause, computed by Solr. */
  private List<PatientSearch.EngineHit> run(Query query, List<Query> clauses, int limit) throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "{!xmlparser}" + XmlQueries.xml(query));
    p.set("sort", ORDER);
    p.set("rows", limit);
    StringBuilder fl = new StringBuilder(PID + "," + FACILITY + "," + FACILITY_NAME + ",name,kana,birth,sex,score");
    for (int i = 0; i < clauses.size(); i++) {
      p.set("c" + i, "{!xmlparser}" + XmlQueries.xml(new ConstantScoreQuery(clauses.get(i))));
      fl.append(",m").append(i).append(":exists(query($c").append(i).append("))");
    }
    p.set("fl", fl.toString());
    List<PatientSearch.EngineHit> out = new ArrayList<>();
    for (SolrDocument d : query(p).getResults()) {
      IndexedPatient patient = PatientDocument.read(SolrDocuments.stored(d)); // no last_seen in the hit's fields
      BitSet matches = new BitSet(clauses.size());
      for (int i = 0; i < clauses.size(); i++) {
        if (Boolean.TRUE.equals(d.getFieldValue("m" + i))) {
          matches.set(i);
        }
      }
      float score = ((Number) d.getFieldValue("score")).floatValue();
      out.add(new PatientSearch.EngineHit(new HitFields.Summary(patient.facility(), patient.id(), patient.name(),
          patient.kana(), patient.birthDate(), patient.sex()), score, matches));
    }
    return out;
  }

  /**
   * The demographics of a patient document. The newest 診療日 comes from {@code last_seen}, which holds 0 for a
   * patient without dated records (the value the embedded index sorts by).
   */
  static IndexedPatient readPatient(SolrDocument d) {
    Object seen = d.getFirstValue(LAST_SEEN);
    Document doc = SolrDocuments.stored(d);
    doc.removeFields(LAST_SEEN);
    IndexedPatient p = PatientDocument.read(doc);
    int ymd = seen instanceof Number n ? n.intValue() : 0;
    Optional<LocalDate> lastSeen = ymd > 0
        ? Optional.of(LocalDate.of(ymd / 10000, ymd / 100 % 100, ymd % 100)) : Optional.empty();
    return new IndexedPatient(p.facility(), p.id(), p.name(), p.kana(), p.birthDate(), p.sex(), p.formerNames(),
        p.fromAdt00(), lastSeen);
  }

  @Override
  public Optional<IndexedPatient> patient(String facility, PatientId id) {
    Facility.checkCode(facility);
    Preconditions.checkNotNull(id, "patient ID must not be null");
    checkLayout();
    ModifiableSolrParams p = byPatient(facility, id.value(), KIND_PATIENT);
    p.set("rows", 1);
    p.set("fl", "*");
    try {
      var results = query(p).getResults();
      return results.isEmpty() ? Optional.empty()
          : Optional.of(readPatient(results.get(0)));
    } catch (IOException e) {
      throw failed("patient lookup", e);
    }
  }

  @Override
  public List<IndexedPatient> patients(PatientId id) {
    Preconditions.checkNotNull(id, "patient ID must not be null");
    checkLayout();
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "{!term f=" + PID + " v=$pid}");
    p.set("pid", id.value());
    p.set("fq", "{!term f=" + KIND + "}" + KIND_PATIENT);
    List<IndexedPatient> out = new ArrayList<>();
    try {
      forEach(p, "*", d -> out.add(readPatient(d)));
    } catch (IOException e) {
      throw failed("patient lookup", e);
    }
    out.sort(java.util.Comparator.comparing(x -> x.facility().code()));
    return out;
  }

  @Override
  public PatientRecords records(String facility, PatientId id, boolean history) {
    Facility.checkCode(facility);
    Preconditions.checkNotNull(id, "patient ID must not be null");
    checkLayout();
    List<Document> docs = new ArrayList<>();
    try {
      forEach(byPatient(facility, id.value(), KIND_FILE), "*", d -> docs.add(SolrDocuments.stored(d)));
    } catch (IOException e) {
      throw failed("record lookup", e);
    }
    return FileDocument.records(docs, history);
  }

  /** The documents of one kind of one patient of one facility. */
  static ModifiableSolrParams byPatient(String facility, String pid, String kind) {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "{!term f=" + PATIENT_REF + " v=$ref}");
    p.set("ref", patientRef(facility, pid));
    p.set("fq", "{!term f=" + KIND + "}" + kind);
    return p;
  }

  /** Every document matching {@code params}, page by page in ID order (a cursor, so nothing is skipped or repeated). */
  void forEach(ModifiableSolrParams params, String fields, Consumer<SolrDocument> each) throws IOException {
    ModifiableSolrParams p = new ModifiableSolrParams(params);
    p.set("fl", fields);
    p.set("sort", SolrDocuments.ID + " asc");
    p.set("rows", PAGE);
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      p.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse r = query(p);
      r.getResults().forEach(each);
      String next = r.getNextCursorMark();
      if (next == null || next.equals(cursor)) {
        return;
      }
      cursor = next;
    }
  }

  @Override
  public List<Path> roots() {
    return facilityMetas().stream().flatMap(m -> roots(m).stream()).toList();
  }

  @Override
  public List<Path> roots(String facility) {
    Facility.checkCode(facility);
    return facilityMeta(facility).map(SolrPatientIndex::roots).orElse(List.of());
  }

  private static List<Path> roots(SolrDocument m) {
    Collection<Object> roots = m.getFieldValues(META_ROOTS);
    return roots == null ? List.<Path>of() : roots.stream().map(r -> Path.of((String) r)).toList();
  }

  @Override
  public List<Facility> facilities() {
    return facilityMetas().stream().map(m -> new Facility((String) m.getFirstValue(META_FACILITY),
        Optional.ofNullable((String) m.getFirstValue(META_FACILITY_NAME)).orElse(""))).toList();
  }

  static String facilityMetaId(String facility) {
    return META_ID + "/" + facility;
  }

  /** The document about one facility's last update, if the collection holds the facility. */
  Optional<SolrDocument> facilityMeta(String facility) {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "{!term f=" + SolrDocuments.ID + " v=$id}");
    p.set("id", facilityMetaId(facility));
    p.set("fl", "*");
    try {
      var results = query(p).getResults();
      return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    } catch (IOException e) {
      throw failed("reading the last update", e);
    }
  }

  /** Every facility's document about its last update, by code; none when the collection is of another schema. */
  private List<SolrDocument> facilityMetas() {
    return isCurrentVersion() ? facilityMetasOfAnyVersion() : List.of();
  }

  /** The facilities of the collection's last updates, whatever version wrote them (an update names those it drops). */
  List<Facility> facilitiesOfAnyVersion() {
    return facilityMetasOfAnyVersion().stream().map(m -> new Facility((String) m.getFirstValue(META_FACILITY),
        Optional.ofNullable((String) m.getFirstValue(META_FACILITY_NAME)).orElse(""))).toList();
  }

  private List<SolrDocument> facilityMetasOfAnyVersion() {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "{!term f=" + KIND + "}" + KIND_META_FACILITY);
    List<SolrDocument> out = new ArrayList<>();
    try {
      forEach(p, "*", out::add);
    } catch (IOException e) {
      throw failed("reading the last update", e);
    }
    out.sort(java.util.Comparator.comparing(m -> (String) m.getFirstValue(META_FACILITY)));
    return out;
  }

  @Override
  public long patientCount() {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "{!term f=" + KIND + "}" + KIND_PATIENT);
    p.set("rows", 0);
    try {
      return query(p).getResults().getNumFound();
    } catch (IOException e) {
      throw failed("count", e);
    }
  }

  /**
   * The newest 発生日時 among the indexed files, as the embedded index gives it: the first file document by
   * {@code file_time} descending (a doc-values field of the configset). Empty for a collection without files.
   */
  @Override
  public Optional<LocalDateTime> newestFileTime() {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "*:*");
    p.set("fq", "{!term f=" + KIND + "}" + KIND_FILE);
    p.set("sort", FileDocument.TIME + " desc");
    p.set("fl", FileDocument.TIME);
    p.set("rows", 1);
    try {
      var results = query(p).getResults();
      if (results.isEmpty() || !(results.get(0).getFirstValue(FileDocument.TIME) instanceof Number newest)) {
        return Optional.empty();
      }
      return new FileTimestamp(String.format(Locale.ROOT, "%017d", newest.longValue())).toLocalDateTime();
    } catch (IOException e) {
      throw failed("read the newest file time", e);
    }
  }

  @Override
  public boolean isCurrentVersion() {
    return meta().map(SolrPatientIndex::isCompatible).orElse(false);
  }

  static boolean isCompatible(SolrDocument meta) {
    return SCHEMA.equals(meta.getFirstValue(META_SCHEMA)) && NameKeys.TABLE_VERSION.equals(
        meta.getFirstValue(META_TABLES));
  }

  Optional<SolrDocument> meta() {
    ModifiableSolrParams p = new ModifiableSolrParams();
    p.set("q", "{!term f=" + SolrDocuments.ID + "}" + META_ID);
    p.set("fl", "*");
    try {
      var results = query(p).getResults();
      return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    } catch (IOException e) {
      throw failed("reading the last update", e);
    }
  }

  /**
   * Brings the documents of {@code facility} up to date with {@code storage} (its roots), leaving the other
   * facilities' documents as they are: walks it, re-derives only patients whose file stamps changed, removes patients
   * and records that are gone, and commits once at the end. Folder-time probing ({@link ChangeDetection#FOLDER_TIMES})
   * is an optimisation of the embedded index only; here every patient folder is listed. A collection built by another
   * schema or NameKeys table version is emptied and rebuilt (the report's notes name the facilities to index again).
   */
  @Override
  public synchronized IndexReport update(Facility facility, Storage storage, ChangeDetection detection,
      ProgressListener<IndexProgress> listener) {
    Preconditions.checkNotNull(facility, "facility must not be null; use Facility.DEFAULT");
    Preconditions.checkNotNull(storage, "storage must not be null");
    Preconditions.checkNotNull(detection, "change detection must not be null; use ChangeDetection.EVERY_FILE");
    Preconditions.checkNotNull(listener, "listener must not be null; use ProgressListener.none()");
    try {
      return new SolrUpdate(this, guesser, facility, storage.roots()).run(storage, listener);
    } catch (IOException e) {
      throw failed("update", e);
    } finally {
      layoutChecked = false;
    }
  }

  /** Same as {@code update(Facility.DEFAULT, storage, ChangeDetection.EVERY_FILE, listener)}. */
  public IndexReport update(Storage storage, ProgressListener<IndexProgress> listener) {
    return update(storage, ChangeDetection.EVERY_FILE, listener);
  }

  QueryResponse query(SolrParams params) throws IOException {
    try {
      return client.query(collection, params, SolrRequest.METHOD.POST);
    } catch (SolrServerException | SolrException e) {
      throw new IOException(message(e), e);
    }
  }

  CloudSolrClient client() {
    return client;
  }

  String collection() {
    return collection;
  }

  private SolrIndexException failed(String what, IOException e) {
    return new SolrIndexException(location, what + " failed: " + message(e), e);
  }

  /**
   * The first line of the message (Solr's errors carry the remote stack trace after it), or of the first cause that
   * has one.
   */
  static String message(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.isBlank()) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
      }
    }
    return "no reason given";
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      throw new SolrIndexException(location, "cannot close the connection: " + message(e), e);
    }
  }

  private static void closeQuietly(CloudSolrClient client) {
    if (client != null) {
      try {
        client.close();
      } catch (IOException e) {
        // closing after a failure: the failure is what the caller needs to hear about
      }
    }
  }
}

package dev.ssmix2.index.store;

import static dev.ssmix2.index.internal.patient.PatientFields.KIND;
import static dev.ssmix2.index.internal.patient.PatientFields.FACILITY;
import static dev.ssmix2.index.internal.patient.PatientFields.PATIENT_REF;
import static dev.ssmix2.index.internal.patient.PatientFields.patientRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The index document that holds one patient's {@link FolderManifest}. It carries the patient's facility and ID like
 * the patient's other documents, so replacing or deleting them all by that includes it, and a key of its own, so it
 * can be replaced alone when only folder times moved. The manifest is a doc value: reading every patient's in one pass
 * costs a sequential read instead of a stored-field lookup per patient.
 */
final class ManifestDocument {
  private ManifestDocument() {}

  static final String KIND_FOLDERS = "folders";
  static final String MANIFEST = "folder_manifest";
  static final String MANIFEST_OF = "folder_manifest_of";
  /** Documents per task when reading all manifests on several threads. */
  private static final int CHUNK = 512;

  static Document build(String facility, FolderManifest m) {
    Document doc = new Document();
    String ref = patientRef(facility, m.patient());
    doc.add(new StringField(KIND, KIND_FOLDERS, Field.Store.NO));
    doc.add(new StringField(FACILITY, facility, Field.Store.NO));
    doc.add(new StringField(PATIENT_REF, ref, Field.Store.NO));
    doc.add(new StringField(MANIFEST_OF, ref, Field.Store.NO));
    doc.add(new BinaryDocValuesField(MANIFEST, m.encode()));
    return doc;
  }

  static Term key(String facility, String patient) {
    return new Term(MANIFEST_OF, patientRef(facility, patient));
  }

  /**
   * A manifest this build cannot read is passed over: its patient's folder then looks new to the probe, which walks it
   * and writes a readable one.
   */
  private static Optional<FolderManifest> decode(BytesRef bytes) {
    try {
      return Optional.of(FolderManifest.decode(bytes));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A run of documents of one segment; manifests are read chunk by chunk, each chunk by one task. */
  record Chunk(int leaf, int from, int to) {}

  /** The chunks that together cover every document of {@code reader}. */
  static List<Chunk> chunks(DirectoryReader reader) {
    List<Chunk> chunks = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      for (int from = 0; from < leaf.reader().maxDoc(); from += CHUNK) {
        chunks.add(new Chunk(leaf.ord, from, Math.min(leaf.reader().maxDoc(), from + CHUNK)));
      }
    }
    return chunks;
  }

  /**
   * Hands every live, readable manifest of {@code facility}'s patients in one chunk to {@code action}, in document
   * order.
   */
  static void forEach(DirectoryReader reader, Chunk chunk, String facility, Consumer<FolderManifest> action)
      throws IOException {
    forEachDecoded(reader, chunk, facility, ManifestDocument::decode, action);
  }

  /** As {@link #forEach}, with each manifest's {@link FolderManifest#outline outline} only. */
  static void forEachOutline(DirectoryReader reader, Chunk chunk, String facility,
      Consumer<FolderManifest.Outline> action) throws IOException {
    forEachDecoded(reader, chunk, facility, ManifestDocument::decodeOutline, action);
  }

  /** The walk of both: each live manifest of the facility in the chunk, decoded; an unreadable one is passed over. */
  private static <T> void forEachDecoded(DirectoryReader reader, Chunk chunk, String facility,
      Function<BytesRef, Optional<T>> decoder, Consumer<T> action) throws IOException {
    var leaf = reader.leaves().get(chunk.leaf()).reader();
    BinaryDocValues values = leaf.getBinaryDocValues(MANIFEST);
    PostingsEnum mine = leaf.postings(new Term(FACILITY, facility), PostingsEnum.NONE);
    if (values == null || mine == null) {
      return;
    }
    Bits live = leaf.getLiveDocs();
    for (int doc = values.advance(chunk.from()); doc < chunk.to(); doc = values.nextDoc()) {
      int at = mine.docID() >= doc ? mine.docID() : mine.advance(doc);
      if (at == doc && (live == null || live.get(doc))) {
        decoder.apply(values.binaryValue()).ifPresent(action);
      }
    }
  }

  /** Unreadable: the patient is walked whole, as with an unreadable full manifest ({@link #decode}). */
  private static Optional<FolderManifest.Outline> decodeOutline(BytesRef bytes) {
    try {
      return Optional.of(FolderManifest.outline(bytes));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The manifest of one patient of {@code facility} in {@code searcher}'s index, if it has a readable one. */
  static Optional<FolderManifest> of(IndexSearcher searcher, String facility, String patient) throws IOException {
    Optional<KeyLookup.Hit> hit = KeyLookup.find(searcher.getIndexReader(), key(facility, patient));
    if (hit.isEmpty()) {
      return Optional.empty();
    }
    BinaryDocValues values = hit.get().leaf().reader().getBinaryDocValues(MANIFEST);
    if (values == null || !values.advanceExact(hit.get().doc())) {
      return Optional.empty();
    }
    return decode(values.binaryValue());
  }
}

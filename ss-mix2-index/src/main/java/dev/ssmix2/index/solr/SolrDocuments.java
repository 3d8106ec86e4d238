package dev.ssmix2.index.solr;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexableFieldType;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Carries the embedded index's documents (built by {@code PatientDocument} and {@code FileDocument}, one layout for both
 * engines) to Solr and their stored values back. A field keeps its name; the configset declares each one with the
 * same role: keyword or analysed (its indexed value is sent), int or long point (decoded), stored only (its value is sent),
 * numeric doc values (the newest 診療日 that breaks ties; sent). Sorted and binary doc values are left out: Solr keeps
 * doc values of the declared fields itself (sorting by {@code pid}). A number indexed, stored and kept as a doc value
 * under one name (birth date) is sent once.
 */
final class SolrDocuments {
  private SolrDocuments() {}

  static final String ID = "id";
  private static final String VERSION = "_version_";

  static SolrInputDocument toSolr(String id, Document doc) {
    SolrInputDocument out = new SolrInputDocument();
    out.setField(ID, id);
    Map<String, Set<Long>> numbers = new HashMap<>();
    for (IndexableField f : doc) {
      IndexableFieldType t = f.fieldType();
      Object value;
      if (t.indexOptions() != IndexOptions.NONE) {
        value = f.stringValue();
      } else if (t.pointDimensionCount() > 0) {
        BytesRef packed = f.binaryValue();
        if (t.pointDimensionCount() != 1
            || t.pointNumBytes() != Integer.BYTES && t.pointNumBytes() != Long.BYTES) {
          throw new IllegalArgumentException("field " + f.name() + " is a point of a kind the configset lacks");
        }
        value = t.pointNumBytes() == Long.BYTES ? (Object) LongPoint.decodeDimension(packed.bytes, packed.offset)
            : (Object) IntPoint.decodeDimension(packed.bytes, packed.offset);
      } else if (t.stored()) {
        value = f.numericValue() != null ? f.numericValue() : f.stringValue(); // a number's stringValue() is text
      } else if (t.docValuesType() == DocValuesType.NUMERIC) {
        value = f.numericValue(); // a number kept only for sorting (newest 診療日, 0 for none)
      } else {
        continue; // sorted or binary doc values: Solr keeps its own for the declared fields
      }
      if (value == null) {
        throw new IllegalArgumentException("field " + f.name() + " has no value Solr can hold");
      }
      if (value instanceof Number n && !numbers.computeIfAbsent(f.name(), k -> new HashSet<>()).add(n.longValue())) {
        continue; // a point, a stored value and a doc value of the same number
      }
      out.addField(f.name(), value);
    }
    return out;
  }

  /** The stored values of a Solr document as a Lucene document of stored fields, as the document readers expect. */
  static Document stored(SolrDocument in) {
    Document doc = new Document();
    for (String name : in.getFieldNames()) {
      if (name.equals(VERSION)) {
        continue;
      }
      Collection<Object> values = in.getFieldValues(name);
      if (values == null) {
        continue;
      }
      for (Object v : values) {
        if (v instanceof String s) {
          doc.add(new StoredField(name, s));
        } else if (v instanceof Integer i) {
          doc.add(new StoredField(name, i));
        } else if (v instanceof Long l) {
          doc.add(new StoredField(name, l));
        }
        // anything else (a pseudo-field such as a match flag) is not a stored value
      }
    }
    return doc;
  }
}

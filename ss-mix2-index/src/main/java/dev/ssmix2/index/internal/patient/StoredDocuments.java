package dev.ssmix2.index.internal.patient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/**
 * The stored fields of many documents of one searcher, read in doc-ID order.
 *
 * <p>Why: a patient's file documents are written together, so they sit side by side in a few compressed blocks of
 * stored fields. Read one at a time, every document decompresses its block (and the block's dictionary) again; a
 * long-stay patient's 5,000 file documents took ~70 ms of a warm chart and most of its first one, 80 % of it in LZ4
 * decompression (JFR; benchmarks/README.md, "Chart API of the long-stay patient"). Lucene's sequential reader for merges decompresses each block
 * once and keeps it while the following documents are read from it. It is used when a leaf gives many documents; a
 * few documents are read the ordinary way (the sequential reader would decompress whole blocks for them).
 */
public final class StoredDocuments {
  /** From how many documents of one segment the sequential reader pays off. */
  static final int SEQUENTIAL_FROM = 32;

  private StoredDocuments() {}

  /** The documents of these doc IDs (of {@code searcher}'s reader), in doc-ID order. */
  public static List<Document> read(IndexSearcher searcher, int[] docIds) throws IOException {
    int[] ids = docIds.clone();
    Arrays.sort(ids);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<Document> out = new ArrayList<>(ids.length);
    int i = 0;
    while (i < ids.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(ids[i], leaves));
      int end = i;
      while (end < ids.length && ids[end] < leaf.docBase + leaf.reader().maxDoc()) {
        end++;
      }
      StoredFieldsReader sequential = end - i >= SEQUENTIAL_FROM ? sequentialReader(leaf.reader()) : null;
      var ordinary = sequential == null ? leaf.reader().storedFields() : null;
      for (int k = i; k < end; k++) {
        DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor();
        int doc = ids[k] - leaf.docBase;
        if (sequential != null) {
          sequential.document(doc, visitor);
        } else {
          ordinary.document(doc, visitor);
        }
        out.add(visitor.getDocument());
      }
      i = end;
    }
    return out;
  }

  /** Lucene's sequential stored-fields reader of a segment, or null when the leaf is not a plain segment reader. */
  private static StoredFieldsReader sequentialReader(LeafReader reader) {
    LeafReader unwrapped = FilterLeafReader.unwrap(reader);
    if (unwrapped instanceof CodecReader codec) {
      StoredFieldsReader fields = codec.getFieldsReader();
      return fields == null ? null : fields.getMergeInstance();
    }
    return null;
  }
}

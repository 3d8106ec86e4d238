package dev.ssmix2.index.internal.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class StoredDocumentsTest {

  /** Several segments (one with deletions), subsets below and above the sequential threshold, in any order. */
  @Test
  void sameDocumentsAsReadOneByOneInDocIdOrder() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE);
      try (IndexWriter w = new IndexWriter(dir, config)) {
        int n = 0;
        for (int segment = 0; segment < 4; segment++) {
          for (int i = 0; i < 300 * (segment + 1); i++, n++) {
            Document d = new Document();
            d.add(new StringField("id", Integer.toString(n), Field.Store.YES));
            d.add(new StoredField("text", "記録 " + n + " 𠮷".repeat(1 + n % 7)));
            d.add(new StoredField("size", (long) n * 31));
            w.addDocument(d);
          }
          w.commit();
        }
        w.deleteDocuments(new Term("id", "5"), new Term("id", "901"));
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(1);
        IndexSearcher searcher = new IndexSearcher(reader);
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
          int take = round < 10 ? 1 + random.nextInt(StoredDocuments.SEQUENTIAL_FROM) : 1 + random.nextInt(2000);
          List<Integer> all = new ArrayList<>(IntStream.range(0, reader.maxDoc()).boxed()
              .filter(doc -> reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc, reader.leaves()))
                  .reader().getLiveDocs() == null || isLive(reader, doc)).toList());
          java.util.Collections.shuffle(all, random);
          int[] ids = all.subList(0, Math.min(take, all.size())).stream().mapToInt(Integer::intValue).toArray();

          List<Document> read = StoredDocuments.read(searcher, ids);

          int[] sorted = ids.clone();
          java.util.Arrays.sort(sorted);
          assertThat(read).hasSize(ids.length);
          var stored = searcher.storedFields();
          for (int i = 0; i < sorted.length; i++) {
            Document expected = stored.document(sorted[i]);
            assertThat(read.get(i).get("id")).isEqualTo(expected.get("id"));
            assertThat(read.get(i).get("text")).isEqualTo(expected.get("text"));
            assertThat(read.get(i).getField("size").numericValue()).isEqualTo(expected.getField("size").numericValue());
          }
        }
      }
    }
  }

  private static boolean isLive(DirectoryReader reader, int doc) {
    var leaf = reader.leaves().get(org.apache.lucene.index.ReaderUtil.subIndex(doc, reader.leaves()));
    return leaf.reader().getLiveDocs().get(doc - leaf.docBase);
  }
}

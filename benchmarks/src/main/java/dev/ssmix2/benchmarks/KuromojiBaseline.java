package dev.ssmix2.benchmarks;

import dev.ssmix2.core.hl7.Field;
import dev.ssmix2.core.hl7.Hl7Decoder;
import dev.ssmix2.core.hl7.Hl7Message;
import dev.ssmix2.core.hl7.Segment;
import dev.ssmix2.core.storage.ConditionFlag;
import dev.ssmix2.core.storage.Storage;
import dev.ssmix2.core.storage.StorageFile;
import dev.ssmix2.core.storage.StandardDataType;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The index a team would build without this library: Lucene's stock {@link JapaneseAnalyzer} (what a Solr
 * {@code text_ja} field does) over the kanji and kana name text of each current ADT-00, the patient ID and the
 * birth date as exact strings. A query is every whitespace token as an exact ID or birth-date term, OR'ed with the
 * analysed text against the name field — the usual edismax-style setup.
 */
final class KuromojiBaseline implements Closeable {
  private static final String ID = "id";
  private static final String BIRTH = "birth";
  private static final String NAME = "name";

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final QueryBuilder queryBuilder;

  private KuromojiBaseline(Directory directory) throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.queryBuilder = new QueryBuilder(new JapaneseAnalyzer());
  }

  /** Builds (or rebuilds) the baseline index of a storage in {@code indexDir} and opens it. */
  static KuromojiBaseline build(Storage storage, Path indexDir) {
    try (Directory dir = FSDirectory.open(indexDir);
        Analyzer analyzer = new JapaneseAnalyzer();
        IndexWriter writer = new IndexWriter(dir,
            new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(128));
        Stream<StorageFile> files = storage.files()) {
      List<String> skipped = new ArrayList<>();
      files.filter(f -> f.dataType() == StandardDataType.ADT_00 && f.flag() == ConditionFlag.CURRENT)
          .forEach(f -> document(f, skipped).ifPresent(doc -> add(writer, doc)));
      writer.commit();
      if (!skipped.isEmpty()) {
        System.err.printf("kuromoji baseline: %d ADT-00 files not indexed (junk or no PID), e.g. %s%n",
            skipped.size(), skipped.get(0));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the kuromoji baseline index in " + indexDir, e);
    }
    return open(indexDir);
  }

  static KuromojiBaseline open(Path indexDir) {
    try {
      return new KuromojiBaseline(FSDirectory.open(indexDir));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the kuromoji baseline index in " + indexDir, e);
    }
  }

  /** Patient IDs of the top {@code limit} hits, best first. */
  List<String> search(String text, int limit) {
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    for (String token : text.trim().split("[\\s\u3000]+")) {
      if (!token.isEmpty()) {
        q.add(new TermQuery(new Term(ID, token)), Occur.SHOULD);
        q.add(new TermQuery(new Term(BIRTH, token)), Occur.SHOULD);
      }
    }
    Query name = queryBuilder.createBooleanQuery(NAME, text, Occur.SHOULD);
    if (name != null) {
      q.add(name, Occur.SHOULD);
    }
    try {
      List<String> ids = new ArrayList<>(limit);
      for (ScoreDoc sd : searcher.search(q.build(), limit).scoreDocs) {
        ids.add(searcher.storedFields().document(sd.doc).get(ID));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException("kuromoji baseline search failed for '" + text + "'", e);
    }
  }

  int patients() {
    return reader.numDocs();
  }

  /** The patient's document, or empty (with the file and reason added to {@code skipped}) for a junk file. */
  private static Optional<Document> document(StorageFile file, List<String> skipped) {
    Hl7Message message;
    try {
      message = Hl7Message.parse(Hl7Decoder.decode(file.readBytes()).text());
    } catch (RuntimeException e) {
      skipped.add(file + ": " + e.getMessage());
      return Optional.empty();
    }
    Optional<Segment> pid = message.segment("PID");
    if (pid.isEmpty()) {
      skipped.add(file + ": no PID segment");
      return Optional.empty();
    }
    Document doc = new Document();
    doc.add(new StringField(ID, file.patientId().value(), Store.YES));
    doc.add(new StringField(BIRTH, pid.get().value(7), Store.NO));
    Field names = pid.get().field(5);
    for (int rep = 0; rep < names.repetitionCount(); rep++) {
      doc.add(new TextField(NAME, names.component(rep, 1) + " " + names.component(rep, 2), Store.NO));
    }
    return Optional.of(doc);
  }

  private static void add(IndexWriter writer, Document doc) {
    try {
      writer.addDocument(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot add a document to the kuromoji baseline index", e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}

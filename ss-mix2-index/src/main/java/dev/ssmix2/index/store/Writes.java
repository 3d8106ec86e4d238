package dev.ssmix2.index.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * The index writes of one patient's update, kept in order until the run's calling thread applies them.
 *
 * <p>Why: Lucene gives every thread that writes at the same time a segment of its own, and each such segment sorts
 * every delete term issued while it was open and becomes one more segment on disk to look the run's delete terms up
 * in and to merge. An update's writers spend most of their time reading files, so writing from eight worker threads
 * bought nothing but eight segments per run; one writing thread leaves one (benchmarks/README.md, "Quiet machine,
 * end of session 7", the 1 % update). A full build still writes from every worker: there inverting the documents is the work.
 */
final class Writes {
  private interface Op {
    void apply(IndexWriter writer) throws IOException;
  }

  private final List<Op> ops = new ArrayList<>();

  void update(Term key, Document doc) {
    ops.add(w -> w.updateDocument(key, doc));
  }

  void add(Document doc) {
    ops.add(w -> w.addDocument(doc));
  }

  void delete(Term key) {
    ops.add(w -> w.deleteDocuments(key));
  }

  void updateNumeric(Term key, String field, long value) {
    ops.add(w -> w.updateNumericDocValue(key, field, value));
  }

  boolean isEmpty() {
    return ops.isEmpty();
  }

  /** Applies the writes in the order they were made. */
  void applyTo(IndexWriter writer) throws IOException {
    for (Op op : ops) {
      op.apply(writer);
    }
  }
}

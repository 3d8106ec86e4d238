package dev.ssmix2.index.store;

import static dev.ssmix2.index.internal.patient.PatientFields.KIND;
import static dev.ssmix2.index.internal.patient.PatientFields.KIND_FILE;
import static dev.ssmix2.index.internal.patient.PatientFields.PATIENT_REF;
import static dev.ssmix2.index.internal.patient.PatientFields.patientRef;

import dev.ssmix2.core.storage.DataType;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.core.storage.StandardDataType;
import dev.ssmix2.core.summary.ChartWindow;
import dev.ssmix2.core.version.VersionStatus;
import dev.ssmix2.index.internal.patient.FileDocument;
import dev.ssmix2.index.internal.patient.StoredDocuments;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded index's {@link PatientStore#chartRecords}: the window chooses among the patient's current readable
 * records by their doc values (data type, 診療日, 発生日時, content folder; the path only to break ties), and only the
 * chosen records and the newest one have their stored fields read (docs/index-design.md, "Chart window").
 *
 * <p>Why: listing every record of a long-stay patient (stored fields and a file-name parse for each of ~5,000
 * documents) was the largest part of the first chart in a fresh JVM (benchmarks/README.md, "Cold chart of the
 * long-stay patient, session 6"); a chart reads about fifty of them.
 */
final class ChartChooser {
  private ChartChooser() {}

  static ChartRecords choose(IndexSearcher s, String facility, PatientId id, ChartWindow window, LocalDate asOf)
      throws IOException {
    String ref = patientRef(facility, id.value());
    List<Indexed> listed = listed(s, ref);
    Optional<Indexed> newest = ChartWindow.newest(listed);
    ChartWindow.Choice<Indexed> choice = window.choose(listed, asOf);
    List<Indexed> wanted = new ArrayList<>(choice.read());
    newest.ifPresent(wanted::add);
    Map<Integer, RecordEntry> entries = entries(s, wanted);
    List<RecordEntry> read = choice.read().stream().map(e -> entries.get(e.doc())).toList();
    Optional<RecordEntry> newestEntry = newest.map(e -> entries.get(e.doc()));
    return new ChartRecords(read, newestEntry, choice.olderLabsBefore(), choice.olderMedicationsBefore(),
        problems(s, ref));
  }

  /** {@link ChartWindow#labEntriesBefore} over the doc values: the page's records, newest first. */
  static List<RecordEntry> labsBefore(IndexSearcher s, String facility, PatientId id, ChartWindow window,
      LocalDate before) throws IOException {
    return entriesInOrder(s, window.labEntriesBefore(listed(s, patientRef(facility, id.value())), before));
  }

  /** {@link ChartWindow#medicationEntriesBefore} over the doc values: the page's records, newest first. */
  static List<RecordEntry> medicationsBefore(IndexSearcher s, String facility, PatientId id, ChartWindow window,
      LocalDate before, int limit) throws IOException {
    return entriesInOrder(s,
        window.medicationEntriesBefore(listed(s, patientRef(facility, id.value())), before, limit));
  }

  private static List<RecordEntry> entriesInOrder(IndexSearcher s, List<Indexed> chosen) throws IOException {
    Map<Integer, RecordEntry> entries = entries(s, chosen);
    return chosen.stream().map(e -> entries.get(e.doc())).toList();
  }

  /** The patient's current, readable records but the ADT-00, as the window sees them, from doc values. */
  private static List<Indexed> listed(IndexSearcher s, String ref) throws IOException {
    Query current = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(PATIENT_REF, ref)), Occur.FILTER)
        .add(new TermQuery(new Term(KIND, KIND_FILE)), Occur.FILTER)
        .add(new TermQuery(new Term(FileDocument.STATUS, VersionStatus.CURRENT.label())), Occur.FILTER)
        .add(new TermQuery(new Term(FileDocument.UNREADABLE, "1")), Occur.MUST_NOT)
        .build();
    List<Indexed> listed = new ArrayList<>();
    Weight weight = s.createWeight(s.rewrite(current), ScoreMode.COMPLETE_NO_SCORES, 1f);
    for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      SortedDocValues types = DocValues.getSorted(leaf.reader(), FileDocument.TYPE);
      SortedDocValues dates = DocValues.getSorted(leaf.reader(), FileDocument.DATE);
      SortedDocValues paths = DocValues.getSorted(leaf.reader(), FileDocument.PATH);
      NumericDocValues times = DocValues.getNumeric(leaf.reader(), FileDocument.TIME);
      NumericDocValues folders = DocValues.getNumeric(leaf.reader(), FileDocument.CONTENT_FOLDER);
      DataType[] typeOfOrd = new DataType[types.getValueCount()];
      int[] dayOfOrd = new int[dates.getValueCount()]; // 0: not looked up yet (no 診療日 is day 0)
      // a scorer's iterator does not skip deleted documents (the searcher's collectors do): an update replaces a
      // record by deleting its old document
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator docs = scorer.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        if (!types.advanceExact(doc) || !dates.advanceExact(doc) || !paths.advanceExact(doc)
            || !times.advanceExact(doc) || !folders.advanceExact(doc)) {
          throw new IllegalStateException("record document " + doc + " lacks the chart's doc values");
        }
        int typeOrd = types.ordValue();
        DataType type = typeOfOrd[typeOrd];
        if (type == null) {
          type = DataType.of(types.lookupOrd(typeOrd).utf8ToString());
          typeOfOrd[typeOrd] = type;
        }
        // ADT-00 holds the demographics, not a record (FileDocument.records leaves it out too)
        if (type == StandardDataType.ADT_00) {
          continue;
        }
        int dateOrd = dates.ordValue();
        int day = dayOfOrd[dateOrd];
        if (day == 0) {
          day = day(dates, dateOrd);
          dayOfOrd[dateOrd] = day;
        }
        Indexed e = new Indexed(leaf.docBase + doc, type, day, times.longValue(), folders.longValue() == 1, paths,
            paths.ordValue());
        listed.add(e);
      }
    }
    return listed;
  }

  private static int day(SortedDocValues dates, int ord) {
    try {
      return ChartWindow.dayOf(dev.ssmix2.core.storage.CareDate.parse(dates.lookupOrd(ord).utf8ToString()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The record entries of these documents, by doc ID: the stored fields of a few dozen documents. */
  private static Map<Integer, RecordEntry> entries(IndexSearcher s, List<Indexed> chosen) throws IOException {
    int[] sorted = chosen.stream().mapToInt(Indexed::doc).distinct().toArray();
    java.util.Arrays.sort(sorted);
    List<Document> docs = StoredDocuments.read(s, sorted);
    Map<Integer, RecordEntry> out = new HashMap<>();
    for (int i = 0; i < sorted.length; i++) {
      out.put(sorted[i], FileDocument.entry(docs.get(i)));
    }
    return out;
  }

  /** The patient's unreadable files, as {@link FileDocument#records} lists them: every version, by path. */
  private static List<RecordProblem> problems(IndexSearcher s, String ref) throws IOException {
    Query unreadable = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(PATIENT_REF, ref)), Occur.FILTER)
        .add(new TermQuery(new Term(KIND, KIND_FILE)), Occur.FILTER)
        .add(new TermQuery(new Term(FileDocument.UNREADABLE, "1")), Occur.FILTER)
        .build();
    int n = s.count(unreadable);
    if (n == 0) {
      return List.of();
    }
    int[] ids = java.util.Arrays.stream(s.search(unreadable, n).scoreDocs).mapToInt(d -> d.doc).toArray();
    List<RecordProblem> out = new ArrayList<>();
    for (Document d : StoredDocuments.read(s, ids)) {
      FileDocument.problem(d).ifPresent(out::add);
    }
    out.sort(Comparator.comparing(RecordProblem::file));
    return out;
  }

  /** A record as the window sees it, from doc values; its path is looked up only to break a tie. */
  private record Indexed(int doc, DataType dataType, int day, long time, boolean contentFolder,
      SortedDocValues paths, int pathOrd) implements ChartWindow.Entry {
    @Override
    public String relativePath() {
      try {
        BytesRef path = paths.lookupOrd(pathOrd);
        return path.utf8ToString();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}

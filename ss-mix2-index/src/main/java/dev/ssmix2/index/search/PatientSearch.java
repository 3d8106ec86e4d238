package dev.ssmix2.index.search;

import static dev.ssmix2.index.patient.PatientFields.LAST_SEEN;

import com.google.common.base.Preconditions;
import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.patient.IndexedPatient;
import dev.ssmix2.index.patient.PatientDocument;
import dev.ssmix2.index.query.ParsedQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;

/**
 * Runs free-text patient searches against one searcher: plans the query, runs it, retries with fuzzy clauses only
 * when nothing matched, and tags each hit with the tiers it matched. Ties are broken by the newest 診療日, then by
 * patient ID, so equal hits come in a stable order. Thread-safe.
 */
public final class PatientSearch {
  private static final Sort ORDER = new Sort(
      SortField.FIELD_SCORE,
      new SortField(LAST_SEEN, SortField.Type.INT, true),
      new SortField(PatientDocument.PID_SORT, SortField.Type.STRING));

  private final QueryPlanner planner;

  public PatientSearch(ReadingGuesser guesser) {
    this.planner = new QueryPlanner(Preconditions.checkNotNull(guesser, "guesser must not be null"));
  }

  /** The best {@code limit} patients for {@code text}; empty when nothing searchable was typed. */
  public List<PatientHit> search(IndexSearcher searcher, String text, int limit) throws IOException {
    Preconditions.checkNotNull(text, "query text must not be null (use \"\")");
    Preconditions.checkArgument(limit > 0, "limit must be positive, got %s", limit);
    ParsedQuery parsed = ParsedQuery.parse(text);
    QueryPlan plan = planner.plan(parsed, false);
    if (plan.query().isEmpty()) {
      return List.of();
    }
    TopFieldDocs top = searcher.search(plan.query().get(), limit, ORDER, true);
    if (top.scoreDocs.length == 0 && plan.hasNames()) {
      plan = planner.plan(parsed, true);
      top = searcher.search(plan.query().get(), limit, ORDER, true);
    }
    Map<Integer, Set<MatchTag>> tags = tags(searcher, plan.clauses(), top.scoreDocs);
    var stored = searcher.storedFields();
    List<PatientHit> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      IndexedPatient p = PatientDocument.read(stored.document(sd.doc));
      hits.add(new PatientHit(p.id(), p.name(), p.kana(), p.birthDate(), p.sex(), sd.score,
          List.copyOf(tags.getOrDefault(sd.doc, EnumSet.noneOf(MatchTag.class)))));
    }
    return hits;
  }

  /** Which tagged clauses each hit matches: one weight per clause, walked over the hits in doc-id order. */
  private static Map<Integer, Set<MatchTag>> tags(IndexSearcher searcher, List<TaggedClause> clauses,
      ScoreDoc[] hits) throws IOException {
    Map<Integer, Set<MatchTag>> out = new HashMap<>();
    if (hits.length == 0) {
      return out;
    }
    int[] docs = Arrays.stream(hits).mapToInt(h -> h.doc).sorted().toArray();
    for (int d : docs) {
      out.put(d, EnumSet.noneOf(MatchTag.class));
    }
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    for (TaggedClause c : clauses.stream().sorted(Comparator.comparing(TaggedClause::tier)).toList()) {
      Weight w = searcher.createWeight(searcher.rewrite(c.match()), ScoreMode.COMPLETE_NO_SCORES, 1f);
      int leafIndex = -1;
      DocIdSetIterator it = null;
      for (int doc : docs) {
        int li = ReaderUtil.subIndex(doc, leaves);
        LeafReaderContext leaf = leaves.get(li);
        if (li != leafIndex) {
          leafIndex = li;
          Scorer s = w.scorer(leaf);
          it = s == null ? null : s.iterator();
        }
        if (it == null) {
          continue;
        }
        int target = doc - leaf.docBase;
        int at = it.docID() >= target ? it.docID() : it.advance(target);
        if (at == target) {
          out.get(doc).add(c.tier().tag);
        }
      }
    }
    return out;
  }
}

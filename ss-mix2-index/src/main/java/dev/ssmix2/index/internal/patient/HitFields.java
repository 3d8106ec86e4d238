package dev.ssmix2.index.internal.patient;

import static com.google.common.base.Preconditions.checkArgument;
import static dev.ssmix2.index.internal.patient.PatientFields.BIRTH;

import dev.ssmix2.core.record.Sex;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.index.store.Facility;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.BytesRef;

/**
 * What a search hit shows — facility, ID, name, reading, birth date, sex — read from doc values. Stored fields would
 * do, but each hit would then decompress a whole block of documents, and listing twenty hits was an eighth of a
 * search's cost. Name, reading, sex and the facility's name travel in one binary value; ID, facility code and birth
 * date reuse the sort and range fields.
 */
public final class HitFields {
  /** The binary doc-values field holding name, reading, sex and the facility's name. */
  public static final String HIT = "hit";
  private static final char SEPARATOR = '\u001F';

  private HitFields() {}

  private static boolean isAscending(int[] docs) {
    for (int i = 1; i < docs.length; i++) {
      if (docs[i] <= docs[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /** What one hit shows. */
  public record Summary(Facility facility, PatientId id, String name, String kana, Optional<LocalDate> birthDate,
      Sex sex) {}

  static void add(Document doc, String name, String kana, Sex sex, String facilityName) {
    doc.add(new BinaryDocValuesField(HIT, new BytesRef(name + SEPARATOR + kana + SEPARATOR + sex.code() + SEPARATOR
        + facilityName)));
  }

  /**
   * The summaries of {@code docs} (top-level document numbers of patient documents, ascending), or empty when the
   * index predates this field and the caller must read stored fields instead.
   */
  public static Optional<Map<Integer, Summary>> read(IndexReader reader, int[] docs) throws IOException {
    checkArgument(isAscending(docs), "docs must be ascending (doc values only move forward), got %s",
        Arrays.toString(docs));
    List<LeafReaderContext> leaves = reader.leaves();
    Map<Integer, Summary> out = new HashMap<>();
    int leafIndex = -1;
    BinaryDocValues hit = null;
    SortedDocValues pid = null;
    SortedDocValues facility = null;
    NumericDocValues birth = null;
    for (int doc : docs) {
      int li = ReaderUtil.subIndex(doc, leaves);
      LeafReaderContext leaf = leaves.get(li);
      if (li != leafIndex) {
        // doc-values iterators only go forward, so each leaf gets fresh ones and docs are visited in order
        leafIndex = li;
        LeafReader r = leaf.reader();
        hit = r.getBinaryDocValues(HIT);
        pid = r.getSortedDocValues(PatientDocument.PID_SORT);
        birth = r.getNumericDocValues(BIRTH);
        facility = r.getSortedDocValues(PatientFields.FACILITY_SORT);
        if (hit == null || pid == null || facility == null) {
          return Optional.empty();
        }
      }
      int local = doc - leaf.docBase;
      if (!hit.advanceExact(local) || !pid.advanceExact(local) || !facility.advanceExact(local)) {
        return Optional.empty();
      }
      String[] parts = hit.binaryValue().utf8ToString().split(String.valueOf(SEPARATOR), -1);
      if (parts.length != 4) {
        return Optional.empty();
      }
      Optional<LocalDate> born = birth != null && birth.advanceExact(local)
          ? Optional.of(PatientDocument.fromYyyymmdd((int) birth.longValue()))
          : Optional.empty();
      BytesRef id = pid.lookupOrd(pid.ordValue());
      BytesRef code = facility.lookupOrd(facility.ordValue());
      out.put(doc, new Summary(
          new Facility(new String(code.bytes, code.offset, code.length, StandardCharsets.UTF_8), parts[3]),
          PatientId.of(new String(id.bytes, id.offset, id.length, StandardCharsets.UTF_8)),
          parts[0], parts[1], born, Sex.ofCode(parts[2])));
    }
    return Optional.of(out);
  }
}

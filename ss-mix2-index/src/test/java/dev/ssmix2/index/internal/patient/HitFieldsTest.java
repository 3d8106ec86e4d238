package dev.ssmix2.index.internal.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ssmix2.core.record.Sex;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.index.store.Facility;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class HitFieldsTest {

  private static final Facility SENDAI = Facility.of("0412345678", "仙台医療センター");

  private static Document patient(Facility f, String id, String name, String kana, Sex sex, Integer birth) {
    Document doc = new Document();
    doc.add(new SortedDocValuesField(PatientDocument.PID_SORT, new BytesRef(id)));
    doc.add(new SortedDocValuesField(PatientFields.FACILITY_SORT, new BytesRef(f.code())));
    if (birth != null) {
      doc.add(new NumericDocValuesField(PatientFields.BIRTH, birth));
    }
    HitFields.add(doc, name, kana, sex, f.name());
    return doc;
  }

  @Test
  void readsWhatAHitShows() throws Exception {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        w.addDocument(patient(SENDAI, "0000000111", "小川\u3000健太", "オガワ\u3000ケンタ", Sex.MALE, 19750312));
        w.addDocument(patient(Facility.DEFAULT, "0000000222", "𠮷田\u3000花子", "", Sex.FEMALE, null));
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        Map<Integer, HitFields.Summary> m = HitFields.read(r, new int[] {0, 1}).orElseThrow();
        assertThat(m.get(0)).isEqualTo(new HitFields.Summary(SENDAI, PatientId.of("0000000111"), "小川\u3000健太",
            "オガワ\u3000ケンタ", Optional.of(LocalDate.of(1975, 3, 12)), Sex.MALE));
        assertThat(m.get(1)).isEqualTo(new HitFields.Summary(Facility.DEFAULT, PatientId.of("0000000222"),
            "𠮷田\u3000花子", "", Optional.empty(), Sex.FEMALE));
        assertThatThrownBy(() -> HitFields.read(r, new int[] {1, 0})).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("ascending");
      }
    }
  }

  @Test
  void anIndexWithoutTheFieldSaysSoInsteadOfGuessing() throws Exception {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        Document old = new Document();
        old.add(new SortedDocValuesField(PatientDocument.PID_SORT, new BytesRef("0000000111")));
        w.addDocument(old);
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        assertThat(HitFields.read(r, new int[] {0})).isEmpty();
      }
    }
  }
}

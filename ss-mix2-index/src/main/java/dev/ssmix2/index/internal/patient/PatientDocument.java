package dev.ssmix2.index.internal.patient;

import static dev.ssmix2.index.internal.patient.PatientFields.*;

import dev.ssmix2.core.record.Sex;
import dev.ssmix2.core.storage.PatientId;
import dev.ssmix2.index.name.NameFlag;
import dev.ssmix2.index.name.NameKeys;
import dev.ssmix2.index.name.ReadingGuesser;
import dev.ssmix2.index.store.Facility;
import dev.ssmix2.index.store.IndexedPatient;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import java.io.IOException;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a {@link DerivedPatient} into its Lucene document and reads the demographics back. Every name (display name and
 * aliases) is indexed with all its keys; a part whose kanji holds a placeholder (〓田) gets no kanji key, because "田"
 * is not what was registered, but it keeps its reading and grams. A part without a registered reading gets guessed
 * readings (読み推定) in separate fields, dictionary guesses apart from the weaker per-kanji compositions. A kanji
 * surname with a registered reading also gets the other readings a dictionary gives that surname (読み候補), and a name
 * whose kanji holds a placeholder a masked key (〓田) that typed real kanji can match. A name registered in one
 * component is indexed under every way to split it ({@link NameKeys.Builder#buildAll()}).
 */
public final class PatientDocument {
  private PatientDocument() {}

  /** Patient ID as a sortable doc-values field name. */
  public static final String PID_SORT = "pid_sort";

  public static Document build(DerivedPatient derived, ReadingGuesser guesser) {
    IndexedPatient p = derived.patient();
    Document doc = new Document();
    doc.add(new StringField(KIND, KIND_PATIENT, Field.Store.NO));
    String ref = patientRef(p.facility().code(), p.id().value());
    doc.add(new StringField(PID, p.id().value(), Field.Store.YES));
    doc.add(new StringField(FACILITY, p.facility().code(), Field.Store.YES));
    doc.add(new SortedDocValuesField(FACILITY_SORT, new BytesRef(p.facility().code())));
    doc.add(new StoredField(FACILITY_NAME, p.facility().name()));
    doc.add(new StringField(PATIENT_REF, ref, Field.Store.NO));
    doc.add(new StringField(PATIENT_KEY, ref, Field.Store.NO));
    doc.add(new SortedDocValuesField(PID_SORT, new BytesRef(p.id().value())));
    doc.add(new StringField(PID_NORM, normalizeId(p.id().value()), Field.Store.NO));
    p.birthDate().ifPresent(b -> {
      int ymd = yyyymmdd(b);
      doc.add(new IntPoint(BIRTH, ymd));
      doc.add(new StoredField(BIRTH, ymd));
      doc.add(new NumericDocValuesField(BIRTH, ymd));
    });
    doc.add(new StringField(SEX, p.sex().code(), Field.Store.YES));
    doc.add(new NumericDocValuesField(LAST_SEEN, lastSeenValue(p.lastSeen())));
    doc.add(new StoredField(NAME, p.name()));
    doc.add(new StoredField(KANA, p.kana()));
    HitFields.add(doc, p.name(), p.kana(), p.sex(), p.facility().name());
    p.formerNames().forEach(n -> doc.add(new StoredField(FORMER_NAME, n)));
    doc.add(new StoredField(FROM_ADT00, p.fromAdt00() ? 1 : 0));
    doc.add(new NumericDocValuesField(FROM_ADT00, p.fromAdt00() ? 1 : 0)); // read by updates without stored fields

    Set<String> seen = new HashSet<>();
    Set<NameFlag> flags = new HashSet<>();
    for (RegisteredName name : derived.names()) {
      for (NameKeys layout : name.allKeys()) {
        flags.addAll(layout.flags());
        for (NamePart part : NamePart.values()) {
          addPart(doc, seen, part, part.of(layout), guesser);
        }
      }
    }
    flags.forEach(f -> doc.add(new StringField(FLAGS, f.name(), Field.Store.NO)));
    return doc;
  }

  private static void addPart(Document doc, Set<String> seen, NamePart part, NameKeys.Part k,
      ReadingGuesser guesser) {
    if (k.hasKanji() && !k.kanjiHasPlaceholder()) {
      keyword(doc, seen, kanjiExact(part), k.kanjiExact());
      keyword(doc, seen, kanjiStrict(part), k.kanjiStrict());
      keyword(doc, seen, kanjiLoose(part), k.kanjiLoose());
    }
    if (k.kanjiHasPlaceholder()) {
      keyword(doc, seen, kanjiMasked(part), NameKeys.kanjiMasked(k.kanjiRaw()));
    }
    if (k.hasKanji()) {
      text(doc, seen, KANJI_GRAM, k.kanjiStrict());
    }
    if (part == NamePart.FAMILY && k.hasKanji() && k.hasKana() && !k.kanjiHasPlaceholder()) {
      for (String reading : guesser.surnameReadings(k.kanjiRaw())) {
        String loose = NameKeys.kanaLoose(reading);
        if (!loose.equals(k.kanaLoose())) {
          keyword(doc, seen, KANA_FAMILY_CANDIDATE, loose);
        }
      }
    }
    if (k.hasKana()) {
      keyword(doc, seen, kanaExact(part), k.kanaExact());
      keyword(doc, seen, kanaLoose(part), k.kanaLoose());
      text(doc, seen, kanaPrefix(part), k.kanaLoose());
      text(doc, seen, kanaPrefix(part), k.kanaExact());
    }
    for (String roma : k.romajiKeys()) {
      keyword(doc, seen, romaji(part), roma);
      text(doc, seen, romajiPrefix(part), roma);
    }
    if (k.hasKanji() && !k.hasKana()) {
      for (String reading : guesser.guess(k.kanjiRaw())) {
        keyword(doc, seen, guessExact(part), NameKeys.kanaExact(reading));
        keyword(doc, seen, guessLoose(part), NameKeys.kanaLoose(reading));
        keyword(doc, seen, guessRomaji(part), NameKeys.romajiKey(reading));
      }
      for (String reading : guesser.compose(k.kanjiRaw())) {
        keyword(doc, seen, guessComposed(part), NameKeys.kanaLoose(reading));
      }
    }
  }

  private static void keyword(Document doc, Set<String> seen, String field, String value) {
    String v = bounded(value);
    if (!v.isEmpty() && seen.add(field + '\u0000' + v)) {
      doc.add(new StringField(field, v, Field.Store.NO));
    }
  }

  /**
   * Analyzed name keys (grams, prefixes): documents only, no frequencies, positions or norms. Searches score by
   * {@code BooleanSimilarity} and never ask for positions (the Solr configset declares these fields the same way),
   * and norms of a field only patient documents have are sparse among the record documents, which made writing the
   * postings of every term cost a scan of the segment's norms (measured: a tenth of a full build).
   */
  private static final FieldType KEYS = keys();

  private static FieldType keys() {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setIndexOptions(IndexOptions.DOCS);
    t.setOmitNorms(true);
    t.freeze();
    return t;
  }

  private static void text(Document doc, Set<String> seen, String field, String value) {
    String v = bounded(value);
    if (!v.isEmpty() && seen.add(field + '\u0000' + v)) {
      doc.add(new Field(field, v, KEYS));
    }
  }

  /**
   * The longest term any field gets, in code points (at most 4 UTF-8 bytes each, far below Lucene's 32,766-byte
   * limit). Names are already cut to {@link RegisteredName#MAX_PART_CODE_POINTS}; keys derived from them (romaji,
   * joined parts) may be longer, and no key may make a document unindexable.
   */
  static final int MAX_TERM_CODE_POINTS = 512;

  private static String bounded(String value) {
    if (value.length() <= MAX_TERM_CODE_POINTS || value.codePointCount(0, value.length()) <= MAX_TERM_CODE_POINTS) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, MAX_TERM_CODE_POINTS));
  }

  /** The {@link PatientFields#LAST_SEEN} doc value of a newest 診療日: yyyymmdd, or 0 when there is none. */
  public static long lastSeenValue(Optional<LocalDate> lastSeen) {
    return lastSeen.map(PatientDocument::yyyymmdd).orElse(0);
  }

  /**
   * The demographics of a patient document: stored fields from {@code doc}, the newest 診療日 from the doc value of
   * document {@code docId} of {@code reader} (an update may have changed it in place).
   */
  public static IndexedPatient read(IndexReader reader, int docId, Document doc) throws IOException {
    IndexedPatient p = read(doc);
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docId, leaves));
    NumericDocValues values = leaf.reader().getNumericDocValues(LAST_SEEN);
    Optional<LocalDate> lastSeen = values != null && values.advanceExact(docId - leaf.docBase)
        && values.longValue() > 0 ? Optional.of(fromYyyymmdd((int) values.longValue())) : Optional.empty();
    return new IndexedPatient(p.facility(), p.id(), p.name(), p.kana(), p.birthDate(), p.sex(), p.formerNames(),
        p.fromAdt00(), lastSeen);
  }

  /** The stored demographics of a patient document; the newest 診療日 is a doc value, not read here. */
  public static IndexedPatient read(Document doc) {
    IndexableField birth = doc.getField(BIRTH);
    IndexableField adt = doc.getField(FROM_ADT00);
    return new IndexedPatient(
        facility(doc),
        PatientId.of(doc.get(PID)),
        Optional.ofNullable(doc.get(NAME)).orElse(""),
        Optional.ofNullable(doc.get(KANA)).orElse(""),
        Optional.ofNullable(birth).map(f -> fromYyyymmdd(f.numericValue().intValue())),
        Sex.ofCode(doc.get(SEX)),
        List.of(doc.getValues(FORMER_NAME)),
        adt != null && adt.numericValue().intValue() == 1,
        Optional.empty());
  }

  /** The facility a patient or record document belongs to, from its stored code and name. */
  public static Facility facility(Document doc) {
    String code = doc.get(FACILITY);
    if (code == null) {
      throw new IllegalStateException("document has no facility: the index predates facilities");
    }
    return new Facility(code, Optional.ofNullable(doc.get(FACILITY_NAME)).orElse(""));
  }

  /** Upper case, hyphens removed, leading zeros stripped; the same rule for stored IDs and typed ones. */
  public static String normalizeId(String id) {
    String s = id.replace("-", "").toUpperCase(Locale.ROOT);
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  public static int yyyymmdd(LocalDate d) {
    return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }

  static LocalDate fromYyyymmdd(int ymd) {
    // Arithmetic, not format-and-parse: this runs for every hit of every search.
    return LocalDate.of(ymd / 10000, ymd / 100 % 100, ymd % 100);
  }
}

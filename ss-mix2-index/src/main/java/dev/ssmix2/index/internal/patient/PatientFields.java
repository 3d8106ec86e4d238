package dev.ssmix2.index.internal.patient;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;

/**
 * Field names of the patient documents (docs/index-design.md, "Fields") and the only analyzers they need. Every key
 * is computed by {@code NameKeys} before indexing; analyzers only cut keys into prefixes (edge n-grams) or kanji
 * 1–2-grams, which Elasticsearch and Solr offer identically.
 */
public final class PatientFields {
  private PatientFields() {}

  /** Document kind: {@link #KIND_PATIENT} or {@link #KIND_FILE}. */
  public static final String KIND = "kind";
  public static final String KIND_PATIENT = "patient";
  public static final String KIND_FILE = "file";

  /** Patient ID exactly as in the storage path; on every document of the patient, so one term deletes them all. */
  public static final String PID = "pid";
  /**
   * Facility code (医療機関コード, or {@code default}) on every document, for the facility filter and for scoping an
   * update to one facility.
   */
  public static final String FACILITY = "facility";
  /**
   * The facility code as a sorted doc value of patient documents (what a hit shows, the last tie-break). A field of
   * its own: Lucene wants a field's doc values on every document that has it, and record documents have none.
   */
  public static final String FACILITY_SORT = "facility_sort";
  /** The facility's display name, stored on patient and record documents (docs/index-design.md, "Facilities"). */
  public static final String FACILITY_NAME = "facility_name";
  /**
   * Facility and patient ID ({@link #patientRef}) on every document of the patient: patient identity is (facility,
   * patient ID), so one term deletes or finds all of one facility's patient and no other's.
   */
  public static final String PATIENT_REF = "patient_ref";

  /** The {@link #PATIENT_REF} of a patient: {@code CODE/ID} (a facility code holds no '/'). */
  public static String patientRef(String facility, String pid) {
    return facility + '/' + pid;
  }

  /** Upper case, hyphens removed, leading zeros stripped (0000123456 → 123456). */
  public static final String PID_NORM = "pid_norm";
  /** yyyymmdd as IntPoint, stored and doc values. */
  public static final String BIRTH = "birth";
  /** M / F / O / U. */
  public static final String SEX = "sex";
  /**
   * Newest 診療日 as yyyymmdd doc values (0 when none), for tie-breaking and {@code IndexedPatient.lastSeen}. Only a
   * doc value, so that an update that adds records to a patient changes it in place instead of re-deriving the
   * patient.
   */
  public static final String LAST_SEEN = "last_seen";
  /** NameKeys flags of any of the patient's names. */
  public static final String FLAGS = "flags";
  /** Kanji 1- and 2-grams of the strict-folded kanji name (each part, and the whole). */
  public static final String KANJI_GRAM = "kanji_gram";

  // stored-only display values
  public static final String NAME = "name";
  public static final String KANA = "kana";
  public static final String FORMER_NAME = "former_name";
  public static final String FROM_ADT00 = "from_adt00";
  /**
   * {@link #patientRef} on the patient document only: the key an update replaces the document by, or changes its
   * {@link #LAST_SEEN} doc value by, without touching the patient's record documents.
   */
  public static final String PATIENT_KEY = "patient_of";

  private static final int MAX_PREFIX = 24;

  public static String kanjiExact(NamePart p) {
    return "kanji_" + p.id() + "_exact";
  }

  public static String kanjiStrict(NamePart p) {
    return "kanji_" + p.id() + "_strict";
  }

  public static String kanjiLoose(NamePart p) {
    return "kanji_" + p.id() + "_loose";
  }

  public static String kanaExact(NamePart p) {
    return "kana_" + p.id() + "_exact";
  }

  public static String kanaLoose(NamePart p) {
    return "kana_" + p.id() + "_loose";
  }

  /** Edge n-grams of the loose reading, for as-you-type. */
  public static String kanaPrefix(NamePart p) {
    return "kana_" + p.id() + "_prefix";
  }

  public static String romaji(NamePart p) {
    return "roma_" + p.id();
  }

  /** Edge n-grams of the romaji keys. */
  public static String romajiPrefix(NamePart p) {
    return "roma_" + p.id() + "_prefix";
  }

  /** Guessed reading (読み推定), only when no reading was registered. */
  public static String guessExact(NamePart p) {
    return "guess_" + p.id() + "_exact";
  }

  public static String guessLoose(NamePart p) {
    return "guess_" + p.id() + "_loose";
  }

  public static String guessRomaji(NamePart p) {
    return "guess_" + p.id() + "_roma";
  }

  /** Loose keys of readings composed per kanji (翔真 → ショウマ), only when no dictionary knows the part: weaker guesses. */
  public static String guessComposed(NamePart p) {
    return "guess_" + p.id() + "_composed";
  }

  /**
   * Loose keys of the other readings a dictionary gives the registered kanji surname (河野 registered コウノ →
   * カワノ), for clerks who type the reading they heard; never the registered reading itself.
   */
  public static final String KANA_FAMILY_CANDIDATE = "kana_family_cand";

  /** Strict kanji key with each placeholder kept as 〓 (■橋 → 〓橋), only for names whose source lost a character. */
  public static String kanjiMasked(NamePart p) {
    return "kanji_" + p.id() + "_masked";
  }

  /** The analyzer for every field: keyword by default, edge n-grams for prefix fields, 1–2-grams for kanji. */
  public static Analyzer analyzer() {
    Analyzer edge = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        KeywordTokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, new EdgeNGramTokenFilter(source, 1, MAX_PREFIX, false));
      }
    };
    Analyzer grams = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        KeywordTokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, new NGramTokenFilter(source, 1, 2, false));
      }
    };
    Map<String, Analyzer> perField = new java.util.HashMap<>();
    for (NamePart p : NamePart.values()) {
      perField.put(kanaPrefix(p), edge);
      perField.put(romajiPrefix(p), edge);
    }
    perField.put(KANJI_GRAM, grams);
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
  }

  /** The longest prefix the prefix fields hold, in code points. */
  public static int maxPrefixLength() {
    return MAX_PREFIX;
  }
}

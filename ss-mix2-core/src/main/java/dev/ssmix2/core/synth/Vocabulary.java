package dev.ssmix2.core.synth;

import java.util.List;
import java.util.SplittableRandom;

/** Clinical vocabularies (drugs, injections, lab tests, diagnoses, allergens, imaging) loaded from the resources. */
final class Vocabulary {
  record Drug(String code, String name, String route, String dose, String unitCode, String unitName, int usage) {}

  record Injection(String code, String name, String component, String amount, String unitCode, String unitName) {}

  /** {@code sex} is M or F for a test only ordered for that sex (PSA), '-' for everyone. */
  record LabTest(String code, String name, String unit, double low, double high, int decimals, double abnormalRate,
      String group, char sex) {

    boolean appliesTo(char patientSex) {
      return sex == '-' || sex == patientSex;
    }
  }

  record Diagnosis(String code, String name, String icd10) {}

  record Allergen(String type, String code, String text, String reaction) {}

  record Exam(String dataType, String code, String name) {}

  record Usage(String code, String text, int timesPerDay) {}

  /** JAMI prescription usage (用法) codes by the usage key of drugs.tsv; 16 digits shaped like JAMISDP01. */
  static final List<Usage> USAGES = List.of(
      new Usage("", "", 1),
      new Usage("1013040400000000", "内服・経口・１日１回朝食後", 1),
      new Usage("1012040400000000", "内服・経口・１日２回朝夕食後", 2),
      new Usage("1013044400000000", "内服・経口・１日３回朝昼夕食後", 3),
      new Usage("1011000400000000", "内服・経口・１日１回夕食後", 1),
      new Usage("1011000000100000", "内服・経口・１日１回就寝前", 1),
      new Usage("1013042400000000", "内服・経口・１日３回朝昼夕食前", 3),
      new Usage("1070000000000000", "内服・経口・週１回起床時", 1),
      new Usage("2B74000000000000", "外用・適宜・患部に", 1));

  static final String[] GROUP_NAMES = {"", "血液学的検査", "生化学的検査", "免疫学的検査", "尿検査"};

  private static final Vocabulary INSTANCE = new Vocabulary();

  final List<Drug> drugs = Tsv.read("drugs.tsv", 7).stream()
      .map(r -> new Drug(r[0], r[1], r[2], r[3], r[4], r[5], Integer.parseInt(r[6]))).toList();
  final List<Injection> injections = Tsv.read("injections.tsv", 6).stream()
      .map(r -> new Injection(r[0], r[1], r[2], r[3], r[4], r[5])).toList();
  final List<LabTest> labs = Tsv.read("lab-tests.tsv", 9).stream()
      .map(r -> new LabTest(r[0], r[1], r[2], Double.parseDouble(r[3]), Double.parseDouble(r[4]),
          Integer.parseInt(r[5]), Double.parseDouble(r[6]), r[7], r[8].charAt(0))).toList();
  final List<Diagnosis> diagnoses = Tsv.read("diagnoses.tsv", 3).stream()
      .map(r -> new Diagnosis(r[0], r[1], r[2])).toList();
  final List<Allergen> allergens = Tsv.read("allergens.tsv", 4).stream()
      .map(r -> new Allergen(r[0], r[1], r[2], r[3])).toList();
  final List<Exam> exams = Tsv.read("imaging.tsv", 3).stream().map(r -> new Exam(r[0], r[1], r[2])).toList();

  private Vocabulary() {}

  static Vocabulary get() {
    return INSTANCE;
  }

  static <T> T pick(List<T> list, SplittableRandom rng) {
    return list.get(rng.nextInt(list.size()));
  }
}

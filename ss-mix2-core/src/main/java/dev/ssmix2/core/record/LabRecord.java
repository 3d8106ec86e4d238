package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/** OML-01 検体検査オーダ or OML-11 検体検査結果: one row per OBX, with its specimen and order. */
public record LabRecord(RecordSource source, boolean isResult, List<Test> tests) implements ClinicalRecord {

  public LabRecord {
    checkNotNull(source, "source must not be null");
    checkNotNull(tests, "tests must not be null");
    tests = List.copyOf(tests);
  }

  /**
   * One OBX row.
   *
   * @param specimen SPM-4 of its specimen group, e.g. {@code 023^血清^JC10}
   * @param battery OBR-4 of its order, e.g. {@code E001^血液学的検査^99O03}
   * @param test OBX-3, normally a 17-character JLAC10 code ({@code JC10})
   * @param valueType OBX-2 (NM, ST, CWE, SN …), "" for orders
   * @param value OBX-5 as a person reads it ("" for orders); when {@code ambiguity} is present, the raw text of the
   *     whole field, never a part of it
   * @param unit OBX-6, every part kept
   * @param referenceRange OBX-7 as sent (the whole field, unescaped; raw if it has components)
   * @param abnormalFlag OBX-8 (H, L …)
   * @param observed OBX-14, else SPM-17 of the specimen
   * @param status OBX-11 (F final, O order …)
   * @param subId OBX-4 observation sub-ID, "" if none: rows sharing a sub-ID belong together (in a culture result,
   *     the organism and its counts)
   * @param comments the NTE-3 comments that follow this OBX, in order
   * @param ambiguity present when OBX-5 cannot be read unambiguously as its declared type; show {@code value} (the
   *     raw text) with {@link AmbiguousValue#MARK}
   */
  public record Test(Coded specimen, Coded battery, Coded test, String valueType, String value, Coded unit,
      String referenceRange, String abnormalFlag, Optional<Hl7Timestamp> observed, String status, String subId,
      List<String> comments, Optional<AmbiguousValue> ambiguity) {
    public Test {
      checkNotNull(specimen, "specimen must not be null");
      checkNotNull(battery, "battery must not be null");
      checkNotNull(test, "test must not be null");
      checkNotNull(valueType, "valueType must not be null");
      checkNotNull(value, "value must not be null");
      checkNotNull(unit, "unit must not be null");
      checkNotNull(referenceRange, "referenceRange must not be null");
      checkNotNull(abnormalFlag, "abnormalFlag must not be null");
      checkNotNull(observed, "observed must not be null");
      checkNotNull(status, "status must not be null");
      checkNotNull(subId, "subId must not be null");
      checkNotNull(comments, "comments must not be null");
      checkNotNull(ambiguity, "ambiguity must not be null");
      comments = List.copyOf(comments);
    }

    /** A row without sub-ID, comments or ambiguity. */
    public Test(Coded specimen, Coded battery, Coded test, String valueType, String value, Coded unit,
        String referenceRange, String abnormalFlag, Optional<Hl7Timestamp> observed, String status) {
      this(specimen, battery, test, valueType, value, unit, referenceRange, abnormalFlag, observed, status, "",
          List.of(), Optional.empty());
    }

    /** The value as it should be shown: the raw text with {@link AmbiguousValue#MARK} when ambiguous. */
    public String displayValue() {
      return ambiguity.map(AmbiguousValue::marked).orElse(value);
    }

    /** The JLAC10 code of OBX-3, in the primary or the alternate triplet. */
    public Optional<String> jlac10() {
      return test.codeIn("JC10");
    }
  }

  /**
   * The rows grouped by OBX-4 sub-ID, in order of first appearance: rows sharing a sub-ID belong together (in a
   * culture result, the organism and its counts and sensitivities); each row without a sub-ID is a group of its own.
   */
  public List<List<Test>> subIdGroups() {
    java.util.Map<String, List<Test>> groups = new java.util.LinkedHashMap<>();
    int alone = 0;
    for (Test t : tests) {
      String key = t.subId().isBlank() ? "\u0000" + alone++ : t.specimen().code() + "\u0001" + t.subId();
      groups.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(t);
    }
    return groups.values().stream().map(List::copyOf).toList();
  }

  @Override
  public String summary() {
    if (!isResult) {
      return Summaries.line(source, "検査オーダ", Summaries.list(tests.stream().map(t -> t.test().display()).toList()));
    }
    return Summaries.line(source, "検査", Summaries.list(tests.stream().map(LabRecord::describe).toList()));
  }

  private static String describe(Test t) {
    String unit = t.unit().code().isEmpty() ? t.unit().text() : t.unit().code();
    return Summaries.words(t.test().display(), t.displayValue(), unit,
        t.referenceRange().isBlank() ? "" : "(" + t.referenceRange() + ")", t.abnormalFlag());
  }
}

package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Optional;

/** OML-01 検体検査オーダ or OML-11 検体検査結果: one row per OBX, with its specimen and order. */
public record LabRecord(RecordSource source, boolean isResult, List<Test> tests) implements ClinicalRecord {

  public LabRecord {
    checkArgument(source != null && tests != null, "lab record fields must not be null");
    tests = List.copyOf(tests);
  }

  /**
   * One OBX row.
   *
   * @param specimen SPM-4 of its specimen group, e.g. {@code 023^血清^JC10}
   * @param battery OBR-4 of its order, e.g. {@code E001^血液学的検査^99O03}
   * @param test OBX-3, normally a 17-character JLAC10 code ({@code JC10})
   * @param valueType OBX-2 (NM, ST, CWE, SN …), "" for orders
   * @param value OBX-5 as written ("" for orders)
   * @param unit OBX-6
   * @param referenceRange OBX-7
   * @param abnormalFlag OBX-8 (H, L …)
   * @param observed OBX-14, else SPM-17 of the specimen
   * @param status OBX-11 (F final, O order …)
   */
  public record Test(Coded specimen, Coded battery, Coded test, String valueType, String value, Coded unit,
      String referenceRange, String abnormalFlag, Optional<Hl7Timestamp> observed, String status) {
    public Test {
      checkArgument(specimen != null && battery != null && test != null && valueType != null && value != null
          && unit != null && referenceRange != null && abnormalFlag != null && observed != null && status != null,
          "lab test fields must not be null");
    }

    /** The JLAC10 code of OBX-3, in the primary or the alternate triplet. */
    public Optional<String> jlac10() {
      return test.codeIn("JC10");
    }
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
    return Summaries.words(t.test().display(), t.value(), unit,
        t.referenceRange().isBlank() ? "" : "(" + t.referenceRange() + ")", t.abnormalFlag());
  }
}

package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.ssmix2.core.storage.DataType;
import dev.ssmix2.core.storage.StandardDataType;
import java.util.List;
import java.util.Optional;

/**
 * OMG-01/02/03 orders and OMG-11/12/13 results of imaging (放射線), endoscopy (内視鏡) and physiology (生理) exams.
 * The modality comes from the folder: the messages are the same (OMG^O19, OMI^Z23, ORU^R01).
 */
public record ExamRecord(RecordSource source, Modality modality, boolean isResult, List<Procedure> procedures,
    List<Observation> observations) implements ClinicalRecord {

  /** The exam family, by folder. */
  public enum Modality {
    RADIOLOGY("放射線", StandardDataType.OMG_01, StandardDataType.OMG_11),
    ENDOSCOPY("内視鏡", StandardDataType.OMG_02, StandardDataType.OMG_12),
    PHYSIOLOGY("生理", StandardDataType.OMG_03, StandardDataType.OMG_13);

    private final String japanese;
    private final StandardDataType order;
    private final StandardDataType result;

    Modality(String japanese, StandardDataType order, StandardDataType result) {
      this.japanese = japanese;
      this.order = order;
      this.result = result;
    }

    public String japanese() {
      return japanese;
    }

    /** The modality of an OMG folder, if it is one. */
    public static Optional<Modality> of(DataType type) {
      for (Modality m : values()) {
        if (m.order == type || m.result == type) {
          return Optional.of(m);
        }
      }
      return Optional.empty();
    }

    /** Whether the folder holds results (OMG-11/12/13) rather than orders. */
    public static boolean isResult(DataType type) {
      for (Modality m : values()) {
        if (m.result == type) {
          return true;
        }
      }
      return false;
    }
  }

  public ExamRecord {
    checkNotNull(source, "source must not be null");
    checkNotNull(modality, "modality must not be null");
    checkNotNull(procedures, "procedures must not be null");
    checkNotNull(observations, "observations must not be null");
    procedures = List.copyOf(procedures);
    observations = List.copyOf(observations);
  }

  /**
   * One ORC/OBR pair.
   *
   * @param orderControl ORC-1 (NW, PA parent, CH child, SC …), "" when there is no ORC (ORU^R01)
   * @param placerOrderNo ORC-2, else OBR-2
   * @param parentOrderNo ORC-8 / OBR-29 parent link, "" if none
   * @param procedure OBR-4 (JJ1017, LENDO, JC10 …)
   * @param performed OBR-7, for results
   */
  public record Procedure(String orderControl, String placerOrderNo, String parentOrderNo, Coded procedure,
      Optional<Hl7Timestamp> performed) {
    public Procedure {
      checkNotNull(orderControl, "orderControl must not be null");
      checkNotNull(placerOrderNo, "placerOrderNo must not be null");
      checkNotNull(parentOrderNo, "parentOrderNo must not be null");
      checkNotNull(procedure, "procedure must not be null");
      checkNotNull(performed, "performed must not be null");
    }
  }

  /**
   * One OBX.
   *
   * @param placerOrderNo the procedure it belongs to
   * @param valueType OBX-2
   * @param item OBX-3
   * @param value OBX-5 as written (components kept with {@code ^}); the raw text when {@code ambiguity} is present
   * @param unit OBX-6 code or text
   * @param subId OBX-4 sub-ID, "" if none (rows sharing one belong together)
   * @param comments the NTE-3 comments that follow this OBX
   * @param ambiguity present when OBX-5 does not fit its declared type (OBX-2); show the raw value marked
   */
  public record Observation(String placerOrderNo, String valueType, Coded item, String value, String unit,
      String subId, List<String> comments, Optional<AmbiguousValue> ambiguity) {
    public Observation {
      checkNotNull(placerOrderNo, "placerOrderNo must not be null");
      checkNotNull(valueType, "valueType must not be null");
      checkNotNull(item, "item must not be null");
      checkNotNull(value, "value must not be null");
      checkNotNull(unit, "unit must not be null");
      checkNotNull(subId, "subId must not be null");
      checkNotNull(comments, "comments must not be null");
      checkNotNull(ambiguity, "ambiguity must not be null");
      comments = List.copyOf(comments);
    }

    /** An observation without sub-ID, comments or ambiguity. */
    public Observation(String placerOrderNo, String valueType, Coded item, String value, String unit) {
      this(placerOrderNo, valueType, item, value, unit, "", List.of(), Optional.empty());
    }

    /** The value as it should be shown: the raw text with {@link AmbiguousValue#MARK} when ambiguous. */
    public String displayValue() {
      return ambiguity.map(AmbiguousValue::marked).orElse(value);
    }
  }

  /**
   * The procedures a person should read: the children ({@code CH}) when the order is split into children, else the
   * others; parents ({@code PA}) and the NW header that repeat the children's parent are left out.
   */
  public List<Procedure> mainProcedures() {
    List<Procedure> children = procedures.stream().filter(p -> p.orderControl().equals("CH")).toList();
    if (!children.isEmpty()) {
      return children;
    }
    List<Procedure> rest = procedures.stream().filter(p -> !p.orderControl().equals("PA")).toList();
    return rest.isEmpty() ? procedures : rest;
  }

  @Override
  public String summary() {
    String label = modality.japanese() + (isResult ? "検査結果" : "検査オーダ");
    String procs = Summaries.list(mainProcedures().stream().map(p -> p.procedure().display()).distinct().toList());
    String findings = isResult ? Summaries.list(observations.stream()
        .filter(o -> o.valueType().equals("TX") || o.valueType().equals("ST") || o.valueType().equals("FT"))
        .map(Observation::displayValue).toList()) : "";
    return Summaries.line(source, label, Summaries.words(procs, findings));
  }
}

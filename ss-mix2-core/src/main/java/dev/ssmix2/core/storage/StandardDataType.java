package dev.ssmix2.core.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The 26 data-type folders of the standard storage (標準化ストレージ), with the HL7 events each one holds.
 *
 * <p>An event and its cancel share one folder, so the folder alone does not tell a cancel apart: look at MSH-9.
 */
public enum StandardDataType implements DataType {
  ADT_00("ADT-00", "患者基本情報の更新／削除", "patient demographics update / delete", false, "ADT^A08", "ADT^A23"),
  ADT_01("ADT-01", "担当医の変更／取消", "attending doctor change / cancel", false, "ADT^A54", "ADT^A55"),
  ADT_12("ADT-12", "外来診察の受付", "outpatient visit registration", true, "ADT^A04", null),
  ADT_21("ADT-21", "入院予定／取消", "admission planned / cancel", true, "ADT^A14", "ADT^A27"),
  ADT_22("ADT-22", "入院実施／取消", "admission / cancel", true, "ADT^A01", "ADT^A11"),
  ADT_31("ADT-31", "外出泊実施／取消", "leave of absence / cancel", true, "ADT^A21", "ADT^A52"),
  ADT_32("ADT-32", "外出泊帰院実施／取消", "return from leave / cancel", true, "ADT^A22", "ADT^A53"),
  ADT_41("ADT-41", "転科・転棟予定／取消", "transfer planned / cancel", true, "ADT^A15", "ADT^A26"),
  ADT_42("ADT-42", "転科・転棟実施／取消", "transfer / cancel", true, "ADT^A02", "ADT^A12"),
  ADT_51("ADT-51", "退院予定／取消", "discharge planned / cancel", true, "ADT^A16", "ADT^A25"),
  ADT_52("ADT-52", "退院実施／取消", "discharge / cancel", true, "ADT^A03", "ADT^A13"),
  ADT_61("ADT-61", "アレルギー情報の登録／更新", "allergy register / update", false, "ADT^A60", null),
  PPR_01("PPR-01", "病名（歴）情報の登録／更新", "problem (diagnosis) list", false, "PPR^ZD1", null),
  OMD("OMD", "食事オーダ", "diet order", true, "OMD^O03", null),
  OMP_01("OMP-01", "処方オーダ", "prescription order", true, "RDE^O11", null),
  OMP_11("OMP-11", "処方実施通知", "prescription administration", true, "RAS^O17", null),
  OMP_02("OMP-02", "注射オーダ", "injection order", true, "RDE^O11", null),
  OMP_12("OMP-12", "注射実施通知", "injection administration", true, "RAS^O17", null),
  OML_01("OML-01", "検体検査オーダ", "specimen lab order", true, "OML^O33", null),
  OML_11("OML-11", "検体検査結果通知", "specimen lab result", true, "OUL^R22", null),
  OMG_01("OMG-01", "放射線検査オーダ", "radiology order", true, "OMG^O19", null),
  OMG_11("OMG-11", "放射線検査の実施通知", "radiology performed", true, "OMI^Z23", null),
  OMG_02("OMG-02", "内視鏡検査オーダ", "endoscopy order", true, "OMG^O19", null),
  OMG_12("OMG-12", "内視鏡検査の実施通知", "endoscopy performed", true, "OMI^Z23", null),
  OMG_03("OMG-03", "生理検査オーダ", "physiological exam order", true, "OMG^O19", null),
  OMG_13("OMG-13", "生理検査結果通知", "physiological exam result", true, "ORU^R01", null);

  private static final Map<String, StandardDataType> BY_CODE =
      Stream.of(values()).collect(Collectors.toUnmodifiableMap(StandardDataType::code, Function.identity()));

  private final String code;
  private final String japaneseName;
  private final String englishName;
  private final boolean dated;
  private final String event;
  private final String cancelEvent;

  StandardDataType(String code, String japaneseName, String englishName, boolean dated, String event,
      String cancelEvent) {
    this.code = code;
    this.japaneseName = japaneseName;
    this.englishName = englishName;
    this.dated = dated;
    this.event = event;
    this.cancelEvent = cancelEvent;
  }

  @Override
  public String code() {
    return code;
  }

  public String japaneseName() {
    return japaneseName;
  }

  public String englishName() {
    return englishName;
  }

  /** Whether files of this type live under a 診療日 folder; {@code false} means the {@code -} folder. */
  public boolean isDated() {
    return dated;
  }

  /** The HL7 event ({@code code^trigger}) this folder holds, e.g. {@code RDE^O11}. */
  public String event() {
    return event;
  }

  /** The cancel event sharing this folder, e.g. {@code ADT^A11} for ADT-22. */
  public Optional<String> cancelEvent() {
    return Optional.ofNullable(cancelEvent);
  }

  /** Events this folder may hold: the event and, if any, its cancel. */
  public List<String> events() {
    return cancelEvent == null ? List.of(event) : List.of(event, cancelEvent);
  }

  /** Whether {@code code^trigger} (MSH-9.1^MSH-9.2) belongs in this folder. */
  public boolean accepts(String messageCode, String trigger) {
    String e = messageCode + "^" + trigger;
    return e.equals(event) || e.equals(cancelEvent);
  }

  /** Whether {@code code^trigger} is this folder's cancel event. */
  public boolean isCancel(String messageCode, String trigger) {
    return cancelEvent != null && cancelEvent.equals(messageCode + "^" + trigger);
  }

  /** The standard type with this folder name. */
  public static Optional<StandardDataType> ofCode(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  @Override
  public String toString() {
    return code;
  }
}

package dev.ssmix2.examples.web;

/**
 * One drug line of a current 処方 (OMP-01/11) or 注射 (OMP-02/12) order.
 *
 * @param recordId the record it comes from, for the raw view
 * @param date 診療日 ({@code yyyy-MM-dd})
 * @param start 開始日時 as precise as sent ({@code 2011-07-01 08:30}), empty when not given: injections of one day
 *     differ only by it
 * @param kind {@value #PRESCRIPTION} or {@value #INJECTION}
 * @param drug 薬剤名
 * @param dose 1回量 or 1日量 as ordered
 * @param unit 単位
 * @param usage 用法
 * @param days 日数・回数
 * @param route 投与経路
 * @param lastDay the last day the order runs ({@code yyyy-MM-dd}), empty when unknown
 * @param active whether the order runs on the chart's date
 */
public record Prescription(
    String recordId,
    String date,
    String start,
    String kind,
    String drug,
    String dose,
    String unit,
    String usage,
    String days,
    String route,
    String lastDay,
    boolean active) {

  /** {@link #kind()} of an oral/external prescription. */
  public static final String PRESCRIPTION = "処方";
  /** {@link #kind()} of an injection. */
  public static final String INJECTION = "注射";

  public Prescription {
    recordId = Texts.orEmpty(recordId);
    date = Texts.orEmpty(date);
    start = Texts.orEmpty(start);
    kind = Texts.orEmpty(kind);
    drug = Texts.orEmpty(drug);
    dose = Texts.orEmpty(dose);
    unit = Texts.orEmpty(unit);
    usage = Texts.orEmpty(usage);
    days = Texts.orEmpty(days);
    route = Texts.orEmpty(route);
    lastDay = Texts.orEmpty(lastDay);
  }
}

package dev.ssmix2.examples.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A fixed, in-memory {@link ViewerData} for the viewer's tests: two patients, one with allergies, prescriptions, labs on
 * three dates (one value flagged H), and one whose name is markup and who has no allergy record.
 */
final class FakeViewerData implements ViewerData {
  static final String YAMADA = "P0001";
  static final String MARKUP = "P0002";
  static final String MARKUP_NAME = "<script>alert(1)</script>太郎";
  /** A patient id whose lookup fails inside the data layer, to check that no internals reach the client. */
  static final String BROKEN = "BROKEN";

  private record Patient(PatientChart chart, List<RecordRow> records) {}

  private final Map<String, Patient> patients = Map.of(
      YAMADA, new Patient(yamada(), yamadaRecords()),
      MARKUP, new Patient(markup(), List.of()));
  private final Map<String, RawRecord> raw = Map.of(
      "r-omp-1", new RawRecord("r-omp-1", "000/000/P0001/2024-03-01/OMP-01/P0001_2024-03-01_OMP-01_0001_20240301120000000_01_1",
          "ISO-2022-JP", RecordStatus.CURRENT, "MSH|^~\\&|HIS|||||20240301120000||RDE^O11^RDE_O11|1|P|2.5||||||~ISO IR87||ISO 2022-1994\n"
              + "PID|||P0001||山田^太郎^^^^^L^I~ヤマダ^タロウ^^^^^L^P||19500401|M\n"
              + "RXE||1103001F1^ロキソプロフェンNa錠60mg^HOT|1||TAB^錠^MR9P"),
      "r-omp-0", new RawRecord("r-omp-0", "000/000/P0001/2024-03-01/OMP-01/P0001_2024-03-01_OMP-01_0001_20240301100000000_01_1",
          "ISO-2022-JP", RecordStatus.SUPERSEDED, "MSH|^~\\&|HIS|||||20240301100000||RDE^O11^RDE_O11|0|P|2.5\n"));

  @Override
  public SearchResponse search(String query, int limit) {
    String katakana = Kana.toKatakana(query).replace(" ", "").replace("　", "");
    List<SearchHit> hits = new ArrayList<>();
    for (Patient patient : patients.values()) {
      PatientChart chart = patient.chart();
      List<String> matched = new ArrayList<>();
      if (!katakana.isEmpty() && chart.kana().replace(" ", "").contains(katakana)) {
        matched.add("読み一致");
      }
      if (chart.name().contains(query)) {
        matched.add("氏名一致");
      }
      if (chart.patientId().equals(query)) {
        matched.add("患者ID一致");
      }
      if (!matched.isEmpty()) {
        hits.add(new SearchHit(chart.patientId(), chart.name(), chart.kana(), chart.birthDate(), chart.age(),
            chart.sex(), matched.size(), matched));
      }
    }
    hits.sort((a, b) -> a.patientId().compareTo(b.patientId()));
    return new SearchResponse(query, hits.subList(0, Math.min(limit, hits.size())));
  }

  @Override
  public Optional<PatientChart> patient(String patientId) {
    if (patientId.equals(BROKEN)) {
      throw new IllegalStateException("secret internal detail /var/ssmix2/" + patientId);
    }
    return Optional.ofNullable(patients.get(patientId)).map(Patient::chart);
  }

  @Override
  public Optional<List<RecordRow>> records(String patientId, boolean history) {
    return Optional.ofNullable(patients.get(patientId))
        .map(p -> p.records().stream().filter(r -> history || r.status() == RecordStatus.CURRENT).toList());
  }

  @Override
  public Optional<RawRecord> raw(String recordId) {
    return Optional.ofNullable(raw.get(recordId));
  }

  private static PatientChart yamada() {
    return new PatientChart(YAMADA, "山田 太郎", "ヤマダ タロウ", "YAMADA TARO", Optional.of(LocalDate.of(1950, 4, 1)),
        OptionalInt.of(74), "M", "東京都千代田区1-1", List.of("03-0000-0000"), true,
        List.of(new Allergy("ペニシリン", "薬剤", "重度", "アナフィラキシー"), new Allergy("そば", "食物", "", "じんましん")),
        List.of(
            new Prescription("r-omp-1", "2024-03-01", Prescription.PRESCRIPTION, "ロキソプロフェンNa錠60mg", "3", "錠",
                "1日3回毎食後", "7", "経口"),
            new Prescription("r-omp-2", "2024-03-01", Prescription.INJECTION, "生理食塩液500mL", "1", "袋", "点滴",
                "1", "静注")),
        List.of(
            lab("2024-01-10", "3D010", "クレアチニン", "0.9", "", "r-lab-1"),
            lab("2024-02-10", "3D010", "クレアチニン", "1.1", "", "r-lab-2"),
            lab("2024-03-10", "3D010", "クレアチニン", "1.8", "H", "r-lab-3"),
            new LabResult("r-lab-3", "2024-03-10", "3F015", "血糖", "98", "mg/dL", "70-109", "N", "血漿")),
        List.of(new Problem("高血圧症", "I10", "2010-05-01", "継続")),
        List.of(new Encounter("r-adt-1", "2024-03-01", "外来受診", "内科", "")),
        List.of("ADT-00 が 2 件あり、最新を表示しています"));
  }

  private static LabResult lab(String date, String code, String name, String value, String flag, String recordId) {
    return new LabResult(recordId, date, code, name, value, "mg/dL", "0.6-1.1", flag, "血清");
  }

  private static List<RecordRow> yamadaRecords() {
    String dir = "000/000/P0001/2024-03-01/OMP-01/";
    return List.of(
        new RecordRow("r-omp-1", "OMP-01", "処方オーダ", "2024-03-01", "0001", "20240301120000000", RecordStatus.CURRENT,
            dir + "P0001_2024-03-01_OMP-01_0001_20240301120000000_01_1", "ロキソプロフェンNa錠60mg"),
        new RecordRow("r-omp-0", "OMP-01", "処方オーダ", "2024-03-01", "0001", "20240301100000000",
            RecordStatus.SUPERSEDED, dir + "P0001_2024-03-01_OMP-01_0001_20240301100000000_01_1", "旧版"),
        new RecordRow("r-omp-9", "OMP-01", "処方オーダ", "2024-02-01", "0009", "20240201100000000", RecordStatus.DELETED,
            dir + "P0001_2024-02-01_OMP-01_0009_20240201100000000_01_1", "削除された処方"));
  }

  private static PatientChart markup() {
    return new PatientChart(MARKUP, MARKUP_NAME, "スクリプト タロウ", "", Optional.empty(), OptionalInt.empty(), "F",
        "<img src=x onerror=alert(2)>", List.of(), false, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of());
  }

  /** Hiragana to katakana, code point by code point. */
  static final class Kana {
    private Kana() {}

    static String toKatakana(String s) {
      StringBuilder out = new StringBuilder();
      s.codePoints().forEach(cp -> out.appendCodePoint(cp >= 0x3041 && cp <= 0x3096 ? cp + 0x60 : cp));
      return out.toString();
    }
  }
}

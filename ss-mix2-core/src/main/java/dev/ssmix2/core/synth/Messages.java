package dev.ssmix2.core.synth;

import dev.ssmix2.core.synth.Vocabulary.Allergen;
import dev.ssmix2.core.synth.Vocabulary.Diagnosis;
import dev.ssmix2.core.synth.Vocabulary.Drug;
import dev.ssmix2.core.synth.Vocabulary.Exam;
import dev.ssmix2.core.synth.Vocabulary.Injection;
import dev.ssmix2.core.synth.Vocabulary.LabTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * HL7 v2.5 message text in the shapes of the guideline sample messages (docs/storage-rules.md, "Message shapes").
 * Segments end with CR; the writer re-terminates them as asked.
 */
final class Messages {
  static final String FACILITY = "登呂総合病院";
  private static final String MSH_TAIL = "|P|2.5||||||~ISO IR87||ISO 2022-1994"
      + "|SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO";

  /** A doctor as an XCN: {@code id^family^given^^^^^^^L^^^^^I}. */
  record Doctor(String id, String family, String given) {
    String xcn() {
      return id + "^" + family + "^" + given + "^^^^^^^L^^^^^I";
    }
  }

  record Dept(String code, String name) {}

  static final List<Doctor> DOCTORS = List.of(new Doctor("D0101", "医師", "一郎"), new Doctor("D0102", "診療", "花子"),
      new Doctor("D0103", "外来", "次郎"), new Doctor("D0104", "病棟", "三郎"), new Doctor("D0105", "検査", "良子"),
      new Doctor("D0106", "画像", "健"), new Doctor("D0107", "循環", "誠"), new Doctor("D0108", "呼吸", "恵"));
  static final List<Dept> DEPTS = List.of(new Dept("01", "内科"), new Dept("10", "外科"), new Dept("15", "呼吸器外科"),
      new Dept("08", "小児科"), new Dept("13", "整形外科"), new Dept("24", "産婦人科"), new Dept("05", "循環器科"),
      new Dept("19", "眼科"));

  private Messages() {}

  static StringBuilder msh(LocalDateTime t, String type, String control) {
    StringBuilder sb = new StringBuilder(1024);
    sb.append("MSH|^~\\&|HIS|SSMIX2SYN|GW|RCV|").append(Clock.msh7(t)).append("||").append(type).append('|')
        .append(control).append(MSH_TAIL).append('\r');
    return sb;
  }

  static void evn(StringBuilder sb, LocalDateTime t, LocalDateTime occurred) {
    Seg s = new Seg("EVN").set(2, Clock.minutes(t));
    if (occurred != null) {
      s.set(6, Clock.minutes(occurred));
    }
    s.appendTo(sb);
  }

  /** PID with the name as the file spells it ({@code pid5}), address, phone and PID-33. */
  static void pid(StringBuilder sb, Person p, String pid5, LocalDateTime updated) {
    new Seg("PID").set(1, "0001").set(3, p.id() + "^^^^PI").set(5, pid5).set(7, Clock.date(p.birthDate()))
        .set(8, String.valueOf(p.sex())).set(11, "^^^^" + p.zip() + "^JPN^H^" + p.address())
        .set(13, "^PRN^PH^^^^^^^^^" + p.phone()).set(33, Clock.seconds(updated)).appendTo(sb);
  }

  static void pv1Outpatient(StringBuilder sb, Dept d, Doctor doc, LocalDateTime admit) {
    Seg s = new Seg("PV1").set(1, "0001").set(2, "O").set(3, d.code() + "^^^^^C").set(7, doc.xcn())
        .set(10, d.code());
    if (admit != null) {
      s.set(44, Clock.minutes(admit));
    }
    s.appendTo(sb);
  }

  static void pv1Inpatient(StringBuilder sb, String location, String prior, Dept d, Doctor doc, LocalDateTime admit,
      LocalDateTime discharge) {
    Seg s = new Seg("PV1").set(1, "0001").set(2, "I").set(3, location).set(7, doc.xcn()).set(10, d.code())
        .set(17, doc.xcn());
    if (prior != null) {
      s.set(6, prior);
    }
    if (admit != null) {
      s.set(44, Clock.minutes(admit));
    }
    if (discharge != null) {
      s.set(36, "01").set(45, Clock.minutes(discharge));
    }
    s.appendTo(sb);
  }

  static Seg orc(String control, String orderNo, LocalDateTime entered, Dept d, Doctor doc, boolean inpatient) {
    return new Seg("ORC").set(1, control).set(2, orderNo).set(9, Clock.seconds(entered)).set(12, doc.xcn())
        .set(13, inpatient ? "32^302^^^^N" : d.code() + "^^^^^C").set(17, d.code() + "^" + d.name() + "^99XY1")
        .set(21, FACILITY)
        .set(29, inpatient ? "I^入院患者オーダ^HL70482" : "O^外来患者オーダ^HL70482");
  }

  static void prescriptionGroups(StringBuilder sb, String control, String orderNo, LocalDateTime t, Dept d,
      Doctor doc, boolean inpatient, List<Drug> drugs, int days) {
    int rp = 1;
    for (Drug drug : drugs) {
      orc(control, orderNo, t, d, doc, inpatient).set(4, String.valueOf(rp++)).appendTo(sb);
      Vocabulary.Usage u = Vocabulary.USAGES.get(drug.usage());
      String unit = drug.unitCode() + "^" + drug.unitName() + "^MR9P";
      double perDay = Double.parseDouble(drug.dose()) * u.timesPerDay();
      String total = trim(perDay * (drug.route().equals("PO") ? days : 1));
      new Seg("RXE").set(2, drug.code() + "^" + drug.name() + "^HOT9").set(3, drug.dose()).set(5, unit)
          .set(10, total).set(11, unit).set(15, orderNo.substring(7))
          .set(19, trim(perDay) + "^" + drug.unitCode() + "&" + drug.unitName() + "&MR9P")
          .set(21, inpatient ? "IHP^入院処方^MR9P" : "OHP^外来処方^MR9P~OHI^院内処方^MR9P").appendTo(sb);
      Seg tq1 = new Seg("TQ1").set(1, "1").set(7, Clock.minutes(t).substring(0, 10));
      if (!u.code().isEmpty()) {
        tq1.set(3, u.code() + "&" + u.text() + "&JAMISDP01");
      }
      if (drug.route().equals("PO")) {
        tq1.set(6, days + "^d");
      }
      tq1.appendTo(sb);
      new Seg("RXR").set(1, drug.route().equals("PO") ? "PO^口^HL70162" : "TP^局所^HL70162").appendTo(sb);
    }
  }

  static void injectionGroups(StringBuilder sb, String control, String orderNo, LocalDateTime t, Dept d,
      Doctor doc, Injection base, Injection additive) {
    orc(control, orderNo, t, d, doc, true).set(4, orderNo + "_01_001").appendTo(sb);
    new Seg("RXE").set(2, "00^一般^99I02").set(3, "500").set(5, "ML^ミリリットル^MR9P").set(6, "INJ^注射剤^MR9P")
        .set(21, "IHP^入院処方^MR9P").appendTo(sb);
    new Seg("TQ1").set(1, "1").set(7, Clock.minutes(t)).set(8, Clock.minutes(t.plusHours(5))).appendTo(sb);
    new Seg("RXR").set(1, "IV^静脈内^HL70162").set(3, "IVP^点滴ポンプ^HL70164").appendTo(sb);
    rxc(sb, base);
    if (additive != null) {
      rxc(sb, additive);
    }
  }

  private static void rxc(StringBuilder sb, Injection i) {
    new Seg("RXC").set(1, i.component()).set(2, i.code() + "^" + i.name() + "^HOT9").set(3, i.amount())
        .set(4, i.unitCode() + "^" + i.unitName() + "^MR9P").appendTo(sb);
  }

  static void administration(StringBuilder sb, String orderNo, LocalDateTime t, Dept d, Doctor doc,
      String drugCwe, String amount, String unit, String route) {
    orc("NW", orderNo, t, d, doc, true).set(4, "1").appendTo(sb);
    new Seg("RXA").set(1, "0").set(2, "1").set(3, Clock.minutes(t)).set(4, Clock.minutes(t)).set(5, drugCwe)
        .set(6, amount).set(7, unit).set(10, "N0201^看護^花子^^^^^^^L^^^^^I").set(11, "32^302^^^^N").set(20, "CP")
        .set(22, Clock.seconds(t)).appendTo(sb);
    new Seg("RXR").set(1, route).appendTo(sb);
  }

  /** OML^O33 order: SPM { ORC OBR OBX* } per specimen group. */
  static void labOrder(StringBuilder sb, String control, String orderNo, LocalDateTime t, Dept d, Doctor doc,
      boolean inpatient, List<List<LabTest>> groups) {
    int spm = 1;
    for (List<LabTest> group : groups) {
      String material = group.get(0).group().equals("E001") ? "019^全血^JC10" : "023^血清^JC10";
      new Seg("SPM").set(1, String.valueOf(spm++)).set(4, material).set(17, Clock.minutes(t)).appendTo(sb);
      orc(control, orderNo, t, d, doc, inpatient).appendTo(sb);
      new Seg("OBR").set(1, "1").set(2, orderNo).set(4, groupCwe(group.get(0))).set(16, doc.xcn()).appendTo(sb);
      int i = 1;
      for (LabTest test : group) {
        new Seg("OBX").set(1, String.valueOf(i++)).set(3, test.code() + "^" + test.name() + "^JC10").set(11, "O")
            .appendTo(sb);
      }
    }
  }

  /** OUL^R22 result: SPM { OBR ORC OBX* } with numeric values, ranges and H/L flags. */
  static void labResult(StringBuilder sb, String orderNo, String fillerNo, LocalDateTime collected,
      LocalDateTime reported, Dept d, Doctor doc, boolean inpatient, List<List<LabTest>> groups,
      SplittableRandom rng) {
    int spm = 1;
    for (List<LabTest> group : groups) {
      String material = group.get(0).group().equals("E001") ? "019^全血^JC10" : "023^血清^JC10";
      new Seg("SPM").set(1, String.valueOf(spm++)).set(2, fillerNo).set(4, material)
          .set(17, Clock.minutes(collected)).appendTo(sb);
      new Seg("OBR").set(1, "1").set(2, orderNo).set(3, fillerNo).set(4, groupCwe(group.get(0)))
          .set(7, Clock.minutes(collected)).set(16, doc.xcn()).set(22, Clock.seconds(reported)).appendTo(sb);
      orc("SC", orderNo, reported, d, doc, inpatient).set(3, fillerNo).set(5, "CM").appendTo(sb);
      int i = 1;
      for (LabTest test : group) {
        double span = test.high() - test.low();
        double v;
        String flag = "";
        if (rng.nextDouble() < test.abnormalRate()) {
          boolean high = test.low() <= 0 || rng.nextDouble() < 0.7;
          v = high ? test.high() + span * (0.05 + rng.nextDouble() * 0.8)
              : Math.max(0, test.low() - span * (0.05 + rng.nextDouble() * 0.3));
          flag = high ? "H" : "L";
        } else {
          v = test.low() + span * (0.05 + rng.nextDouble() * 0.9);
        }
        String value = String.format(Locale.ROOT, "%." + test.decimals() + "f", v);
        if (!flag.isEmpty()) {
          // Rounding can pull a barely-abnormal value back to the limit; the flag must match the written value.
          double written = Double.parseDouble(value);
          if (written <= test.high() && written >= test.low()) {
            flag = "";
          }
        }
        Seg obx = new Seg("OBX").set(1, String.valueOf(i++)).set(2, "NM")
            .set(3, test.code() + "^" + test.name() + "^JC10").set(5, value)
            .set(7, trim(test.low()) + "-" + trim(test.high())).set(8, flag).set(11, "F")
            .set(14, Clock.minutes(collected));
        if (!test.unit().equals("-")) {
          obx.set(6, test.unit() + "^" + test.unit() + "^99XYZ");
        }
        obx.appendTo(sb);
      }
    }
  }

  private static String groupCwe(LabTest t) {
    int g = Integer.parseInt(t.group().substring(1));
    return t.group() + "^" + Vocabulary.GROUP_NAMES[g] + "^99O03";
  }

  static void examOrder(StringBuilder sb, String control, String orderNo, LocalDateTime t, Dept d, Doctor doc,
      boolean inpatient, Exam exam) {
    orc(control, orderNo, t, d, doc, inpatient).appendTo(sb);
    new Seg("TQ1").set(1, "1").set(9, "R^^HL70485").appendTo(sb);
    new Seg("OBR").set(1, "1").set(2, orderNo).set(4, exam.code() + "^" + exam.name() + "^" + system(exam))
        .set(16, doc.xcn())
        .appendTo(sb);
  }

  static void examPerformed(StringBuilder sb, String orderNo, LocalDateTime performed, Dept d, Doctor doc,
      boolean inpatient, Exam exam, String accession) {
    orc("SC", orderNo, performed, d, doc, inpatient).set(5, "CM").appendTo(sb);
    new Seg("TQ1").set(1, "1").set(9, "R^^HL70485").appendTo(sb);
    new Seg("OBR").set(1, "1").set(2, orderNo).set(4, exam.code() + "^" + exam.name() + "^" + system(exam))
        .set(7, Clock.seconds(performed)).set(16, doc.xcn()).set(22, Clock.seconds(performed)).set(25, "F")
        .appendTo(sb);
    new Seg("ZE1").set(1, "1").set(2, "RS").set(3, exam.code() + "^" + exam.name() + "^" + system(exam))
        .appendTo(sb);
    new Seg("IPC").set(1, accession).set(2, "P" + accession.substring(1, 6))
        .set(3, "1.2.392.200036.9999." + accession.substring(1)).set(5, modality(exam) + "^^DCM").appendTo(sb);
  }

  private static String system(Exam e) {
    return switch (e.dataType()) {
      case "OMG-02" -> "LENDO";
      case "OMG-03" -> "99MFR";
      default -> "JJ1017";
    };
  }

  private static String modality(Exam e) {
    String c = e.code();
    return c.startsWith("2") ? "CT" : c.startsWith("3") ? "MR" : c.startsWith("6") ? "MG" : c.startsWith("99A")
        ? "US" : "CR";
  }

  static void problems(StringBuilder sb, List<Diagnosis> dx, List<LocalDate> onset, Doctor doc) {
    for (int i = 0; i < dx.size(); i++) {
      Diagnosis d = dx.get(i);
      String on = Clock.date(onset.get(i));
      new Seg("PRB").set(1, "AD").set(2, on).set(3, d.code() + "^" + d.name() + "^MDCDX2").set(4, "PRB" + (i + 1))
          .set(7, on).set(10, d.icd10() + "^^I10^O^外来時^JHSD0004").set(16, on)
          .set(18, (i == 0 ? "1^主診断^JHSD0007" : "3^副診断^JHSD0007")).appendTo(sb);
      new Seg("ZPR").set(2, d.code() + "^" + d.name() + "^MDCDX2").appendTo(sb);
      new Seg("ORC").set(1, "NW").set(2, dev.ssmix2.core.storage.FileName.NO_ORDER).set(12, doc.xcn()).set(17, "01^内科^99XY1")
          .set(29, "O^外来患者オーダ^HL70482").appendTo(sb);
    }
  }

  static void allergies(StringBuilder sb, List<Allergen> allergens, LocalDate since) {
    int i = 1;
    for (Allergen a : allergens) {
      String type = switch (a.type()) {
        case "DA" -> "DA^薬剤アレルギー^HL70127";
        case "FA" -> "FA^食物アレルギー^HL70127";
        case "LA" -> "LA^花粉アレルギー^HL70127";
        default -> "EA^環境アレルギー^HL70127";
      };
      new Seg("IAM").set(1, String.valueOf(i++)).set(2, type).set(3, a.code()).set(4, "MI^軽度^HL70128")
          .set(5, a.reaction()).set(6, "A^追加^HL70323").set(11, Clock.date(since).substring(0, 6)).appendTo(sb);
    }
  }

  static void demographicsObservations(StringBuilder sb, Person p, SplittableRandom rng) {
    boolean male = p.sex() == 'M';
    double height = (male ? 160 : 148) + rng.nextDouble() * 22;
    double weight = (male ? 52 : 42) + rng.nextDouble() * 35;
    new Seg("OBX").set(1, "1").set(2, "NM").set(3, "9N001000000000001^身長^JC10")
        .set(5, String.format(Locale.ROOT, "%.1f", height)).set(6, "cm^cm^ISO+").set(11, "F").appendTo(sb);
    new Seg("OBX").set(1, "2").set(2, "NM").set(3, "9N006000000000001^体重^JC10")
        .set(5, String.format(Locale.ROOT, "%.1f", weight)).set(6, "kg^kg^ISO+").set(11, "F").appendTo(sb);
    String abo = new String[] {"A", "O", "B", "AB"}[(int) (rng.nextDouble() * 10) % 4];
    new Seg("OBX").set(1, "3").set(2, "CWE").set(3, "5H010000009199911^血液型-ABO式^JC10")
        .set(5, abo + "^" + abo + "^JSHR002").set(11, "F").appendTo(sb);
  }

  private static String trim(double v) {
    if (v == Math.rint(v)) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
  }
}

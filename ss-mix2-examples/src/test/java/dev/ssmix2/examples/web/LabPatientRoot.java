package dev.ssmix2.examples.web;

import dev.ssmix2.core.storage.FileName;
import dev.ssmix2.core.write.StorageWriter;
import java.nio.file.Path;

/**
 * A small storage root written for the viewer tests, because no fixture patient has a flagged lab value or a missing
 * birth date: 試験 花子 with a drug allergy (ADT-61) and クレアチニン on three dates, the last one flagged H (OML-11);
 * and 未詳 一郎, whose ADT-00 has no 生年月日.
 */
public final class LabPatientRoot {
  /** ADT-00 + ADT-61 + three OML-11. */
  static final String LAB_PATIENT_ID = "0000000321";
  static final String LAB_PATIENT_NAME = "試験　花子";
  static final String LAB_PATIENT_KANA = "しけん はなこ";
  static final String ALLERGEN = "ペニシリン";
  static final String ABNORMAL_VALUE = "1.8";
  /** ADT-00 + one OML-11 whose 白血球数 was sent as {@code 500×10^4} with the {@code ^} unescaped. */
  public static final String AMBIGUOUS_PATIENT_ID = "0000000323";
  public static final String AMBIGUOUS_RAW = "500×10^4";
  /** The same OBX as a real sender wrote it: a string (ST) value whose {@code ^} splits it into two components. */
  static final String AMBIGUOUS_OBX = "OBX|1|ST|2A010000001930901^白血球数^JC10||" + AMBIGUOUS_RAW
      + "|/μL|3300-8600||||F|||20240310090000\r";
  /** The NTE comment sent after the ambiguous 白血球数. */
  static final String LAB_COMMENT = "凝集あり再検";
  static final String VITAL_TEMPERATURE = "37.2";
  static final String VITAL_AMBIGUOUS = "128^74";
  /** ADT-00 only, PID-7 empty. */
  static final String NO_BIRTH_DATE_ID = "0000000322";
  static final String NO_BIRTH_DATE_KANA = "みしょう いちろう";

  private static final String MSH = "MSH|^~\\&|HIS|HOSP|GW|RCV|%s||%s|%s|P|2.5||||||~ISO IR87||ISO 2022-1994|"
      + "SS-MIX2_1.20^SS-MIX2^1.2.392.200250.2.1.100.1.2.120^ISO\r";
  private static final String HANAKO_PID = "PID|0001||0000000321^^^^PI||試験^花子^^^^^L^I~シケン^ハナコ^^^^^L^P||"
      + "19600101|F|||^^^^980-0811^JPN^H^宮城県仙台市青葉区一番町２番２号\r";

  private LabPatientRoot() {}

  /** Writes the root into {@code root} (created) and returns it. */
  public static Path write(Path root) {
    StorageWriter writer = StorageWriter.create(root);
    writer.insert(String.format(MSH, "20240101090000", "ADT^A08^ADT_A01", "1") + "EVN||202401010900\r" + HANAKO_PID
        + "PV1|0001|O\r", FileName.parse("0000000321_-_ADT-00_999999999999999_20240101090000000_-_1"));
    writer.insert(String.format(MSH, "20240101090000", "ADT^A60^ADT_A60", "2") + "EVN||202401010900\r" + HANAKO_PID
        + "IAM|1|DA^薬剤アレルギー^HL70127|1^" + ALLERGEN + "^99XYZ|SV^重度^HL70128|アナフィラキシー|A^追加^HL70323\r",
        FileName.parse("0000000321_-_ADT-61_999999999999999_20240101090000000_-_1"));
    lab(writer, "20240110", "501", "0.8", "");
    lab(writer, "20240210", "502", "1.0", "");
    lab(writer, "20240310", "503", ABNORMAL_VALUE, "H");
    writer.insert(String.format(MSH, "20240101090000", "ADT^A08^ADT_A01", "4") + "EVN||202401010900\r"
        + "PID|0001||0000000322^^^^PI||未詳^一郎^^^^^L^I~ミショウ^イチロウ^^^^^L^P|||M\rPV1|0001|O\r",
        FileName.parse("0000000322_-_ADT-00_999999999999999_20240101090000000_-_1"));
    String jiro = "PID|0001||0000000323^^^^PI||検査^次郎^^^^^L^I~ケンサ^ジロウ^^^^^L^P||19700202|M\r";
    writer.insert(String.format(MSH, "20240101090000", "ADT^A08^ADT_A01", "5") + "EVN||202401010900\r" + jiro
        + "PV1|0001|O\r", FileName.parse("0000000323_-_ADT-00_999999999999999_20240101090000000_-_1"));
    writer.insert(String.format(MSH, "20240310150000", "OUL^R22^OUL_R22", "6") + jiro + "PV1|0001|O|01^^^^^C\r"
        + "SPM|1|000000000000601||019^全血^JC10|||||||||||||202403100900\r"
        + "OBR|1|000000000000601|000000000000601|E001^血液学的検査^99O03|||20240310|20240310\r"
        + "ORC|SC|000000000000601|000000000000601||CM||||202403101030\r" + AMBIGUOUS_OBX + "NTE|1||" + LAB_COMMENT
        + "\r",
        FileName.parse("0000000323_20240310_OML-11_000000000000601_20240310150000000_01_1"));
    vitals(root, jiro);
    return root;
  }

  /** An extended-storage content folder of vital signs (ORU^R30): 体温 and a blood pressure sent as {@code 128^74}. */
  private static void vitals(Path root, String pid) {
    String type = "L-OBSERVATIONS^OBSERVATIONS^99ZL01";
    Path folder = root.resolve("000/000/0000000323/20240310/" + type + "/0000000323_20240310_" + type
        + "_000000020240310_20240310150000000_01_1");
    String message = String.format(MSH, "20240310150000", "ORU^R30^ORU_R30", "7") + pid
        + "OBR|1||||||202403101500\r"
        + "OBX|1|NM|8310-5^体温^LN||" + VITAL_TEMPERATURE + "|Cel^Cel^UCUM|||||F|||202403101500\r"
        + "OBX|2|NM|8480-6^血圧^LN||" + VITAL_AMBIGUOUS + "|mm[Hg]^mm[Hg]^UCUM|||||F|||202403101500\r";
    try {
      java.nio.file.Files.createDirectories(folder);
      java.nio.file.Files.write(folder.resolve("main_document.hl7"),
          message.getBytes(java.nio.charset.Charset.forName("ISO-2022-JP")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void lab(StorageWriter writer, String date, String order, String value, String flag) {
    String orderNo = "000000000000" + order;
    writer.insert(String.format(MSH, date + "150000", "OUL^R22^OUL_R22", "3" + order) + HANAKO_PID
        + "PV1|0001|O|01^^^^^C\r"
        + "SPM|1|" + orderNo + "||023^血清^JC10|||||||||||||" + date + "0900\r"
        + "OBR|1|" + orderNo + "|" + orderNo + "|E001^血液学的検査^99O03|||" + date + "|" + date + "\r"
        + "ORC|SC|" + orderNo + "|" + orderNo + "||CM||||" + date + "1030\r"
        + "OBX|1|NM|3C015000002327101^クレアチニン^JC10||" + value + "|mg/dL^mg/dL^99XYZ|0.40-1.10|" + flag
        + "|||F|||" + date + "0900\r",
        FileName.parse("0000000321_" + date + "_OML-11_" + orderNo + "_" + date + "150000000_01_1"));
  }
}

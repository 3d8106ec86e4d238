package dev.ssmix2.core.summary;

import java.util.Optional;

/**
 * What a JLAC10 code says about its test: the analyte code's first digit is the broad category and the second the
 * medium one (see docs/clinical-summary.md).
 */
final class Jlac10 {
  private static final String[] BROAD = {"", "尿・糞便等検査", "血液学的検査", "生化学的検査", "内分泌学的検査",
      "免疫学的検査", "微生物学的検査"};

  private Jlac10() {}

  /** The broad category digit of a JLAC10 code (15 or 17 characters starting with a digit). */
  static Optional<String> category(String code) {
    if ((code.length() == 17 || code.length() == 15) && code.charAt(0) >= '1' && code.charAt(0) <= '9') {
      return Optional.of(code.substring(0, 1));
    }
    return Optional.empty();
  }

  static String categoryName(String digit) {
    if (digit.isEmpty()) {
      return "その他の検査 (JLAC10 以外のコード)";
    }
    int d = digit.charAt(0) - '0';
    return d < BROAD.length ? BROAD[d] : "その他の検査";
  }

  /**
   * Infection serology: medium categories 5E (感染症血清反応: syphilis, ASO …) and 5F (ウイルス感染症: hepatitis B/C,
   * HIV …).
   */
  static boolean isInfectionSerology(String code) {
    return category(code).isPresent() && (code.startsWith("5E") || code.startsWith("5F"));
  }
}

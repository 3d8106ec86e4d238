package dev.ssmix2.examples.web;

/**
 * One allergy or contraindication from ADT-61 (IAM) or ADT-00 (AL1).
 *
 * @param allergen アレルゲン
 * @param type アレルギー分類 (e.g. 薬剤アレルギー / 食物アレルギー)
 * @param severity 重症度
 * @param reaction 症状
 * @param drugAllergy whether the type says drug allergy (listed first, never hidden)
 */
public record Allergy(String allergen, String type, String severity, String reaction, boolean drugAllergy) {

  public Allergy {
    allergen = Texts.orEmpty(allergen);
    type = Texts.orEmpty(type);
    severity = Texts.orEmpty(severity);
    reaction = Texts.orEmpty(reaction);
  }

  public Allergy(String allergen, String type, String severity, String reaction) {
    this(allergen, type, severity, reaction, false);
  }
}

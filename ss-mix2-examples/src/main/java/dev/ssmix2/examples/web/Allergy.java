package dev.ssmix2.examples.web;

/**
 * One allergy from ADT-61 (AL1 segment).
 *
 * @param allergen アレルゲン (AL1-3 text)
 * @param type アレルギー分類 (AL1-2, e.g. 薬剤 / 食物)
 * @param severity 重症度 (AL1-4)
 * @param reaction 症状 (AL1-5)
 */
public record Allergy(String allergen, String type, String severity, String reaction) {

  public Allergy {
    allergen = Texts.orEmpty(allergen);
    type = Texts.orEmpty(type);
    severity = Texts.orEmpty(severity);
    reaction = Texts.orEmpty(reaction);
  }
}

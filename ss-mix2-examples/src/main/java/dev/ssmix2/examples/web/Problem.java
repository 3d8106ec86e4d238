package dev.ssmix2.examples.web;

/**
 * One entry of the 病名 list (PPR-01, PRB segment).
 *
 * @param name 病名
 * @param icd10 ICD-10 code, empty when not coded
 * @param onset 発症日 or 開始日 ({@code yyyy-MM-dd})
 * @param status 転帰 or state as stored (e.g. 継続, 治癒)
 */
public record Problem(String name, String icd10, String onset, String status) {

  public Problem {
    name = Texts.orEmpty(name);
    icd10 = Texts.orEmpty(icd10);
    onset = Texts.orEmpty(onset);
    status = Texts.orEmpty(status);
  }
}

package dev.ssmix2.examples.web;

/**
 * One visit or ward event (ADT-12/22/42/52 …).
 *
 * @param recordId the record it comes from, for the raw view
 * @param date 診療日 or event time
 * @param kind what happened, in Japanese (外来受付, 入院, 退院, 転科・転棟 …)
 * @param department 診療科 name when any message of the patient names it, else its code
 * @param ward 病棟 (and room/bed when known)
 * @param departmentCode 診療科 code as the encounter sent it
 */
public record Encounter(String recordId, String date, String kind, String department, String ward,
    String departmentCode) {

  public Encounter {
    recordId = Texts.orEmpty(recordId);
    date = Texts.orEmpty(date);
    kind = Texts.orEmpty(kind);
    department = Texts.orEmpty(department);
    ward = Texts.orEmpty(ward);
    departmentCode = Texts.orEmpty(departmentCode);
  }
}

/**
 * A patient's clinical picture as of a date, built from their current records: what an outage viewer, a FHIR export
 * or a research table shows first. {@link dev.ssmix2.core.summary.ClinicalSummary} holds the rules a chart must not
 * get wrong (a drug allergy is never hidden, withdrawn allergies and deleted diagnoses are not shown, cancel messages
 * are not data, only orders running on the as-of date are active), so that no viewer has to rediscover them.
 *
 * <pre>{@code
 * ClinicalSummary s = ClinicalSummary.read(storage, PatientId.of("0000000111"), LocalDate.now());
 * switch (s.allergies().state()) {
 *   case RECORDED -> s.allergies().entries().forEach(a -> show(a.allergen().display()));
 *   case NONE_KNOWN -> show("アレルギーなし (記録あり)");
 *   case NOT_RECORDED -> warn("アレルギー情報なし");
 * }
 * }</pre>
 */
package dev.ssmix2.core.summary;

package dev.ssmix2.examples.web;

import java.util.List;

/**
 * Prescriptions and injections of one page of a patient's order history, newest first.
 *
 * @param prescriptions the order lines
 * @param olderBefore the 診療日 ({@code yyyy-MM-dd}) to ask the next page from
 *     ({@code /api/patients/{id}/medications?before=…}), empty when nothing older exists
 */
public record MedicationPage(List<Prescription> prescriptions, String olderBefore) {
  public MedicationPage {
    prescriptions = Texts.copy(prescriptions);
    olderBefore = Texts.orEmpty(olderBefore);
  }
}

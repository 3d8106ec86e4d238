package dev.ssmix2.core.synth;

/** How much clinical data each synthetic patient gets. */
public enum Profile {
  /** One ADT-00 per patient: for name-index scale tests. */
  NAMES_ONLY,
  /** A few records per patient: ADT-00, a visit or two, a prescription, a lab order and result. */
  SMALL,
  /** Years of history: visits, admissions, transfers, prescriptions, injections, labs, imaging, diagnoses, allergies. */
  REALISTIC
}

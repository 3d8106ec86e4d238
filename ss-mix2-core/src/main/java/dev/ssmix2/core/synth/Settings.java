package dev.ssmix2.core.synth;

/** The options of one generation run, shared read-only by the worker threads. */
record Settings(long seed, Profile profile, QuirkRates quirks, double supersedeRate, double deleteRate,
    boolean vitals, int longStayFrom, int longStayYears) {

  /** Whether the patient of this index is a long-stay inpatient (the last patients of a run). */
  boolean isLongStay(int index) {
    return index >= longStayFrom;
  }
}

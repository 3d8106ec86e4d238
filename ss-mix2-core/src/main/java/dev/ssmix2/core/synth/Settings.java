package dev.ssmix2.core.synth;

/** The options of one generation run, shared read-only by the worker threads. */
record Settings(long seed, Profile profile, QuirkRates quirks, double supersedeRate, double deleteRate,
    boolean vitals) {}

/**
 * Deterministic synthetic SS-MIX2 storages for tests, benchmarks and demos: realistic Japanese names with readings and
 * frequencies, clinical histories over years, update/delete churn, and the encoding quirks of real storages, with a
 * ground-truth manifest. Entry point: {@link dev.ssmix2.core.synth.SyntheticStorage}.
 */
@NullMarked
package dev.ssmix2.core.synth;

import org.jspecify.annotations.NullMarked;

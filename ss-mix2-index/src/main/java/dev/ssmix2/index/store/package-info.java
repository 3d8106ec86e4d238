/**
 * The index users open: {@link dev.ssmix2.index.store.PatientIndex} (open, update, search, patient, records), its
 * report, progress and result types, and the one exception it throws ({@link
 * dev.ssmix2.index.store.PatientIndexException}).
 */
@NullMarked
package dev.ssmix2.index.store;

import org.jspecify.annotations.NullMarked;

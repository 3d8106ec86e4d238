/**
 * The typed model: {@link dev.ssmix2.core.record.Patient} and the {@link dev.ssmix2.core.record.ClinicalRecord} family.
 */
@NullMarked
package dev.ssmix2.core.record;

import org.jspecify.annotations.NullMarked;

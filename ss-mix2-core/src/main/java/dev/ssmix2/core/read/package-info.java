/**
 * Reading a storage file into a typed record, never throwing for one bad file: {@link
 * dev.ssmix2.core.read.RecordReader}, {@link dev.ssmix2.core.read.PatientReader}.
 */
@NullMarked
package dev.ssmix2.core.read;

import org.jspecify.annotations.NullMarked;

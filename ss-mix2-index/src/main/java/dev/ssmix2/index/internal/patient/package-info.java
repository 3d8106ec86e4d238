/**
 * Internal, not API: the Lucene document layout of patients and files (field names, how a patient document is built
 * and read back, the hit fields read from doc values) and the facts the updater derives from files. Public types here
 * are public only for the module's {@code store} and {@code internal.search} packages and may change in any release.
 */
@NullMarked
package dev.ssmix2.index.internal.patient;

import org.jspecify.annotations.NullMarked;

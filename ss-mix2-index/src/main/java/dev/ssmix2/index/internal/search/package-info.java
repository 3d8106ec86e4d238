/**
 * Internal, not API: the tiered query planner that turns a {@link dev.ssmix2.index.query.ParsedQuery} into Lucene
 * queries and tags each hit with how it matched. Users search through {@link dev.ssmix2.index.store.PatientIndex}.
 */
@NullMarked
package dev.ssmix2.index.internal.search;

import org.jspecify.annotations.NullMarked;

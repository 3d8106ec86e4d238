/**
 * The bridge to HAPI's typed HL7 v2.5 model, for callers who want it. HAPI is an optional dependency of ss-mix2-core:
 * add {@code ca.uhn.hapi:hapi-base} and {@code ca.uhn.hapi:hapi-structures-v25} to use this package.
 */
@NullMarked
package dev.ssmix2.core.hl7.hapi;

import org.jspecify.annotations.NullMarked;
